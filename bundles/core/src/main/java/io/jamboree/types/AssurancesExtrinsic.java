package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/** The assurances extrinsic {@code E_A} of at most V assurances (GP §11.2.1, eq. 11.10). */
public record AssurancesExtrinsic(List<AvailAssurance> assurances) {
    public AssurancesExtrinsic {
        assurances = List.copyOf(assurances);
    }

    public void encode(Encoder e, ChainParams p) {
        Sizes.atMost(assurances, p.validatorsCount(), "assurances extrinsic");
        e.varSeq(assurances, (x, a) -> a.encode(x, p));
    }

    public static AssurancesExtrinsic decode(Decoder d, ChainParams p) {
        return new AssurancesExtrinsic(d.varSeq(98 + p.availBitfieldBytes(), p.validatorsCount(),
                "assurances extrinsic", x -> AvailAssurance.decode(x, p)));
    }
}
