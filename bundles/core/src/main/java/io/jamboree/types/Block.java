package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** A block {@code B = (H, E)} (GP §4.1, eq. 4.2), encoded {@code E(H, E)} (GP Appendix C.2 eq. C.16). */
public record Block(Header header, Extrinsic extrinsic) {
    public Block {
        Objects.requireNonNull(header);
        Objects.requireNonNull(extrinsic);
    }

    public void encode(Encoder e, ChainParams p) {
        header.encode(e, p);
        extrinsic.encode(e, p);
    }

    public static Block decode(Decoder d, ChainParams p) {
        return new Block(Header.decode(d, p), Extrinsic.decode(d, p));
    }
}
