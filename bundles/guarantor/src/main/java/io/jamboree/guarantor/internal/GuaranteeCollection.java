package io.jamboree.guarantor.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.stf.state.ChainState;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guarantee of a work report (GP 0.7.2 §11.4, eq. 11.23–11.26; JAMNP-S CE 134, CE 135): the bundle shared with the
 * core's other guarantors, their signatures checked and collected for at most {@value #SHARE_TIMEOUT_MS} ms; with two
 * or more, the guarantee (r, t, a) goes to the local pool, to every other validator and to availability.
 */
final class GuaranteeCollection {
    /** The longest wait for the co-guarantors' signatures (JAMNP-S CE 135: about two seconds for the third). */
    static final long SHARE_TIMEOUT_MS = 4_000;

    private static final Logger LOG = LoggerFactory.getLogger(GuaranteeCollection.class);

    private final ChainParams params;
    private final GuarantorNode.Peers peers;
    private final Consumer<ReportGuarantee> pool;
    private final Consumer<ComputedWorkReport> availability;
    private final java.util.function.BiConsumer<WorkReport, Hash> remember;

    GuaranteeCollection(ChainParams params, GuarantorNode.Peers peers, Consumer<ReportGuarantee> pool,
            Consumer<ComputedWorkReport> availability, java.util.function.BiConsumer<WorkReport, Hash> remember) {
        this.params = params;
        this.peers = peers;
        this.pool = pool;
        this.availability = availability;
        this.remember = remember;
    }

    /**
     * Shares the bundle with the core's other guarantors (CE 134), collects their signatures and, with two or more,
     * builds the guarantee and hands it to the pool, the validators (CE 135) and availability.
     *
     * @return the guarantee, or empty when fewer than two guarantors signed
     */
    Optional<ReportGuarantee> complete(GuarantorNode.Accepted a) {
        ChainState s = a.head().state();
        Hash reportHash = a.computed().report().hash(params);
        int[] gs = GuaranteeSigning.guarantorsOf(params, s.eta().get(2), s.tau(), a.core());
        // Φ (GP §6.3) nulls the keys of offenders (ψ_O) in the reports transition, so their signature would make the
        // guarantee invalid (GP §11.4): neither this node's own offending keys nor an offending co-guarantor sign
        Set<Ed25519Public> offenders = new HashSet<>(s.psi().offenders());
        List<ValidatorSignature> sigs = new ArrayList<>();
        for (ValidatorSignature own : a.own()) {
            if (!offenders.contains(s.kappa().get(own.validatorIndex()).ed25519())) {
                sigs.add(own);
            }
        }
        List<CompletableFuture<ValidatorSignature>> asks = new ArrayList<>();
        for (int v : gs) {
            if (a.own().stream().anyMatch(x -> x.validatorIndex() == v)) {
                continue;
            }
            Ed25519Public key = s.kappa().get(v).ed25519();
            if (offenders.contains(key)) {
                LOG.info("co-guarantor {} is an offender (ψ_O): not asked to sign package {}", v, a.packageHash());
                continue;
            }
            asks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    GuarantorNode.ShareResponse r = peers.share(key, a.core(), a.bundle());
                    if (!r.reportHash().equals(reportHash)) {
                        LOG.warn("co-guarantor {} computed report {} for package {}, this node {}", v,
                                r.reportHash(), a.packageHash(), reportHash);
                        return null;
                    }
                    if (!GuaranteeSigning.verify(key.bytes(), reportHash, r.signature().bytes())) {
                        LOG.warn("co-guarantor {} sent a bad signature for report {}", v, reportHash);
                        return null;
                    }
                    return new ValidatorSignature(v, r.signature());
                } catch (Exception e) {
                    LOG.info("co-guarantor {} did not sign package {}: {}", v, a.packageHash(), e.toString());
                    return null;
                }
            }, VirtualExecutor.INSTANCE));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHARE_TIMEOUT_MS);
        for (CompletableFuture<ValidatorSignature> f : asks) {
            try {
                ValidatorSignature v = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (v != null) {
                    sigs.add(v);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // timed out or failed: that co-guarantor does not sign
            }
        }
        if (sigs.size() < 2) {
            LOG.warn("package {} on core {}: only {} guarantor signature(s), two are needed; not guaranteed",
                    a.packageHash(), a.core(), sigs.size());
            return Optional.empty();
        }
        ReportGuarantee g = GuaranteeSigning.guarantee(a.computed().report(), s.tau(), sigs);
        remember.accept(g.report(), reportHash);
        pool.accept(g);
        List<Ed25519Public> others = new ArrayList<>();
        for (int v = 0; v < s.kappa().size(); v++) {
            final int idx = v;
            if (a.own().stream().noneMatch(x -> x.validatorIndex() == idx)) {
                others.add(s.kappa().get(v).ed25519());
            }
        }
        peers.distribute(g, others);
        availability.accept(a.computed());
        LOG.info("guaranteed package {} on core {} at slot {} with {} signatures (report {})", a.packageHash(),
                a.core(), s.tau(), sigs.size(), reportHash);
        return Optional.of(g);
    }

    /** Runs each task on a virtual thread of its own. */
    private static final class VirtualExecutor implements java.util.concurrent.Executor {
        static final VirtualExecutor INSTANCE = new VirtualExecutor();

        @Override
        public void execute(Runnable r) {
            Thread.ofVirtual().name("guarantor-share").start(r);
        }
    }
}
