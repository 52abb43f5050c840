package io.jamboree.stf.statistics;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.Extrinsic;

/** Input of validator statistics: the block slot {@code H_t}, author {@code H_i} and extrinsic {@code E}. */
public record StatisticsInput(long slot, int authorIndex, Extrinsic extrinsic) {

    public static StatisticsInput decode(Decoder d, ChainParams p) {
        return new StatisticsInput(d.u32(), d.u16(), Extrinsic.decode(d, p));
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(slot);
        e.u16(authorIndex);
        extrinsic.encode(e, p);
    }
}
