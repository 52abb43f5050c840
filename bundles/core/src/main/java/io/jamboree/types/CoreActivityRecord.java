package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;

/**
 * One core's per-block activity {@code π_C[c]} (GP §13.2, eq. 13.6): DA load d, popularity p, imports i,
 * extrinsic count x, extrinsic size z, exports e, bundle length l, gas used u. All naturals, encoded as general
 * naturals in state (GP Appendix D.1, C(13)).
 */
public record CoreActivityRecord(long daLoad, long popularity, long imports, long extrinsicCount, long extrinsicSize,
        long exports, long bundleSize, long gasUsed) {
    public static final CoreActivityRecord ZERO = new CoreActivityRecord(0, 0, 0, 0, 0, 0, 0, 0);

    public void encode(Encoder e, ChainParams p) {
        e.natural(daLoad);
        e.natural(popularity);
        e.natural(imports);
        e.natural(extrinsicCount);
        e.natural(extrinsicSize);
        e.natural(exports);
        e.natural(bundleSize);
        e.natural(gasUsed);
    }

    public static CoreActivityRecord decode(Decoder d, ChainParams p) {
        return new CoreActivityRecord(d.natural(), d.natural(), d.natural(), d.natural(), d.natural(), d.natural(),
                d.natural(), d.natural());
    }
}
