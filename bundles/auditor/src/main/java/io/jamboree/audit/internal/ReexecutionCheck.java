package io.jamboree.audit.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.BundleFetcher;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.guarantor.WorkReportComputation;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.importer.BlockImporter;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.types.ExtrinsicSpec;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit of one report (GP 0.7.2 §17.3, e_n): the bundle {@code F(w)} from the {@link BundleFetcher}, decoded as
 * {@code E(p) ⌢ X#(p_w)} (a failure to decode, or a package or extrinsic whose hash does not match, means an
 * invalid report), then {@code Ξ(p, c)} recomputed by the {@link WorkReportComputation} over δ at the report's lookup
 * anchor, and the report valid iff the recomputed one is the same ({@code H} equal).
 */
final class ReexecutionCheck implements AuditPorts.ReportCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ReexecutionCheck.class);
    private final BlockImporter importer;
    private final ChainParams params;
    private final Supplier<BundleFetcher> fetcher;
    private final Supplier<WorkReportComputation> computation;

    ReexecutionCheck(BlockImporter importer, ChainParams params, Supplier<BundleFetcher> fetcher,
            Supplier<WorkReportComputation> computation) {
        this.importer = importer;
        this.params = params;
        this.fetcher = fetcher;
        this.computation = computation;
    }

    @Override
    public boolean valid(BlockAudit block, WorkReport report, Hash hash) throws AuditPorts.CannotAuditException {
        BundleFetcher f = fetcher.get();
        WorkReportComputation xi = computation.get();
        if (f == null) {
            throw new AuditPorts.CannotAuditException("no bundle fetcher (jam-availability) is running", null);
        }
        if (xi == null) {
            throw new AuditPorts.CannotAuditException("no work-report computation (jam-guarantor) is running", null);
        }
        byte[] bundle;
        try {
            bundle = f.bundle(report);
        } catch (AvailabilityException e) {
            throw new AuditPorts.CannotAuditException("bundle not fetched: " + e.getMessage(), e);
        }
        WorkPackage pkg;
        List<List<byte[]>> extrinsics = new ArrayList<>();
        try {
            Decoder d = new Decoder(bundle);
            pkg = WorkPackage.decode(d, params);
            byte[] encoded = Arrays.copyOf(bundle, d.position());
            if (!new Hash(Blake2b256.hash(encoded)).equals(report.packageSpec().hash())) {
                LOG.info("audit: report {}: the bundle's package hashes to another work-package hash",
                        AuditEngine.shortHex(hash));
                return false;
            }
            for (WorkItem w : pkg.items()) {
                if (!w.importSegments().isEmpty()) {
                    throw new AuditPorts.CannotAuditException("the package imports segments, which this auditor "
                            + "cannot fetch yet", null);
                }
                List<byte[]> xs = new ArrayList<>();
                for (ExtrinsicSpec x : w.extrinsic()) {
                    byte[] data = d.bytes(Math.toIntExact(x.len()), "extrinsic");
                    if (!new Hash(Blake2b256.hash(data)).equals(x.hash())) {
                        LOG.info("audit: report {}: an extrinsic of the bundle does not match its hash",
                                AuditEngine.shortHex(hash));
                        return false;
                    }
                    xs.add(data);
                }
                extrinsics.add(xs);
            }
            d.expectEnd();
        } catch (RuntimeException e) {
            LOG.info("audit: report {}: the bundle does not decode: {}", AuditEngine.shortHex(hash), e.getMessage());
            return false; // GP §17.3: a failure to decode implies an invalid work-report
        }
        Optional<List<KeyValue>> state = importer.state(report.context().lookupAnchor());
        if (state.isEmpty()) {
            state = importer.bestHead().flatMap(importer::state);
        }
        if (state.isEmpty()) {
            throw new AuditPorts.CannotAuditException("no state to re-execute on", null);
        }
        ServiceAccounts services = new ServiceAccounts(StateCodec.toMap(state.get()), params);
        ComputedWorkReport computed;
        try {
            computed = xi.compute(params, services, pkg, extrinsics, report.coreIndex());
        } catch (WorkReportException e) {
            LOG.info("audit: report {}: Ξ gives no report: {}", AuditEngine.shortHex(hash), e.getMessage());
            return false;
        }
        WorkReport mine = computed.report();
        boolean same = mine.hash(params).equals(hash);
        if (!same) {
            LOG.info("audit: report {} of core {} differs from the re-execution: results {} vs reported {}",
                    AuditEngine.shortHex(hash), report.coreIndex(), mine.results(), report.results());
        }
        return same;
    }
}
