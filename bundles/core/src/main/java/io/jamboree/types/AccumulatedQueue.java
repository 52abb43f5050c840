package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The accumulation history {@code ξ ∈ ⟦{H}⟧_E} (GP §12.1, eq. 12.1): for each of the last E slots, the hashes of
 * the work packages accumulated. Encoded as E length-prefixed sequences (GP Appendix D.1, C(15)).
 */
public record AccumulatedQueue(List<List<Hash>> slots) {
    public AccumulatedQueue {
        ArrayList<List<Hash>> copy = new ArrayList<>(slots.size());
        for (List<Hash> l : slots) {
            copy.add(List.copyOf(l));
        }
        slots = List.copyOf(copy);
    }

    public void encode(Encoder e, ChainParams p) {
        Sizes.exactly(slots, p.epochLength(), "accumulated queue");
        for (List<Hash> s : slots) {
            e.varSeq(s, (x, h) -> h.encode(x));
        }
    }

    public static AccumulatedQueue decode(Decoder d, ChainParams p) {
        return new AccumulatedQueue(d.fixedSeq(p.epochLength(), x -> x.varSeq(Hash.SIZE, "accumulated", Hash::decode)));
    }
}
