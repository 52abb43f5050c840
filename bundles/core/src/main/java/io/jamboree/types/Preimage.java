package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** A preimage {@code (s ∈ N_S, d ∈ B)} in the preimages extrinsic (GP §12.4, eq. 12.38), encoded {@code E_4(s), ↕d}. */
public record Preimage(long requester, Blob blob) {
    public Preimage {
        Sizes.u32(requester, "service id");
        Objects.requireNonNull(blob);
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(requester);
        blob.encode(e);
    }

    public static Preimage decode(Decoder d, ChainParams p) {
        return new Preimage(d.u32(), Blob.decode(d));
    }
}
