package io.jamboree.stf.preimages;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.PreimagesExtrinsic;

/** Input of preimage integration: {@code E_P} and the block slot {@code H_t = τ'}. */
public record PreimagesInput(PreimagesExtrinsic preimages, long slot) {

    public static PreimagesInput decode(Decoder d, ChainParams p) {
        return new PreimagesInput(PreimagesExtrinsic.decode(d, p), d.u32());
    }

    public void encode(Encoder e, ChainParams p) {
        preimages.encode(e, p);
        e.u32(slot);
    }
}
