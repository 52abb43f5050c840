package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * A guarantee {@code (r ∈ R, t ∈ N_T, a ∈ ⟦(N_V, V̄)⟧_2:3)} (GP §11.4, eq. 11.23), encoded
 * {@code r, E_4(t), ↕a} (GP C.2 eq. C.18).
 */
public record ReportGuarantee(WorkReport report, long slot, List<ValidatorSignature> signatures) {
    public ReportGuarantee {
        Objects.requireNonNull(report);
        Sizes.u32(slot, "slot");
        signatures = List.copyOf(signatures);
    }

    public void encode(Encoder e, ChainParams p) {
        report.encode(e, p);
        e.u32(slot);
        e.varSeq(signatures, (x, s) -> s.encode(x, p));
    }

    public static ReportGuarantee decode(Decoder d, ChainParams p) {
        return new ReportGuarantee(WorkReport.decode(d, p), d.u32(),
                d.varSeq(66, "guarantee signatures", x -> ValidatorSignature.decode(x, p)));
    }
}
