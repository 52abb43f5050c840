package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/** The preimages extrinsic {@code E_P} (GP §12.4, eq. 12.38), encoded as in GP Appendix C.2 eq. C.17. */
public record PreimagesExtrinsic(List<Preimage> preimages) {
    public PreimagesExtrinsic {
        preimages = List.copyOf(preimages);
    }

    public void encode(Encoder e, ChainParams p) {
        e.varSeq(preimages, (x, t) -> t.encode(x, p));
    }

    public static PreimagesExtrinsic decode(Decoder d, ChainParams p) {
        return new PreimagesExtrinsic(d.varSeq(5, "preimages extrinsic", x -> Preimage.decode(x, p)));
    }
}
