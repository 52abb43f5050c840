package io.jamboree.author.internal;

import io.jamboree.author.SealKind;
import io.jamboree.core.ChainParams;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.safrole.RingVrf;
import io.jamboree.stf.safrole.Safrole;
import io.jamboree.stf.safrole.SafroleInput;
import io.jamboree.stf.safrole.SafroleResult;
import io.jamboree.stf.safrole.SafroleState;
import io.jamboree.stf.safrole.SealContexts;
import io.jamboree.types.AssurancesExtrinsic;
import io.jamboree.types.BandersnatchVrfSignature;
import io.jamboree.types.Block;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.Extrinsic;
import io.jamboree.types.GuaranteesExtrinsic;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.Preimage;
import io.jamboree.types.PreimagesExtrinsic;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.TicketsExtrinsic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds and seals a block for a slot (GP 0.7.2 §5, §6.4): the header exactly as the importer derives and checks it.
 *
 * <ul>
 *   <li>H_p the parent's header hash, H_r the parent's posterior state root (eq. 5.8), H_t the slot;</li>
 *   <li>H_e and H_w (eq. 6.27–6.28) and γ'_s, η'_3, κ' from the Safrole transition itself ({@link Safrole}) run on the
 *       prior state with an empty tickets extrinsic and a placeholder entropy: none of them depends on Y(H_v) (only
 *       η'_0 does), and a winning-tickets marker only appears at m' ≥ Y, where no tickets may be submitted (eq. 6.30),
 *       so the empty extrinsic gives the same marker;</li>
 *   <li>H_o (eq. 10.20) the offenders of the selected disputes, as the disputes transition gives them;</li>
 *   <li>H_i the leading key's index in κ' ({@link SlotLeadership});</li>
 *   <li>H_s (eq. 6.15 with a ticket, 6.16 fallback) over E_U(H), and H_v (eq. 6.17) with context X_E ⌢ Y(H_s): the
 *       VRF output Y(H_s) depends only on the seal context, so H_v is made first, then E_U(H) (which contains H_v)
 *       is signed;</li>
 *   <li>E_T: during the submission period (m' &lt; Y) up to K of our tickets that enter γ'_a ({@link TicketPool}),
 *       proven over γ'_k with η'_2 ({@link TicketGenerator}), and tickets submitted to the pool by others;</li>
 *   <li>E_D, E_A, E_G, E_P: the pooled items the block's prior state admits ({@link ExtrinsicSelection}).</li>
 * </ul>
 */
final class BlockAuthor {
    private static final byte[] EMPTY = new byte[0];

    /** A built block and how it was sealed. */
    record Built(Block block, SealKind sealKind, int tickets) {}

    private final ChainParams params;
    private final Safrole safrole;
    private final TicketGenerator generator;
    private final ExtrinsicSelection selection;
    /** Whether a block proves the own tickets it selects (else they are proven elsewhere: see {@link #proveInBlock}). */
    private volatile boolean proveInBlock = true;

    BlockAuthor(ChainParams params, RingVrf ringRoot, TicketGenerator generator) {
        this.params = Objects.requireNonNull(params);
        this.selection = new ExtrinsicSelection(params);
        this.safrole = new Safrole(params, ringRoot);
        this.generator = Objects.requireNonNull(generator);
    }

    /**
     * With {@code false}, blocks include only own tickets whose proofs are already made (by {@link TicketGenerator}
     * for the ticket distribution, off the slot thread) instead of proving the selected ones while the slot waits.
     */
    void proveInBlock(boolean prove) {
        proveInBlock = prove;
    }

    /**
     * The block for {@code slot} on the parent {@code parentHash} with posterior state {@code pre} and state root
     * {@code parentRoot}, if one of our keys leads the slot: its extrinsic selected from {@code pool}
     * ({@link ExtrinsicSelection}) except the kinds in {@code excluded}; our own tickets join the pool when
     * {@code ownTickets}.
     *
     * @throws IllegalStateException if the Safrole transition refuses the slot (not after the parent's)
     */
    Optional<Built> build(Hash parentHash, Hash parentRoot, ChainState pre, long slot, SlotLeadership leadership,
            List<LocalKey> keys, PendingExtrinsics pool, boolean ownTickets, Set<ExtrinsicSelection.Kind> excluded) {
        synchronized (pool) {
            return buildLocked(parentHash, parentRoot, pre, slot, leadership, keys, pool, ownTickets, excluded);
        }
    }

    private Optional<Built> buildLocked(Hash parentHash, Hash parentRoot, ChainState pre, long slot,
            SlotLeadership leadership, List<LocalKey> keys, PendingExtrinsics pool, boolean ownTickets,
            Set<ExtrinsicSelection.Kind> excluded) {
        selection.evict(pool, pre, parentHash, slot);
        // §10 first: ψ'_O enters Safrole (offenders' keys are nulled in κ' at an epoch change, eq. 6.14)
        ExtrinsicSelection.DisputesChoice disputes = selection.disputes(pool, pre,
                !excluded.contains(ExtrinsicSelection.Kind.DISPUTES));
        var psiPost = disputes.result().postState().psi();
        SafroleState ss = new SafroleState(pre.tau(), pre.eta(), pre.lambda(), pre.kappa(),
                pre.gamma().pendingValidators(), pre.iota(), pre.gamma().ticketAccumulator(), pre.gamma().sealTickets(),
                pre.gamma().epochRoot(), psiPost.offenders());
        SafroleResult r = safrole.apply(ss, new SafroleInput(slot, Hash.ZERO, List.of()));
        if (r instanceof SafroleResult.Err err) {
            throw new IllegalStateException("Safrole refuses slot " + slot + " after " + pre.tau() + ": " + err.error());
        }
        SafroleResult.Ok ok = (SafroleResult.Ok) r;
        SafroleState post = ok.postState();
        int phase = (int) (slot % params.epochLength());
        Hash eta3 = post.eta().get(3);
        Optional<SlotLeadership.Claim> claim = leadership.claim(post.gammaS(), eta3, post.kappa(), phase);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        SlotLeadership.Claim c = claim.get();

        List<TicketEnvelope> tickets = !excluded.contains(ExtrinsicSelection.Kind.TICKETS)
                && phase < params.contestLength() ? tickets(ss, slot, post, keys, pool, ownTickets) : List.of();
        ExtrinsicSelection.AssurancesChoice assurances = selection.assurances(pool,
                disputes.result().postState().rho(), pre.kappa(), parentHash, slot,
                !excluded.contains(ExtrinsicSelection.Kind.ASSURANCES));
        List<ReportGuarantee> guarantees = selection.guarantees(pool, pre, parentRoot, assurances.rhoDdagger(),
                post.kappa(), post.lambda(), post.eta(), psiPost, slot,
                !excluded.contains(ExtrinsicSelection.Kind.GUARANTEES));
        List<Preimage> preimages = selection.preimages(pool, pre, !excluded.contains(ExtrinsicSelection.Kind.PREIMAGES));
        Extrinsic x = new Extrinsic(new TicketsExtrinsic(tickets), new PreimagesExtrinsic(preimages),
                new GuaranteesExtrinsic(guarantees), new AssurancesExtrinsic(assurances.assurances()),
                disputes.extrinsic());

        byte[] sealContext = switch (c) {
            case SlotLeadership.TicketClaim t -> SealContexts.ticket(eta3, t.ticket().attempt());
            case SlotLeadership.FallbackClaim f -> SealContexts.fallback(eta3);
        };
        byte[] secret = c.key().secret();
        byte[] sealOutput = BandersnatchVrf.vrfOutput(BandersnatchVrf.ietfProve(secret, sealContext, EMPTY));
        BandersnatchVrfSignature entropy = new BandersnatchVrfSignature(
                BandersnatchVrf.ietfProve(secret, SealContexts.entropy(sealOutput), EMPTY));
        BandersnatchVrfSignature placeholder = new BandersnatchVrfSignature(new byte[BandersnatchVrf.IETF_SIGNATURE_BYTES]);
        Header unsigned = new Header(parentHash, parentRoot, x.hash(params), slot, ok.epochMark().orElse(null),
                ok.ticketsMark().orElse(null), c.authorIndex(), entropy, disputes.result().offendersMark(), placeholder);
        byte[] seal = BandersnatchVrf.ietfProve(secret, sealContext, unsigned.unsignedBytes(params));
        Header header = new Header(unsigned.parent(), unsigned.parentStateRoot(), unsigned.extrinsicHash(),
                unsigned.slot(), unsigned.epochMark(), unsigned.ticketsMark(), unsigned.authorIndex(),
                unsigned.entropySource(), unsigned.offendersMark(), new BandersnatchVrfSignature(seal));
        SealKind kind = c instanceof SlotLeadership.TicketClaim ? SealKind.TICKET : SealKind.FALLBACK;
        return Optional.of(new Built(new Block(header, x), kind, tickets.size()));
    }

    /**
     * Our tickets for this block (eq. 6.29–6.35): the pool joins the contest of η'_2 (filled with our candidates over
     * γ'_k when it is new), then selects against γ_a as the block finds it (the Safrole posterior with no tickets:
     * empty on the first block of an epoch) and proves the selected ones.
     */
    private List<TicketEnvelope> tickets(SafroleState prior, long slot, SafroleState post, List<LocalKey> keys,
            PendingExtrinsics extrinsics, boolean ownTickets) {
        TicketPool pool = extrinsics.tickets;
        Hash eta2 = post.eta().get(2);
        long epoch = post.tau() / params.epochLength();
        if (!pool.holds(epoch, eta2)) {
            pool.startContest(epoch, eta2);
            if (ownTickets) {
                for (TicketGenerator.Candidate cand : generator.candidates(eta2, post.gammaK(), keys,
                        params.ticketEntriesPerValidator())) {
                    pool.addOwn(cand);
                }
            }
        }
        // tickets from elsewhere: the Safrole transition itself checks each once (ring proof over γ'_k with η'_2,
        // eq. 6.29–6.35); the ones it refuses are dropped
        for (TicketPool.Entry e : pool.unverified()) {
            if (safrole.apply(prior, new SafroleInput(slot, Hash.ZERO, List.of(e.envelope))) instanceof SafroleResult.Ok) {
                e.verified = true;
            } else {
                pool.remove(e.body.id());
            }
        }
        List<TicketPool.Entry> selected = pool.select(post.gammaA(), params.epochLength(), params.maxTicketsPerBlock());
        List<TicketPool.Entry> unproven = new ArrayList<>();
        List<TicketGenerator.Candidate> toProve = new ArrayList<>();
        for (TicketPool.Entry e : selected) {
            if (e.envelope == null) {
                unproven.add(e);
                toProve.add(e.own);
            }
        }
        if (proveInBlock) {
            List<TicketEnvelope> proofs = generator.proveAll(toProve, eta2, post.gammaK());
            for (int i = 0; i < unproven.size(); i++) {
                unproven.get(i).envelope = proofs.get(i);
            }
        } else {
            // the proofs are made off the slot thread (ticket distribution): take the ones done, leave the rest
            for (TicketPool.Entry e : unproven) {
                e.envelope = generator.provenIfDone(e.own, eta2, post.gammaK());
            }
        }
        List<TicketEnvelope> out = new ArrayList<>(selected.size());
        for (TicketPool.Entry e : selected) {
            if (e.envelope != null) {
                out.add(e.envelope);
            }
        }
        return out;
    }
}
