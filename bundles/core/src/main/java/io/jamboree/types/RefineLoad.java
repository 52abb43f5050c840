package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;

/**
 * The refinement load of a work digest (GP §11.1.4, eq. 11.6): gas used u, imports i, extrinsic count x,
 * extrinsic size z and exports e. All encoded as general naturals (GP C.2 eq. C.26, "variable length").
 */
public record RefineLoad(long gasUsed, long imports, long extrinsicCount, long extrinsicSize, long exports) {
    public static final RefineLoad ZERO = new RefineLoad(0, 0, 0, 0, 0);

    public void encode(Encoder e, ChainParams p) {
        e.natural(gasUsed);
        e.natural(imports);
        e.natural(extrinsicCount);
        e.natural(extrinsicSize);
        e.natural(exports);
    }

    public static RefineLoad decode(Decoder d, ChainParams p) {
        return new RefineLoad(d.natural(), d.natural(), d.natural(), d.natural(), d.natural());
    }
}
