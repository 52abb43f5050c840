package io.jamboree.stf.reports;

import io.jamboree.core.ChainParams;
import io.jamboree.types.AvailabilityAssignment;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.BlockInfo;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.stf.disputes.Ed25519BatchVerifier;
import io.jamboree.stf.disputes.Ed25519Verifier;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.RefineContext;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ReportedWorkPackage;
import io.jamboree.types.ServiceActivityRecord;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.ServiceStatisticsEntry;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Work-report guarantees (GP §11.4 and §11.5): validates the guarantees extrinsic {@code E_G} against
 * {@code ρ‡}, the guarantor assignments {@code M}/{@code M*} (GP §11.3), the authorizer pools, recent history
 * and the service accounts, then places the reports in {@code ρ'} and books core and service refinement
 * statistics (GP §13.2, the subset the reports vectors cover).
 * <p>
 * Pure: a failing transition returns an error and never touches its input.
 */
public final class Reports {

    private Reports() {}

    /**
     * The transition {@code (ρ‡, …, E_G, τ') → (reported, reporters, ρ', π')}, checking the guarantors'
     * signatures with {@code ed25519}.
     */
    public static ReportsResult transition(ReportsState s, ReportsInput in, ChainParams p, Ed25519Verifier ed25519) {
        long t = in.slot();
        List<ReportGuarantee> gs = in.guarantees().guarantees();
        int v = p.validatorsCount();
        long rotation = p.rotationPeriod();

        GuarantorAssignment current = null;
        GuarantorAssignment previous = null;
        Set<Ed25519Public> offenders = new HashSet<>(s.offenders());
        Set<Ed25519Public> reporters = new HashSet<>();

        // Per-guarantee checks, GP §11.4.
        int prevCore = -1;
        for (int gi = 0; gi < gs.size(); gi++) {
            ReportGuarantee g = gs.get(gi);
            WorkReport r = g.report();
            int core = r.coreIndex();
            if (core >= p.coresCount()) {
                return err(ReportsError.BAD_CORE_INDEX);
            }
            // GP eq:guaranteesextrinsic: ordered and unique by core
            if (core <= prevCore) {
                return err(ReportsError.OUT_OF_ORDER_GUARANTEE);
            }
            prevCore = core;
            if (r.results().isEmpty()) {
                return err(ReportsError.MISSING_WORK_RESULTS);
            }
            // GP eq:guaranteesextrinsic: two or three credentials, ordered and unique by validator index
            List<ValidatorSignature> creds = g.signatures();
            if (creds.size() < 2 || creds.size() > 3) {
                return err(ReportsError.INSUFFICIENT_GUARANTEES);
            }
            int prevV = -1;
            for (int ci = 0; ci < creds.size(); ci++) {
                int vi = creds.get(ci).validatorIndex();
                if (vi <= prevV) {
                    return err(ReportsError.NOT_SORTED_OR_UNIQUE_GUARANTORS);
                }
                prevV = vi;
                if (vi >= v) {
                    return err(ReportsError.BAD_VALIDATOR_INDEX);
                }
            }
            // GP eq:limitworkreportsize: trace and outputs within W_R
            long size = r.authOutput().length();
            long gas = 0;
            for (int di = 0; di < r.results().size(); di++) {
                WorkDigest d = r.results().get(di);
                if (d.result() instanceof WorkExecResult.Ok ok) {
                    size += ok.output().length();
                }
                gas += d.accumulateGas();
                if (gas < 0) {
                    gas = -1L; // saturate the unsigned sum at 2^64 - 1
                }
            }
            if (size > p.maxReportVarSize()) {
                return err(ReportsError.WORK_REPORT_TOO_BIG);
            }
            // GP eq:limitreportdeps: at most J dependencies
            if (r.segmentRootLookup().size() + r.context().prerequisites().size() > p.maxReportDependencies()) {
                return err(ReportsError.TOO_MANY_DEPENDENCIES);
            }
            // GP §11.4: total accumulation gas within G_A
            if (Long.compareUnsigned(gas, p.reportAccumulateGas()) > 0) {
                return err(ReportsError.WORK_REPORT_GAS_TOO_HIGH);
            }
            // GP eq:guarantorsig: R(⌊τ'/R⌋ − 1) ≤ t ≤ τ'
            if (g.slot() > t) {
                return err(ReportsError.FUTURE_REPORT_SLOT);
            }
            if (g.slot() < rotation * (t / rotation - 1)) {
                return err(ReportsError.REPORT_EPOCH_BEFORE_LAST);
            }
            // GP eq:guarantorsig: M when the guarantee is in this rotation, else M* (eq:priorassignments)
            GuarantorAssignment m;
            if (t / rotation == g.slot() / rotation) {
                if (current == null) {
                    current = GuarantorAssignment.current(s.entropy().get(2), s.currValidators(), t, p);
                }
                m = current;
            } else {
                if (previous == null) {
                    previous = GuarantorAssignment.previous(s.entropy().get(2), s.entropy().get(3),
                            s.currValidators(), s.prevValidators(), t, p);
                }
                m = previous;
            }
            byte[] message = r.hash(p).bytes();
            // GP eq:guarantorsig: the credentials' signatures as one batch first, one by one only if it fails
            boolean batchValid = batchValid(creds, m, message, ed25519);
            for (int ci = 0; ci < creds.size(); ci++) {
                ValidatorSignature c = creds.get(ci);
                if (m.cores()[c.validatorIndex()] != core) {
                    return err(ReportsError.WRONG_ASSIGNMENT);
                }
                Ed25519Public key = m.keys().get(c.validatorIndex()).ed25519();
                // Φ (GP §6.3) nulls offenders' keys; the vectors report it as a distinct error
                if (offenders.contains(key)) {
                    return err(ReportsError.BANNED_VALIDATOR);
                }
                if (!batchValid && !Ed25519Signatures.verify(ed25519, key, Ed25519Signatures.GUARANTEE, message, c.signature())) {
                    return err(ReportsError.BAD_SIGNATURE);
                }
                reporters.add(key);
            }
            // GP eq:reportcoresareunusedortimedout: the core is free in ρ‡ and the authorizer is in its pool
            if (s.availAssignments().get(core) != null) {
                return err(ReportsError.CORE_ENGAGED);
            }
            if (!s.authPools().pool(core).contains(r.authorizerHash())) {
                return err(ReportsError.CORE_UNAUTHORIZED);
            }
            // GP §11.4.1: the anchor is a recent block with matching state root and accumulation super-peak
            RefineContext x = r.context();
            BlockInfo anchor = null;
            List<BlockInfo> history = s.recentBlocks().history();
            for (int hi = 0; hi < history.size(); hi++) {
                if (history.get(hi).headerHash().equals(x.anchor())) {
                    anchor = history.get(hi);
                }
            }
            if (anchor == null) {
                return err(ReportsError.ANCHOR_NOT_RECENT);
            }
            if (!anchor.stateRoot().equals(x.stateRoot())) {
                return err(ReportsError.BAD_STATE_ROOT);
            }
            if (!anchor.beefyRoot().equals(x.beefyRoot())) {
                return err(ReportsError.BAD_BEEFY_MMR_ROOT);
            }
            // GP eq:limitlookupanchorage: lookup anchor within the last L slots
            if (x.lookupAnchorSlot() < t - p.maxLookupAnchorAge()) {
                return err(ReportsError.LOOKUP_ANCHOR_NOT_RECENT);
            }
            // GP §11.4 and eq:reportcodesarecorrect: services exist, code hashes predicted, item gas ≥ minimum
            for (int di = 0; di < r.results().size(); di++) {
                WorkDigest d = r.results().get(di);
                ServiceInfo svc = service(s.accounts(), d.serviceId());
                if (svc == null) {
                    return err(ReportsError.BAD_SERVICE_ID);
                }
                if (!svc.codeHash().equals(d.codeHash())) {
                    return err(ReportsError.BAD_CODE_HASH);
                }
                if (Long.compareUnsigned(d.accumulateGas(), svc.minItemGas()) < 0) {
                    return err(ReportsError.SERVICE_ITEM_GAS_TOO_LOW);
                }
            }
        }

        ReportsError contextual = ContextualValidity.check(gs, in.knownPackages(), s.recentBlocks());
        if (contextual != null) {
            return err(contextual);
        }

        // GP §11.5: ρ' takes each incoming report with timestamp τ'
        List<AvailabilityAssignment> rho = new ArrayList<>(s.availAssignments().assignments());
        List<CoreActivityRecord> coreStats = new ArrayList<>(s.coresStatistics());
        Map<Long, ServiceActivityRecord> svcStats = new TreeMap<>();
        for (int i = 0; i < s.servicesStatistics().size(); i++) {
            ServiceStatisticsEntry e = s.servicesStatistics().get(i);
            svcStats.put(e.id(), e.record());
        }
        List<ReportedWorkPackage> reported = new ArrayList<>(gs.size());
        for (int gi = 0; gi < gs.size(); gi++) {
            WorkReport r = gs.get(gi).report();
            rho.set(r.coreIndex(), new AvailabilityAssignment(r, t));
            reported.add(new ReportedWorkPackage(r.packageSpec().hash(), r.packageSpec().exportsRoot()));
            coreStats.set(r.coreIndex(), CoreStatistics.addReport(coreStats.get(r.coreIndex()), r));
            for (int di = 0; di < r.results().size(); di++) {
                WorkDigest d = r.results().get(di);
                ServiceActivityRecord a = svcStats.getOrDefault(d.serviceId(), ServiceActivityRecord.ZERO);
                svcStats.put(d.serviceId(), CoreStatistics.addRefinement(a, d));
            }
        }
        reported.sort((a, b) -> a.hash().compareTo(b.hash()));
        List<Ed25519Public> reporterList = new ArrayList<>(reporters);
        reporterList.sort(null);
        List<ServiceStatisticsEntry> svcList = new ArrayList<>(svcStats.size());
        for (Map.Entry<Long, ServiceActivityRecord> e : svcStats.entrySet()) {
            svcList.add(new ServiceStatisticsEntry(e.getKey(), e.getValue()));
        }

        ReportsState post = new ReportsState(new AvailabilityAssignments(rho), s.currValidators(),
                s.prevValidators(), s.entropy(), s.offenders(), s.recentBlocks(), s.authPools(), s.accounts(),
                coreStats, svcList);
        return new ReportsResult.Ok(reported, reporterList, post);
    }

    /** Whether all credentials of a guarantee pass one batch signature check under the assignment's keys. */
    private static boolean batchValid(List<ValidatorSignature> creds, GuarantorAssignment m, byte[] message,
            Ed25519Verifier ed25519) {
        int n = creds.size();
        byte[][] keys = new byte[n][], msgs = new byte[n][], sigs = new byte[n][];
        byte[] signed = Ed25519Signatures.message(Ed25519Signatures.GUARANTEE, message);
        for (int i = 0; i < n; i++) {
            ValidatorSignature c = creds.get(i);
            if (c.validatorIndex() < 0 || c.validatorIndex() >= m.keys().size()) return false;
            keys[i] = m.keys().get(c.validatorIndex()).ed25519().bytes();
            msgs[i] = signed;
            sigs[i] = c.signature().bytes();
        }
        return Ed25519BatchVerifier.allValid(ed25519, keys, msgs, sigs);
    }

    private static ReportsResult err(ReportsError e) {
        return new ReportsResult.Err(e);
    }

    private static ServiceInfo service(List<ReportsState.Account> accounts, long id) {
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).id() == id) {
                return accounts.get(i).info();
            }
        }
        return null;
    }
}
