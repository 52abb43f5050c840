package io.jamboree.audit.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.BundleFetcher;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.guarantor.WorkPackageBundle;
import io.jamboree.guarantor.WorkPackageImports;
import io.jamboree.guarantor.WorkReportComputation;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.importer.BlockImporter;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.types.ExtrinsicSpec;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit of one report (GP 0.7.2 §17.3, e_n): the bundle {@code F(w)} from the {@link BundleFetcher}, decoded as
 * {@code E(p) ⌢ X#(p_w) ⌢ S#(p_w) ⌢ J#(p_w)} (eq. 14.16; a failure to decode, a package or extrinsic whose hash
 * does not match, or an imported segment whose justification does not give its segment root, means an invalid
 * report: {@link BundleImports}), then {@code Ξ(p, c)} recomputed with those imports by the {@link WorkReportComputation} over δ at the report's lookup
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
        WorkPackageBundle b;
        WorkPackageImports imports;
        try {
            Decoder d = new Decoder(bundle);
            WorkPackage.decode(d, params);
            byte[] encoded = Arrays.copyOf(bundle, d.position());
            if (!new Hash(Blake2b256.hash(encoded)).equals(report.packageSpec().hash())) {
                LOG.info("audit: report {}: the bundle's package hashes to another work-package hash",
                        AuditEngine.shortHex(hash));
                return false;
            }
            b = WorkPackageBundle.decode(bundle, params);
            for (int j = 0; j < b.pkg().items().size(); j++) {
                List<ExtrinsicSpec> specs = b.pkg().items().get(j).extrinsic();
                for (int k = 0; k < specs.size(); k++) {
                    if (!new Hash(Blake2b256.hash(b.extrinsics().get(j).get(k))).equals(specs.get(k).hash())) {
                        LOG.info("audit: report {}: an extrinsic of the bundle does not match its hash",
                                AuditEngine.shortHex(hash));
                        return false;
                    }
                }
            }
            Optional<String> bad = BundleImports.check(b, report);
            if (bad.isPresent()) {
                LOG.info("audit: report {}: {}", AuditEngine.shortHex(hash), bad.get());
                return false;
            }
            imports = BundleImports.of(b, report);
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
            computed = xi.compute(params, services, b.pkg(), b.extrinsics(), imports, report.coreIndex());
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
