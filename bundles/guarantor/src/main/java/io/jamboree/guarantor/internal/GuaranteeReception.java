package io.jamboree.guarantor.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.types.Hash;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ValidatorKeys;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.WorkReport;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A guaranteed report from another guarantor (JAMNP-S CE 135; GP 0.7.2 §11.4, eq. 11.26): two or three signatures,
 * each checked against the guarantor's key in κ (or λ, for a report of the previous rotation), then pooled.
 */
final class GuaranteeReception {
    private final ChainParams params;
    private final Supplier<Optional<GuarantorNode.Head>> head;
    private final Consumer<ReportGuarantee> pool;
    private final java.util.function.BiConsumer<WorkReport, Hash> remember;

    GuaranteeReception(ChainParams params, Supplier<Optional<GuarantorNode.Head>> head, Consumer<ReportGuarantee> pool,
            java.util.function.BiConsumer<WorkReport, Hash> remember) {
        this.params = params;
        this.head = head;
        this.pool = pool;
        this.remember = remember;
    }

    /** CE 135: a guaranteed report from another guarantor; its signatures are checked against κ, then pooled. */
    void receive(ReportGuarantee g) {
        if (g.signatures().size() < 2) {
            throw new WorkReportException("a guarantee needs two or three signatures, got " + g.signatures().size());
        }
        Hash reportHash = g.report().hash(params);
        Optional<GuarantorNode.Head> h = head.get();
        if (h.isPresent()) {
            ValidatorKeys kappa = h.get().state().kappa();
            ValidatorKeys lambda = h.get().state().lambda();
            for (ValidatorSignature sig : g.signatures()) {
                int v = sig.validatorIndex();
                if (v >= kappa.size()) {
                    throw new WorkReportException("signature of validator " + v + ", there are " + kappa.size());
                }
                if (!GuaranteeSigning.verify(kappa.get(v).ed25519().bytes(), reportHash, sig.signature().bytes())
                        && !GuaranteeSigning.verify(lambda.get(v).ed25519().bytes(), reportHash,
                                sig.signature().bytes())) {
                    throw new WorkReportException("bad signature of validator " + v + " on report " + reportHash);
                }
            }
        }
        remember.accept(g.report(), reportHash);
        pool.accept(g);
    }
}
