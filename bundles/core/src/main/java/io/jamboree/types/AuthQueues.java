package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The authorizer queues {@code φ ∈ ⟦⟦H⟧_Q⟧_C} (GP §8.2, eq. 8.1): per core, exactly Q authorizer hashes.
 * Encoded without any length prefix (GP Appendix D.1, C(2)).
 */
public record AuthQueues(List<List<Hash>> queues) {
    public AuthQueues {
        ArrayList<List<Hash>> copy = new ArrayList<>(queues.size());
        for (List<Hash> l : queues) {
            copy.add(List.copyOf(l));
        }
        queues = List.copyOf(copy);
    }

    public List<Hash> queue(int core) {
        return queues.get(core);
    }

    public void encode(Encoder e, ChainParams p) {
        Sizes.exactly(queues, p.coresCount(), "auth queues");
        for (List<Hash> q : queues) {
            e.fixedSeq(Sizes.exactly(q, p.authQueueSize(), "auth queue"), (x, h) -> h.encode(x));
        }
    }

    public static AuthQueues decode(Decoder d, ChainParams p) {
        return new AuthQueues(d.fixedSeq(p.coresCount(), x -> x.fixedSeq(p.authQueueSize(), Hash::decode)));
    }
}
