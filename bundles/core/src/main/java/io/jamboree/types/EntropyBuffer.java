package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/** The entropy accumulator and epochal randomness {@code η ∈ ⟦H⟧_4} (GP §6.4, eq. 6.21); state key C(6). */
public record EntropyBuffer(List<Hash> entropy) {
    public static final int SIZE = 4;

    public EntropyBuffer {
        entropy = List.copyOf(Sizes.exactly(entropy, SIZE, "entropy buffer"));
    }

    public Hash get(int i) {
        return entropy.get(i);
    }

    public void encode(Encoder e, ChainParams p) {
        e.fixedSeq(entropy, (x, h) -> h.encode(x));
    }

    public static EntropyBuffer decode(Decoder d, ChainParams p) {
        return new EntropyBuffer(d.fixedSeq(SIZE, Hash::decode));
    }
}
