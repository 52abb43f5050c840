package io.jamboree.stf.internal;

import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.accumulate.Accumulation;
import io.jamboree.accumulate.AccumulationOutcome;
import io.jamboree.accumulate.AccumulationState;
import io.jamboree.accumulate.AccumulationStatistic;
import io.jamboree.accumulate.ServiceWrite;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.merkle.BinaryMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.merkle.StateKey;
import io.jamboree.stf.assurances.Assurances;
import io.jamboree.stf.assurances.AssurancesInput;
import io.jamboree.stf.assurances.AssurancesResult;
import io.jamboree.stf.assurances.AssurancesState;
import io.jamboree.stf.authorizations.AuthorizationInput;
import io.jamboree.stf.authorizations.AuthorizationState;
import io.jamboree.stf.authorizations.AuthorizerPool;
import io.jamboree.stf.authorizations.CoreAuthorizer;
import io.jamboree.stf.StateTransition;
import io.jamboree.stf.disputes.Disputes;
import io.jamboree.stf.disputes.Ed25519Verifier;
import io.jamboree.stf.disputes.DisputesResult;
import io.jamboree.stf.disputes.DisputesState;
import io.jamboree.stf.history.HistoryInput;
import io.jamboree.stf.history.RecentHistory;
import io.jamboree.stf.preimages.PreimageAccount;
import io.jamboree.stf.preimages.PreimageIntegration;
import io.jamboree.stf.preimages.PreimagesInput;
import io.jamboree.stf.preimages.PreimagesResult;
import io.jamboree.stf.preimages.PreimagesState;
import io.jamboree.stf.reports.Reports;
import io.jamboree.stf.reports.ReportsInput;
import io.jamboree.stf.reports.ReportsResult;
import io.jamboree.stf.reports.ReportsState;
import io.jamboree.stf.safrole.BandersnatchVerifier;
import io.jamboree.stf.safrole.RingVrf;
import io.jamboree.stf.safrole.Safrole;
import io.jamboree.stf.safrole.SafroleInput;
import io.jamboree.stf.safrole.SafroleResult;
import io.jamboree.stf.safrole.SealContexts;
import io.jamboree.stf.statistics.ActivityStatistics;
import io.jamboree.stf.statistics.StatisticsInput;
import io.jamboree.stf.statistics.StatisticsState;
import io.jamboree.stf.statistics.ValidatorStatistics;
import io.jamboree.types.AccumulationOutput;
import io.jamboree.types.AvailabilityAssignment;
import io.jamboree.types.BandersnatchPublic;
import io.jamboree.types.BlockInfo;
import io.jamboree.types.Block;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.Extrinsic;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.LastAccumulationOutputs;
import io.jamboree.types.Preimage;
import io.jamboree.types.ReadyRecord;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.Statistics;
import io.jamboree.types.TicketBody;
import io.jamboree.types.TicketsOrKeys;
import io.jamboree.types.WorkReport;
import io.jamboree.core.hash.Blake2b256;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The block-level state transition Υ (GP eq. 4.1, computed as GP §4.2 eq. 4.5–4.20 in their dependency
 * order) with the header checks of §5 and §6.4–6.5 that can be made from the prior state alone:
 *
 * <ol>
 *   <li>τ' = H_t (§6.1); author index within V; extrinsic hash H_x (eq. 5.4–5.6);</li>
 *   <li>β† (eq. 7.5): the parent state root into the last recent-history item;</li>
 *   <li>disputes (§10): ψ', ρ†, and the offenders marker H_o (eq. 10.20);</li>
 *   <li>Safrole (§6): γ', κ', λ', η' from Y(H_v); markers H_e, H_w; the seal H_s and entropy source H_v
 *       (eq. 6.15–6.17) against γ'_s, η'_3 and the author's key κ'[H_i];</li>
 *   <li>assurances (§11.2): ρ‡ and the available reports R (signatures under the prior κ, eq. 11.13);</li>
 *   <li>guarantees (§11.4–11.5): ρ' (under κ', λ', η', ψ'_O, β†), with the lookup-anchor ancestry check;</li>
 *   <li>accumulation (§12, {@link Accumulation}): δ†, χ', ι', φ', ω', ξ', θ';</li>
 *   <li>preimages (§12.4): δ‡ = I(δ†, E_P), each item solicited in the prior δ;</li>
 *   <li>β' (eq. 7.7–7.8) with the accumulation-output root M_B([E_4(s) ⌢ h | (s, h) ∈ θ'], H_K);</li>
 *   <li>statistics π' (§13) and authorizations α' (§8.2).</li>
 * </ol>
 * Pure: the prior state is never modified; a rejection carries a reason and nothing else. Its crypto comes in
 * through the constructor only (bound by {@link StateTransitionComponent} in the node).
 */
public final class BlockTransition implements StateTransition {

    private final Accumulation accumulation;
    private final Ed25519Verifier ed25519;
    private final RingVrf ring;
    private final BandersnatchVerifier bandersnatch;

    /**
     * @param accumulation accumulation (GP §12)
     * @param ed25519 the Ed25519 check of disputes, assurances and guarantees (GP §3.8.2)
     * @param ring the ring root and ring VRF of Safrole (GP §6.3, §6.7)
     * @param bandersnatch the IETF VRF check of the seal and entropy source (GP §6.4)
     */
    public BlockTransition(Accumulation accumulation, Ed25519Verifier ed25519, RingVrf ring,
            BandersnatchVerifier bandersnatch) {
        this.accumulation = Objects.requireNonNull(accumulation);
        this.ed25519 = Objects.requireNonNull(ed25519);
        this.ring = Objects.requireNonNull(ring);
        this.bandersnatch = Objects.requireNonNull(bandersnatch);
    }

    /** The same transition with accumulation by {@code other}. */
    public BlockTransition withAccumulation(Accumulation other) {
        return new BlockTransition(other, ed25519, ring, bandersnatch);
    }

    /** The (ring implementation, ring size) pairs already prepared in this process (see {@link #prepare}). */
    private static final Set<List<Object>> PREPARED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Asks the ring to compute, on a background thread, a ring root O (GP §6.3, eq. 6.13) over V padding keys (all-zero
     * keys, as offenders' keys are), so that the ring's one-time setup (its tables for the ring's domain, the verifier's
     * compiled code) does not land on the first epoch-change or ticket block. Once per ring implementation, ring size
     * and process; a failure is left to the first epoch-change block, which reports it.
     */
    @Override
    public void prepare(ChainParams params) {
        int v = params.validatorsCount();
        if (!PREPARED.add(List.of(ring, v))) {
            return;
        }
        List<byte[]> keys = new ArrayList<>(v);
        for (int i = 0; i < v; i++) {
            keys.add(new byte[32]);
        }
        ring.prepareRingRoot(keys);
    }

    private static Result invalid(String reason) {
        return new Result.Invalid(reason);
    }

    @Override
    public Result apply(ChainParams params, ChainState pre, Block block, Ancestry ancestry) {
        final ChainParams p = Objects.requireNonNull(params);
        Header h = block.header();
        Extrinsic x = block.extrinsic();
        long slot = h.slot();

        // §5 header basics
        if (slot <= pre.tau()) {
            return invalid("bad slot: block slot " + slot + " is not after the prior slot " + pre.tau() + " (GP eq. 6.1)");
        }
        if (h.authorIndex() >= p.validatorsCount()) {
            return invalid("bad author index " + h.authorIndex() + " (V = " + p.validatorsCount() + ", GP eq. 5.1)");
        }
        Hash xtHash;
        try {
            xtHash = x.hash(p);
        } catch (RuntimeException e) {
            return invalid("extrinsic cannot be encoded: " + e.getMessage());
        }
        if (!xtHash.equals(h.extrinsicHash())) {
            return invalid("bad extrinsic hash: header has " + h.extrinsicHash() + ", extrinsic hashes to " + xtHash
                    + " (GP eq. 5.4)");
        }

        // β† (eq. 7.5)
        RecentBlocks betaDagger = RecentHistory.dagger(pre.beta(), h.parentStateRoot());

        // §10 disputes: ψ', ρ†
        DisputesResult dr = new Disputes(ed25519, p).apply(new DisputesState(pre.psi(), pre.rho(), pre.tau(), pre.kappa(),
                pre.lambda()), x.disputes());
        if (dr instanceof DisputesResult.Err err) {
            return invalid("disputes: " + err.error() + " (GP §10)");
        }
        DisputesResult.Ok disputesOk = (DisputesResult.Ok) dr;
        if (!disputesOk.offendersMark().equals(h.offendersMark())) {
            return invalid("bad offenders mark: header has " + h.offendersMark().size() + " keys, disputes give "
                    + disputesOk.offendersMark().size() + " (GP eq. 10.20)");
        }
        var psiPost = disputesOk.postState().psi();
        var rhoDagger = disputesOk.postState().rho();

        // §6 Safrole
        byte[] entropyOutput = bandersnatch.output(h.entropySource().bytes());
        io.jamboree.stf.safrole.SafroleState ss = new io.jamboree.stf.safrole.SafroleState(pre.tau(), pre.eta(),
                pre.lambda(), pre.kappa(), pre.gamma().pendingValidators(), pre.iota(),
                pre.gamma().ticketAccumulator(), pre.gamma().sealTickets(), pre.gamma().epochRoot(),
                psiPost.offenders());
        SafroleResult sr;
        try {
            sr = new Safrole(p, ring).apply(ss, new SafroleInput(slot, new Hash(entropyOutput), x.tickets().tickets()));
        } catch (UnsupportedOperationException e) {
            return invalid("ring VRF verification unavailable: " + e.getMessage());
        }
        if (sr instanceof SafroleResult.Err err) {
            return invalid("safrole: " + err.error().asnName() + " (GP §6)");
        }
        SafroleResult.Ok safroleOk = (SafroleResult.Ok) sr;
        var sPost = safroleOk.postState();
        if (!Objects.equals(safroleOk.epochMark().orElse(null), h.epochMark())) {
            return invalid("bad epoch mark: header " + (h.epochMark() == null ? "has none" : "has one")
                    + ", Safrole " + (safroleOk.epochMark().isPresent() ? "gives one" : "gives none")
                    + (h.epochMark() != null && safroleOk.epochMark().isPresent() ? " that differs" : "")
                    + " (GP eq. 6.27)");
        }
        if (!Objects.equals(safroleOk.ticketsMark().orElse(null), h.ticketsMark())) {
            return invalid("bad tickets mark (GP eq. 6.28)");
        }
        String sealProblem = checkSeal(p, h, sPost.gammaS(), sPost.eta().get(3), sPost.kappa(), entropyOutput);
        if (sealProblem != null) {
            return invalid(sealProblem);
        }

        // §11.2 assurances: ρ‡ and R; signatures under the prior κ (eq. 11.13 writes κ, not κ': this matters on
        // the first block of an epoch; the conformance fuzzer's traces agree)
        AssurancesResult ar = Assurances.transition(new AssurancesState(rhoDagger, pre.kappa()),
                new AssurancesInput(x.assurances(), slot, h.parent()), p, ed25519);
        if (ar instanceof AssurancesResult.Err err) {
            return invalid("assurances: " + err.error() + " (GP §11.2)");
        }
        AssurancesResult.Ok assurancesOk = (AssurancesResult.Ok) ar;
        List<WorkReport> available = assurancesOk.available();
        var rhoDdagger = assurancesOk.postState().availAssignments();

        // §11.4 guarantees: ρ'
        List<ReportGuarantee> guarantees = x.guarantees().guarantees();
        ServiceAccounts accounts = new ServiceAccounts(pre.services(), p);
        List<ReportsState.Account> reportAccounts = ReportsState.Account.of(guarantees, accounts);
        List<CoreActivityRecord> zeroCores = new ArrayList<>(p.coresCount());
        for (int c = 0; c < p.coresCount(); c++) {
            zeroCores.add(CoreActivityRecord.ZERO);
        }
        ReportsResult rr = Reports.transition(new ReportsState(rhoDdagger, sPost.kappa(), sPost.lambda(), sPost.eta(),
                psiPost.offenders(), betaDagger, pre.alpha(), reportAccounts, zeroCores, List.of()),
                new ReportsInput(x.guarantees(), slot, pre.knownPackages()), p, ed25519);
        if (rr instanceof ReportsResult.Err err) {
            return invalid("guarantees: " + err.error() + " (GP §11.4)");
        }
        ReportsResult.Ok reportsOk = (ReportsResult.Ok) rr;
        if (ancestry != null) {
            for (ReportGuarantee g : guarantees) {
                var c = g.report().context();
                if (!ancestry.contains(c.lookupAnchorSlot(), c.lookupAnchor())) {
                    return invalid("guarantees: lookup anchor " + c.lookupAnchor() + " at slot "
                            + c.lookupAnchorSlot() + " is not among the last imported headers (GP eq. 11.35)");
                }
            }
        }
        var rhoPost = reportsOk.postState().availAssignments();

        // §12.4 preimages, validity against the prior δ
        PreimagesResult pr = PreimageIntegration.transition(preimageAccounts(pre, x.preimages().preimages()),
                new PreimagesInput(x.preimages(), slot));
        if (pr instanceof PreimagesResult.Err err) {
            return invalid("preimages: " + err.error() + " (GP §12.4)");
        }

        // §12 accumulation
        AccumulationOutcome acc = accumulation.accumulate(p, slot, pre.tau(), sPost.eta().get(0), available,
                new AccumulationState(pre.chi(), pre.phi(), pre.iota().keys(), pre.omega(), pre.xi()), accounts);
        NavigableMap<StateKey, byte[]> delta = new TreeMap<>(pre.services());
        for (ServiceWrite w : acc.serviceWrites()) {
            switch (w) {
                case ServiceWrite.Put put -> delta.put(put.key(), put.value());
                case ServiceWrite.Remove rm -> delta.remove(rm.key());
            }
        }
        // δ‡ = I(δ†, E_P): only preimages still solicited after accumulation are integrated
        for (Preimage pi : x.preimages().preimages()) {
            byte[] hash = Blake2b256.hash(pi.blob().bytes());
            StateKey reqKey = StateKey.request(pi.requester(), hash, pi.blob().length());
            byte[] req = delta.get(reqKey);
            StateKey blobKey = StateKey.preimage(pi.requester(), hash);
            if (delta.containsKey(StateKey.serviceAccount(pi.requester())) && req != null
                    && requestSlots(req).isEmpty() && !delta.containsKey(blobKey)) {
                delta.put(blobKey, pi.blob().bytes());
                delta.put(reqKey, new Encoder(5).length(1).u32(slot).toByteArray());
            }
        }

        // β' (eq. 7.7–7.8)
        List<AccumulationOutput> outputs = new ArrayList<>(acc.outputs());
        List<byte[]> leaves = new ArrayList<>(outputs.size());
        for (AccumulationOutput o : outputs) {
            leaves.add(new Encoder(36).u32(o.serviceId()).bytes(o.hash().bytes()).toByteArray());
        }
        Hash accRoot = new Hash(BinaryMerkle.wellBalancedRoot(leaves, HashFunction.KECCAK_256));
        RecentBlocks betaPost = RecentHistory.transition(pre.beta(), new HistoryInput(h.hash(p), h.parentStateRoot(),
                accRoot, reportsOk.reported()), p);

        // §13 statistics π'
        List<WorkReport> incoming = new ArrayList<>(guarantees.size());
        for (ReportGuarantee g : guarantees) {
            incoming.add(g.report());
        }
        StatisticsState vs = ValidatorStatistics.transition(
                new StatisticsState(pre.pi().valsCurr(), pre.pi().valsLast(), pre.tau(), sPost.kappa()),
                new StatisticsInput(slot, h.authorIndex(), x), new HashSet<>(reportsOk.reporters()), p);
        List<ActivityStatistics.Accumulation> accStats = new ArrayList<>();
        for (AccumulationStatistic a : acc.statistics()) {
            accStats.add(new ActivityStatistics.Accumulation(a.serviceId(), a.count(), a.gasUsed()));
        }
        Statistics piPost = new Statistics(vs.current(), vs.last(),
                ActivityStatistics.cores(incoming, available, x.assurances().assurances(), p),
                ActivityStatistics.services(incoming, x.preimages().preimages(), accStats));

        // §8.2 authorizations α'
        List<CoreAuthorizer> authorizers = new ArrayList<>(guarantees.size());
        for (ReportGuarantee g : guarantees) {
            authorizers.add(new CoreAuthorizer(g.report().coreIndex(), g.report().authorizerHash()));
        }
        var alphaPost = AuthorizerPool.transition(new AuthorizationState(pre.alpha(), acc.state().authQueues()),
                new AuthorizationInput(slot, authorizers), p).pools();

        AccumulationState as = acc.state();
        return new Result.Valid(new ChainState(alphaPost, as.authQueues(), betaPost, sPost.gamma(), psiPost,
                sPost.eta(), new io.jamboree.types.ValidatorKeys(as.stagingSet()), sPost.kappa(), sPost.lambda(),
                rhoPost, slot, as.privileges(), piPost, as.readyQueue(), as.accumulated(),
                new LastAccumulationOutputs(outputs), delta));
    }

    /** The request entries E_P refers to, read from the prior δ, for the validity check Y(δ, s, d). */
    private PreimagesState preimageAccounts(ChainState s, List<Preimage> ps) {
        TreeMap<Long, List<PreimageAccount.Request>> reqs = new TreeMap<>();
        for (Preimage pi : ps) {
            long sid = pi.requester();
            if (!s.services().containsKey(StateKey.serviceAccount(sid))) {
                continue;
            }
            List<PreimageAccount.Request> l = reqs.computeIfAbsent(sid, k -> new ArrayList<>());
            byte[] hash = Blake2b256.hash(pi.blob().bytes());
            byte[] v = s.services().get(StateKey.request(sid, hash, pi.blob().length()));
            if (v == null) {
                continue;
            }
            List<Long> slots = requestSlots(v);
            // a_p[h] already present counts as provided (Y requires h ∉ K(a_p), GP 12.3)
            if (s.services().containsKey(StateKey.preimage(sid, hash)) && slots.isEmpty()) {
                slots = List.of(0L);
            }
            l.add(new PreimageAccount.Request(new Hash(hash), pi.blob().length(), slots));
        }
        List<PreimageAccount> accounts = new ArrayList<>(reqs.size());
        reqs.forEach((sid, l) -> accounts.add(new PreimageAccount(sid, List.of(), l)));
        return new PreimagesState(accounts, List.of());
    }

    /** The timeslots of a request item, E(↕[E_4(x) | x ← t]) (GP App. D.2). */
    private static List<Long> requestSlots(byte[] v) {
        Decoder d = new Decoder(v);
        List<Long> slots = d.varSeq(4, 3, "request slots", Decoder::u32);
        d.expectEnd();
        return slots;
    }

    /**
     * The seal H_s and entropy source H_v (GP §6.4, eq. 6.15–6.17): by the author's Bandersnatch key κ'[H_i]_b,
     * over E_U(H); with a ticket (context X_T ⌢ η'_3 ⌢ i_e, and Y(H_s) = i_y) or a fallback key (X_F ⌢ η'_3, the key
     * being γ'_s[H_t mod E]); H_v with context X_E ⌢ Y(H_s) over the empty message.
     */
    private String checkSeal(ChainParams params, Header h, TicketsOrKeys gammaS, Hash eta3,
            io.jamboree.types.ValidatorKeys kappa,
            byte[] entropyOutput) {
        BandersnatchPublic author = kappa.get(h.authorIndex()).bandersnatch();
        int phase = (int) (h.slot() % params.epochLength());
        byte[] unsigned = h.unsignedBytes(params);
        byte[] seal = h.seal().bytes();
        // H_v's context needs only Y(H_s), a hash of the seal's first 32 bytes: verify H_v on another core while
        // H_s is verified here (its answer counts only once H_s passed)
        byte[] entropyContext = SealContexts.entropy(bandersnatch.output(seal));
        byte[] entropySource = h.entropySource().bytes();
        java.util.concurrent.CompletableFuture<Boolean> entropyOk = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> bandersnatch.verify(author.bytes(), entropyContext, new byte[0], entropySource));
        byte[] sealOutput; // Y(H_s), taken once the seal verified (twice needed with a ticket)
        switch (gammaS) {
            case TicketsOrKeys.Tickets t -> {
                TicketBody ticket = t.tickets().get(phase);
                byte[] ctx = SealContexts.ticket(eta3, ticket.attempt());
                if (!bandersnatch.verify(author.bytes(), ctx, unsigned, seal)) {
                    return "bad seal: not a ticket seal by author " + h.authorIndex() + " (GP eq. 6.15)";
                }
                sealOutput = bandersnatch.output(seal);
                if (!ticket.id().equals(new Hash(sealOutput))) {
                    return "bad seal: VRF output does not match the slot's ticket identifier (GP eq. 6.15)";
                }
            }
            case TicketsOrKeys.Keys k -> {
                BandersnatchPublic expected = k.keys().get(phase);
                if (!expected.equals(author)) {
                    return "bad seal: author " + h.authorIndex() + " is not the fallback key of slot phase " + phase
                            + " (GP eq. 6.16)";
                }
                if (!bandersnatch.verify(author.bytes(), SealContexts.fallback(eta3), unsigned, seal)) {
                    return "bad seal: not a fallback seal by author " + h.authorIndex() + " (GP eq. 6.16)";
                }
                sealOutput = bandersnatch.output(seal);
            }
        }
        if (!entropyOk.join()) {
            return "bad entropy source H_v (GP eq. 6.17)";
        }
        return null;
    }
}
