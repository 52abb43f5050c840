package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The accumulation queue {@code ω ∈ ⟦⟦(R, {H})⟧⟧_E} (GP §12.1, eq. 12.3): E slots, each a sequence of ready records.
 * Encoded as E length-prefixed sequences (GP Appendix D.1, C(14)).
 */
public record ReadyQueue(List<List<ReadyRecord>> slots) {
    public ReadyQueue {
        ArrayList<List<ReadyRecord>> copy = new ArrayList<>(slots.size());
        for (List<ReadyRecord> l : slots) {
            copy.add(List.copyOf(l));
        }
        slots = List.copyOf(copy);
    }

    public void encode(Encoder e, ChainParams p) {
        Sizes.exactly(slots, p.epochLength(), "ready queue");
        for (List<ReadyRecord> s : slots) {
            e.varSeq(s, (x, r) -> r.encode(x, p));
        }
    }

    public static ReadyQueue decode(Decoder d, ChainParams p) {
        return new ReadyQueue(d.fixedSeq(p.epochLength(),
                x -> x.varSeq(1, "ready records", y -> ReadyRecord.decode(y, p))));
    }
}
