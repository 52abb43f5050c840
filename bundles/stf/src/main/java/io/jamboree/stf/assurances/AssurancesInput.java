package io.jamboree.stf.assurances;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.AssurancesExtrinsic;
import io.jamboree.types.Hash;

/** Input of the assurances transition: {@code E_A}, the block slot {@code H_t} and parent hash {@code H_p}. */
public record AssurancesInput(AssurancesExtrinsic assurances, long slot, Hash parent) {

    public static AssurancesInput decode(Decoder d, ChainParams p) {
        return new AssurancesInput(AssurancesExtrinsic.decode(d, p), d.u32(), Hash.decode(d));
    }

    public void encode(Encoder e, ChainParams p) {
        assurances.encode(e, p);
        e.u32(slot);
        parent.encode(e);
    }
}
