package io.jamboree.stf.reports;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.GuaranteesExtrinsic;
import io.jamboree.types.Hash;
import java.util.List;

/**
 * Input of the reports transition: the guarantees extrinsic {@code E_G} (GP eq:guaranteesextrinsic), the block
 * slot {@code H_t = τ'} and the work-packages already known to the pipeline (recent history, {@code ξ},
 * {@code ρ}, {@code ω}; GP §11.4.1).
 */
public record ReportsInput(GuaranteesExtrinsic guarantees, long slot, List<Hash> knownPackages) {

    public ReportsInput {
        knownPackages = List.copyOf(knownPackages);
    }

    public static ReportsInput decode(Decoder d, ChainParams p) {
        return new ReportsInput(GuaranteesExtrinsic.decode(d, p), d.u32(),
                d.varSeq(32, "known packages", Hash::decode));
    }

    public void encode(Encoder e, ChainParams p) {
        guarantees.encode(e, p);
        e.u32(slot);
        e.varSeq(knownPackages, (x, h) -> h.encode(x));
    }
}
