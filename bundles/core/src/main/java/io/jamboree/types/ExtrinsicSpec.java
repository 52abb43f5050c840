package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** A work-item extrinsic reference {@code (h ∈ H, n ∈ N_4)} (GP §14.3, eq. 14.3), encoded {@code h, E_4(n)}. */
public record ExtrinsicSpec(Hash hash, long len) {
    public ExtrinsicSpec {
        Objects.requireNonNull(hash);
        Sizes.u32(len, "extrinsic length");
    }

    public void encode(Encoder e, ChainParams p) {
        hash.encode(e);
        e.u32(len);
    }

    public static ExtrinsicSpec decode(Decoder d, ChainParams p) {
        return new ExtrinsicSpec(Hash.decode(d), d.u32());
    }
}
