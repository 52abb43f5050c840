package io.jamboree.author.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.crypto.Ed25519;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.merkle.StateKey;
import io.jamboree.stf.assurances.Assurances;
import io.jamboree.stf.assurances.AssurancesInput;
import io.jamboree.stf.assurances.AssurancesResult;
import io.jamboree.stf.assurances.AssurancesState;
import io.jamboree.stf.disputes.Disputes;
import io.jamboree.stf.history.RecentHistory;
import io.jamboree.stf.disputes.DisputesResult;
import io.jamboree.stf.disputes.DisputesState;
import io.jamboree.stf.reports.Reports;
import io.jamboree.stf.reports.ReportsInput;
import io.jamboree.stf.reports.ReportsResult;
import io.jamboree.stf.reports.ReportsState;
import io.jamboree.types.AssurancesExtrinsic;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.AvailabilityAssignment;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.BlockInfo;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.Culprit;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.Fault;
import io.jamboree.types.GuaranteesExtrinsic;
import io.jamboree.types.Hash;
import io.jamboree.types.Preimage;
import io.jamboree.types.ReadyRecord;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ReportedWorkPackage;
import io.jamboree.types.ValidatorKeys;
import io.jamboree.types.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses, from the {@link PendingExtrinsics}, the items of a block's extrinsic that the block's prior state σ (the
 * parent's posterior state) admits, so that the block imports. The rules are not reimplemented: disputes, assurances
 * and guarantees are tried with the STF subsystems the importer runs ({@link Disputes}, {@link Assurances},
 * {@link Reports}) on the same inputs the importer gives them, and an item they refuse is left out:
 * <ul>
 *   <li>E_D (GP §10.2, eq. 10.2–10.8): verdicts by report hash, then culprits and faults by key, each kept if the
 *       disputes transition still accepts the extrinsic with it;</li>
 *   <li>E_A (GP §11.2, eq. 11.10–11.13): assurances anchored at the parent hash, one per validator, by validator
 *       index, each kept if the assurances transition accepts it (signature under κ, engaged cores);</li>
 *   <li>E_G (GP §11.4, eq. 11.23–11.42): one guarantee per core, by core index, each kept if the reports transition
 *       accepts the extrinsic with it (under κ', λ', η', ψ'_O, β† and ρ‡, as the importer gives it); the lookup
 *       anchor's ancestry (eq. 11.35) is left to the import;</li>
 *   <li>E_P (GP §12.4, eq. 12.35–12.38): preimages solicited in σ and not yet provided, by service then hash, no
 *       duplicates.</li>
 * </ul>
 * Items that can no longer be included are evicted ({@link #evict}). Callers hold the pool's lock.
 */
final class ExtrinsicSelection {

    /** The kinds of extrinsic item, with the prefix of the importer's rejection reasons that concern each. */
    enum Kind {
        TICKETS("safrole:"), DISPUTES("disputes:"), ASSURANCES("assurances:"), GUARANTEES("guarantees:"),
        PREIMAGES("preimages:");

        final String reasonPrefix;

        Kind(String reasonPrefix) {
            this.reasonPrefix = reasonPrefix;
        }

        /** Whether {@code x} holds no item of this kind. */
        boolean isEmptyIn(io.jamboree.types.Extrinsic x) {
            return switch (this) {
                case TICKETS -> x.tickets().tickets().isEmpty();
                case DISPUTES -> x.disputes().verdicts().isEmpty() && x.disputes().culprits().isEmpty()
                        && x.disputes().faults().isEmpty();
                case ASSURANCES -> x.assurances().assurances().isEmpty();
                case GUARANTEES -> x.guarantees().guarantees().isEmpty();
                case PREIMAGES -> x.preimages().preimages().isEmpty();
            };
        }

        /** The kind an importer rejection reason concerns, if any. */
        static Optional<Kind> ofReason(String reason) {
            for (Kind k : values()) {
                if (reason.startsWith(k.reasonPrefix)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** The disputes extrinsic and what the disputes transition makes of it (H_o, ψ', ρ†). */
    record DisputesChoice(DisputesExtrinsic extrinsic, DisputesResult.Ok result) {}

    /** The assurances extrinsic and ρ‡. */
    record AssurancesChoice(List<AvailAssurance> assurances, AvailabilityAssignments rhoDdagger) {}

    private final ChainParams params;
    private final Disputes disputes;

    ExtrinsicSelection(ChainParams params) {
        this.params = Objects.requireNonNull(params);
        this.disputes = new Disputes(Ed25519::verify, params);
    }

    /**
     * Evicts from {@code pool} what no block on {@code parentHash} (with posterior state {@code pre}) or after it can
     * include: assurances anchored elsewhere (eq. 11.11), preimages already provided or of services that no longer
     * exist, guarantees older than the previous rotation (eq. 11.26 area) or whose package is already reported or in
     * the pipeline (eq. 11.40–11.42), verdicts of reports already judged or too old (eq. 10.2, 10.9) and culprits and
     * faults of keys already offenders (eq. 10.5–10.6).
     */
    void evict(PendingExtrinsics pool, ChainState pre, Hash parentHash, long slot) {
        PendingExtrinsics.evict(pool.assurances, a -> !a.anchor().equals(parentHash));
        PendingExtrinsics.evict(pool.preimages, p -> {
            Hash h = new Hash(Blake2b256.hash(p.blob().bytes()));
            return !pre.services().containsKey(StateKey.serviceAccount(p.requester()))
                    || pre.services().containsKey(StateKey.preimage(p.requester(), h.bytes()));
        });
        long rotation = params.rotationPeriod();
        long oldest = Math.max(0, (slot / rotation - 1) * rotation);
        Set<Hash> known = new HashSet<>(pre.knownPackages());
        for (BlockInfo b : pre.beta().history()) {
            for (ReportedWorkPackage r : b.reported()) {
                known.add(r.hash());
            }
        }
        PendingExtrinsics.evict(pool.guarantees, g -> g.slot() < oldest
                || known.contains(g.report().packageSpec().hash()));
        DisputesRecords psi = pre.psi();
        long epoch = pre.tau() / params.epochLength();
        PendingExtrinsics.evict(pool.verdicts, v -> v.age() + 1 < epoch || psi.good().contains(v.target())
                || psi.bad().contains(v.target()) || psi.wonky().contains(v.target()));
        PendingExtrinsics.evict(pool.culprits, c -> psi.offenders().contains(c.key()));
        PendingExtrinsics.evict(pool.faults, f -> psi.offenders().contains(f.key()));
    }

    /**
     * E_D: the pooled dispute items the disputes transition accepts on {@code pre}. Verdicts in report-hash order, each
     * with the pooled culprits and faults of its report (a bad verdict needs two culprits, a good one with doubters
     * a fault, eq. 10.13–10.14): the group is tried whole, then without each one of its culprits and faults in turn,
     * then the verdict alone; the first the transition accepts is kept. Then each remaining culprit and fault alone
     * (of reports judged before, eq. 10.5–10.6). At most one refused culprit or fault per verdict is thus worked
     * around; a verdict whose group holds more is left out with it.
     */
    DisputesChoice disputes(PendingExtrinsics pool, ChainState pre, boolean include) {
        DisputesState state = new DisputesState(pre.psi(), pre.rho(), pre.tau(), pre.kappa(), pre.lambda());
        List<Verdict> verdicts = new ArrayList<>();
        List<Culprit> culprits = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        DisputesResult.Ok ok = (DisputesResult.Ok) disputes.apply(state, new DisputesExtrinsic(List.of(), List.of(),
                List.of()));
        if (include && pool.verdicts.size() + pool.culprits.size() + pool.faults.size() > 0) {
            Set<Culprit> usedCulprits = new HashSet<>();
            Set<Fault> usedFaults = new HashSet<>();
            for (Verdict v : pool.verdicts.values()) {
                List<Culprit> vc = new ArrayList<>();
                for (Culprit c : pool.culprits.values()) {
                    if (c.target().equals(v.target())) {
                        vc.add(c);
                    }
                }
                List<Fault> vf = new ArrayList<>();
                for (Fault f : pool.faults.values()) {
                    if (f.target().equals(v.target())) {
                        vf.add(f);
                    }
                }
                List<List<Object>> tries = new ArrayList<>();
                List<Object> group = new ArrayList<>(vc);
                group.addAll(vf);
                tries.add(group);
                for (int i = 0; i < group.size(); i++) {
                    List<Object> less = new ArrayList<>(group);
                    less.remove(i);
                    tries.add(less);
                }
                if (!group.isEmpty()) {
                    tries.add(List.of());
                }
                for (List<Object> t : tries) {
                    List<Verdict> tv = new ArrayList<>(verdicts);
                    tv.add(v);
                    List<Culprit> tc = new ArrayList<>(culprits);
                    List<Fault> tf = new ArrayList<>(faults);
                    for (Object o : t) {
                        if (o instanceof Culprit c) {
                            tc.add(c);
                        } else {
                            tf.add((Fault) o);
                        }
                    }
                    DisputesResult.Ok r = tryDisputes(state, tv, tc, tf);
                    if (r != null) {
                        ok = r;
                        verdicts.add(v);
                        for (Object o : t) {
                            if (o instanceof Culprit c) {
                                culprits.add(c);
                                usedCulprits.add(c);
                            } else {
                                faults.add((Fault) o);
                                usedFaults.add((Fault) o);
                            }
                        }
                        break;
                    }
                }
                // a verdict's items that were not taken with it cannot be taken alone either (their report is not
                // judged yet): they are left for the eviction
                usedCulprits.addAll(vc);
                usedFaults.addAll(vf);
            }
            for (Culprit c : pool.culprits.values()) {
                if (usedCulprits.contains(c)) {
                    continue;
                }
                List<Culprit> tc = new ArrayList<>(culprits);
                tc.add(c);
                DisputesResult.Ok r = tryDisputes(state, verdicts, tc, faults);
                if (r != null) {
                    ok = r;
                    culprits.add(c);
                }
            }
            for (Fault f : pool.faults.values()) {
                if (usedFaults.contains(f)) {
                    continue;
                }
                List<Fault> tf = new ArrayList<>(faults);
                tf.add(f);
                DisputesResult.Ok r = tryDisputes(state, verdicts, culprits, tf);
                if (r != null) {
                    ok = r;
                    faults.add(f);
                }
            }
        }
        return new DisputesChoice(extrinsic(verdicts, culprits, faults), ok);
    }

    /** E_D of these items in the order of eq. 10.7–10.8: verdicts by report hash, culprits and faults by key. */
    private static DisputesExtrinsic extrinsic(List<Verdict> v, List<Culprit> c, List<Fault> f) {
        List<Verdict> sv = new ArrayList<>(v);
        sv.sort((a, b) -> a.target().compareTo(b.target()));
        List<Culprit> sc = new ArrayList<>(c);
        sc.sort((a, b) -> a.key().compareTo(b.key()));
        List<Fault> sf = new ArrayList<>(f);
        sf.sort((a, b) -> a.key().compareTo(b.key()));
        return new DisputesExtrinsic(sv, sc, sf);
    }

    /** The disputes transition's result on these items, or null if it refuses them. */
    private DisputesResult.Ok tryDisputes(DisputesState state, List<Verdict> v, List<Culprit> c, List<Fault> f) {
        return disputes.apply(state, extrinsic(v, c, f)) instanceof DisputesResult.Ok ok ? ok : null;
    }

    /**
     * E_A: the pooled assurances anchored at {@code parentHash}, one per validator by validator index, that the
     * assurances transition accepts on ρ† under the prior κ (the importer's inputs, eq. 11.13); and ρ‡.
     * Refused ones are evicted: their anchor is this parent, so no other block can include them.
     */
    AssurancesChoice assurances(PendingExtrinsics pool, AvailabilityAssignments rhoDagger, ValidatorKeys kappa,
            Hash parentHash, long slot, boolean include) {
        AssurancesState state = new AssurancesState(rhoDagger, kappa);
        List<AvailAssurance> out = new ArrayList<>();
        if (include) {
            TreeMap<Integer, AvailAssurance> byValidator = new TreeMap<>();
            for (AvailAssurance a : pool.assurances.values()) {
                if (a.anchor().equals(parentHash)) {
                    byValidator.putIfAbsent(a.validatorIndex(), a);
                }
            }
            for (AvailAssurance a : byValidator.values()) {
                if (Assurances.transition(state, new AssurancesInput(new AssurancesExtrinsic(List.of(a)), slot,
                        parentHash), params, Ed25519::verify) instanceof AssurancesResult.Ok) {
                    out.add(a);
                } else {
                    pool.assurances.remove(new PendingExtrinsics.AssuranceKey(a.anchor(), a.validatorIndex()));
                }
            }
        }
        AssurancesResult r = Assurances.transition(state, new AssurancesInput(new AssurancesExtrinsic(out), slot,
                parentHash), params, Ed25519::verify);
        if (r instanceof AssurancesResult.Ok ok) {
            return new AssurancesChoice(out, ok.postState().availAssignments());
        }
        // each passes alone, so this is not expected; fall back to none
        AssurancesResult.Ok none = (AssurancesResult.Ok) Assurances.transition(state, new AssurancesInput(
                new AssurancesExtrinsic(List.of()), slot, parentHash), params, Ed25519::verify);
        return new AssurancesChoice(List.of(), none.postState().availAssignments());
    }

    /**
     * E_G: per core (ascending), the first pooled guarantee with which the reports transition accepts the extrinsic,
     * on the importer's inputs: ρ‡, κ', λ', η', ψ'_O, β† (the parent state root in the last history item), α, the
     * reported services' accounts and the packages in the pipeline.
     */
    List<ReportGuarantee> guarantees(PendingExtrinsics pool, ChainState pre, Hash parentRoot,
            AvailabilityAssignments rhoDdagger, ValidatorKeys kappaPost, ValidatorKeys lambdaPost,
            EntropyBuffer etaPost, DisputesRecords psiPost, long slot, boolean include) {
        if (!include || pool.guarantees.isEmpty()) {
            return List.of();
        }
        TreeMap<Integer, List<ReportGuarantee>> byCore = new TreeMap<>();
        for (ReportGuarantee g : pool.guarantees.values()) {
            byCore.computeIfAbsent(g.report().coreIndex(), k -> new ArrayList<>()).add(g);
        }
        RecentBlocks betaDagger = RecentHistory.dagger(pre.beta(), parentRoot);
        List<Hash> known = pre.knownPackages();
        ServiceAccounts accounts = new ServiceAccounts(pre.services(), params);
        List<CoreActivityRecord> zeroCores = Collections.nCopies(params.coresCount(), CoreActivityRecord.ZERO);
        List<ReportGuarantee> out = new ArrayList<>();
        for (List<ReportGuarantee> candidates : byCore.values()) {
            for (ReportGuarantee g : candidates) {
                out.add(g);
                ReportsResult r = Reports.transition(new ReportsState(rhoDdagger, kappaPost, lambdaPost, etaPost,
                        psiPost.offenders(), betaDagger, pre.alpha(), ReportsState.Account.of(out, accounts), zeroCores,
                        List.of()), new ReportsInput(new GuaranteesExtrinsic(List.copyOf(out)), slot, known), params,
                        Ed25519::verify);
                if (r instanceof ReportsResult.Ok) {
                    break;
                }
                out.remove(out.size() - 1);
            }
        }
        return out;
    }

    /**
     * E_P: the pooled preimages whose service exists in σ and solicits them (a request (hash, length) with no
     * timeslots) and that are not provided yet (GP eq. 12.35–12.38), ascending by service then hash (the pool's order),
     * no duplicates (the pool's keys).
     */
    List<Preimage> preimages(PendingExtrinsics pool, ChainState pre, boolean include) {
        if (!include) {
            return List.of();
        }
        List<Preimage> out = new ArrayList<>();
        for (Map.Entry<PendingExtrinsics.PreimageKey, Preimage> e : pool.preimages.entrySet()) {
            long service = e.getKey().service();
            byte[] hash = e.getKey().hash().bytes();
            if (!pre.services().containsKey(StateKey.serviceAccount(service))
                    || pre.services().containsKey(StateKey.preimage(service, hash))) {
                continue;
            }
            byte[] request = pre.services().get(StateKey.request(service, hash, e.getValue().blob().length()));
            if (request != null && requestSlotCount(request) == 0) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** The number of timeslots of a request item E(↕[E_4(x) | x ← t]) (GP D.2). */
    static int requestSlotCount(byte[] v) {
        Decoder d = new Decoder(v);
        List<Long> slots = d.varSeq(4, 3, "request slots", Decoder::u32);
        d.expectEnd();
        return slots.size();
    }
}
