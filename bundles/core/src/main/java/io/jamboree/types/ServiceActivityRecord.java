package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;

/**
 * One service's per-block activity {@code π_S[s]} (GP §13.2, eq. 13.6): provision (count, size), refinement
 * (count, gas), imports, extrinsic count, extrinsic size, exports, accumulation (count, gas). All encoded as
 * general naturals in state (GP Appendix D.1, C(13)).
 */
public record ServiceActivityRecord(long providedCount, long providedSize, long refinementCount,
        long refinementGasUsed, long imports, long extrinsicCount, long extrinsicSize, long exports,
        long accumulateCount, long accumulateGasUsed) {
    public static final ServiceActivityRecord ZERO = new ServiceActivityRecord(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public void encode(Encoder e, ChainParams p) {
        e.natural(providedCount);
        e.natural(providedSize);
        e.natural(refinementCount);
        e.natural(refinementGasUsed);
        e.natural(imports);
        e.natural(extrinsicCount);
        e.natural(extrinsicSize);
        e.natural(exports);
        e.natural(accumulateCount);
        e.natural(accumulateGasUsed);
    }

    public static ServiceActivityRecord decode(Decoder d, ChainParams p) {
        return new ServiceActivityRecord(d.natural(), d.natural(), d.natural(), d.natural(), d.natural(), d.natural(),
                d.natural(), d.natural(), d.natural(), d.natural());
    }
}
