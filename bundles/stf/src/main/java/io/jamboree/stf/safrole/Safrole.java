package io.jamboree.stf.safrole;

import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.types.BandersnatchPublic;
import io.jamboree.types.BandersnatchRingCommitment;
import io.jamboree.types.BlsPublic;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.EpochMark;
import io.jamboree.types.EpochMarkValidator;
import io.jamboree.types.Hash;
import io.jamboree.types.TicketBody;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.TicketsOrKeys;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorKeys;
import io.jamboree.types.ValidatorMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Safrole transition (GP 0.7.2 §6): τ, η, λ, κ, γ, with the epoch and winning-tickets markers.
 *
 * <ul>
 *   <li>§6.1 eq. 6.1–6.2: τ' = H_t, which must exceed τ; e, m and e', m' are the epochs and slot phases;</li>
 *   <li>§6.3 eq. 6.13–6.14: on a new epoch (γ_k', κ', λ', γ_z') = (Φ(ι), γ_k, κ, O([k_b | k ← γ_k'])), Φ zeroing
 *       keys whose Ed25519 part is in ψ_O';</li>
 *   <li>§6.4 eq. 6.22–6.23: η_0' = H(η_0 ⌢ Y(H_v)); (η_1', η_2', η_3') rotate on a new epoch;</li>
 *   <li>§6.5 eq. 6.24: γ_s' = Z(γ_a) after a full contest closing in the directly preceding epoch, γ_s within an
 *       epoch, else F(η_2', κ');</li>
 *   <li>§6.6 eq. 6.27–6.28: H_e on a new epoch; H_w = Z(γ_a) when the contest closes with a full accumulator;</li>
 *   <li>§6.7 eq. 6.29–6.35: tickets only before the tail (m' &lt; Y), at most K, entry index &lt; N, proofs against
 *       γ_z' with context "jam_ticket_seal" ⌢ η_2' ⌢ attempt; identifiers ascending, unique and new; γ_a' keeps
 *       the E lowest identifiers, and every new ticket must be kept.</li>
 * </ul>
 * Equation numbers are the PDF's; the Markdown spec labels are {@code eq:timeslotindex}, {@code eq:blacklistfilter},
 * {@code eq:entropycomposition}, {@code eq:slotkeysequence}, {@code eq:epochmarker}, {@code eq:winningticketsmarker},
 * {@code eq:ticketsextrinsic} and {@code eq:enforceticketlimit}.
 * The order in which violations are reported follows the vectors (the Graypaper does not define error codes).
 * Pure: the prior state is never modified; on error only the error is returned.
 */
public final class Safrole {


    /** The null key [0, 0, …] ∈ K that Φ substitutes for offenders (eq. 6.14). */
    public static final ValidatorKey NULL_KEY = new ValidatorKey(new BandersnatchPublic(new byte[32]),
            new Ed25519Public(new byte[32]), new BlsPublic(new byte[144]), new ValidatorMetadata(new byte[128]));

    private final ChainParams params;
    private final RingVrf ring;

    /**
     * @param params the protocol constants (E, Y, N, K)
     * @param ring   the ring VRF (ring root O and proof verification)
     */
    public Safrole(ChainParams params, RingVrf ring) {
        this.params = params;
        this.ring = ring;
    }

    /** Runs the transition. */
    public SafroleResult apply(SafroleState pre, SafroleInput in) {
        final int epochLength = params.epochLength();
        // §6.1
        if (Long.compareUnsigned(in.slot(), pre.tau()) <= 0) {
            return new SafroleResult.Err(SafroleError.BAD_SLOT);
        }
        long e = pre.tau() / epochLength;
        long m = pre.tau() % epochLength;
        long e1 = in.slot() / epochLength;
        long m1 = in.slot() % epochLength;
        boolean newEpoch = e1 > e;
        List<TicketEnvelope> xt = in.extrinsic();
        // eq. 6.30
        if (!xt.isEmpty() && m1 >= params.contestLength()) {
            return new SafroleResult.Err(SafroleError.UNEXPECTED_TICKET);
        }
        if (xt.size() > params.maxTicketsPerBlock()) {
            // eq. 6.30 bounds |E_T| by K; the vectors' error set has no dedicated code
            return new SafroleResult.Err(SafroleError.UNEXPECTED_TICKET);
        }
        for (TicketEnvelope t : xt) {
            if (t.attempt() >= params.ticketEntriesPerValidator()) {
                return new SafroleResult.Err(SafroleError.BAD_TICKET_ATTEMPT);
            }
        }

        // §6.4 entropy
        EntropyBuffer eta = pre.eta();
        Hash eta0 = new Hash(Blake2b256.hash(eta.get(0).bytes(), in.entropy().bytes()));
        EntropyBuffer eta1 = new EntropyBuffer(newEpoch
                ? List.of(eta0, eta.get(0), eta.get(1), eta.get(2))
                : List.of(eta0, eta.get(1), eta.get(2), eta.get(3)));

        // §6.3 key rotation
        ValidatorKeys gammaK = pre.gammaK();
        ValidatorKeys kappa = pre.kappa();
        ValidatorKeys lambda = pre.lambda();
        BandersnatchRingCommitment gammaZ = pre.gammaZ();
        if (newEpoch) {
            lambda = pre.kappa();
            kappa = pre.gammaK();
            gammaK = blacklist(pre.iota(), pre.postOffenders());
            List<byte[]> bs = bandersnatchKeys(gammaK);
            gammaZ = new BandersnatchRingCommitment(ring.ringRoot(bs));
        } else {
            // the next epoch change needs O(ι without offenders): let the ring compute it ahead
            ring.prepareRingRoot(bandersnatchKeys(blacklist(pre.iota(), pre.postOffenders())));
        }

        // §6.5 sealing-key series
        TicketsOrKeys gammaS;
        if (e1 == e + 1 && m >= params.contestLength() && pre.gammaA().size() == epochLength) {
            gammaS = new TicketsOrKeys.Tickets(SlotKeySequence.outsideIn(pre.gammaA()));
        } else if (e1 == e) {
            gammaS = pre.gammaS();
        } else {
            gammaS = new TicketsOrKeys.Keys(SlotKeySequence.fallback(eta1.get(2).bytes(), kappa.keys(), epochLength));
        }

        // §6.7 tickets
        List<TicketBody> fresh = new ArrayList<>(xt.size());
        List<byte[]> contexts = new ArrayList<>(xt.size());
        List<byte[]> proofs = new ArrayList<>(xt.size());
        for (TicketEnvelope t : xt) {
            contexts.add(SealContexts.ticket(eta1.get(2), t.attempt()));
            proofs.add(t.signature().bytes());
        }
        byte[][] ids = xt.isEmpty() ? new byte[0][] : ring.verifyAll(gammaZ.bytes(), gammaK.size(), contexts, proofs);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                return new SafroleResult.Err(SafroleError.BAD_TICKET_PROOF);
            }
            fresh.add(new TicketBody(new Hash(ids[i]), xt.get(i).attempt()));
        }
        for (int i = 1; i < fresh.size(); i++) {
            if (fresh.get(i - 1).id().compareTo(fresh.get(i).id()) >= 0) {
                return new SafroleResult.Err(SafroleError.BAD_TICKET_ORDER);
            }
        }
        List<TicketBody> base = newEpoch ? List.of() : pre.gammaA();
        for (TicketBody t : fresh) {
            for (TicketBody b : base) {
                if (t.id().equals(b.id())) {
                    return new SafroleResult.Err(SafroleError.DUPLICATE_TICKET);
                }
            }
        }
        List<TicketBody> gammaA = merge(base, fresh, epochLength);
        if (!fresh.isEmpty()) {
            // n ⊆ γ_a' (eq. 6.35): the largest new identifier must survive the truncation
            Hash last = fresh.get(fresh.size() - 1).id();
            Hash kept = gammaA.get(gammaA.size() - 1).id();
            if (last.compareTo(kept) > 0) {
                // no dedicated code in the vectors' error set; a useless ticket is out of order w.r.t. γ_a'
                return new SafroleResult.Err(SafroleError.BAD_TICKET_ORDER);
            }
        }

        // §6.6 markers
        Optional<EpochMark> epochMark = Optional.empty();
        if (newEpoch) {
            List<EpochMarkValidator> vs = new ArrayList<>(gammaK.size());
            for (ValidatorKey k : gammaK.keys()) {
                vs.add(new EpochMarkValidator(k.bandersnatch(), k.ed25519()));
            }
            epochMark = Optional.of(new EpochMark(eta.get(0), eta.get(1), vs));
        }
        Optional<List<TicketBody>> ticketsMark = Optional.empty();
        if (e1 == e && m < params.contestLength() && params.contestLength() <= m1
                && gammaA.size() == epochLength) {
            ticketsMark = Optional.of(SlotKeySequence.outsideIn(gammaA));
        }
        SafroleState post = new SafroleState(in.slot(), eta1, lambda, kappa, gammaK, pre.iota(), gammaA, gammaS,
                gammaZ, pre.postOffenders());
        return new SafroleResult.Ok(epochMark, ticketsMark, post);
    }

    /** The Bandersnatch components of the keys, in order (the ring of eq. 6.13). */
    private static List<byte[]> bandersnatchKeys(ValidatorKeys keys) {
        List<byte[]> bs = new ArrayList<>(keys.size());
        for (ValidatorKey k : keys.keys()) {
            bs.add(k.bandersnatch().bytes());
        }
        return bs;
    }

    /** Φ(k) (eq. 6.14): keys whose Ed25519 component is an offender are replaced by the null key. */
    public static ValidatorKeys blacklist(ValidatorKeys keys, List<Ed25519Public> offenders) {
        List<ValidatorKey> out = new ArrayList<>(keys.size());
        for (ValidatorKey k : keys.keys()) {
            boolean offender = false;
            Ed25519Public ed = k.ed25519();
            for (Ed25519Public o : offenders) {
                if (ed.equals(o)) {
                    offender = true;
                    break;
                }
            }
            out.add(offender ? NULL_KEY : k);
        }
        return new ValidatorKeys(out);
    }

    /** The E lowest of two ascending ticket sequences with distinct identifiers (eq. 6.34). */
    private static List<TicketBody> merge(List<TicketBody> a, List<TicketBody> b, int limit) {
        List<TicketBody> out = new ArrayList<>(Math.min(limit, a.size() + b.size()));
        int i = 0;
        int j = 0;
        while (out.size() < limit && (i < a.size() || j < b.size())) {
            if (j >= b.size() || (i < a.size() && a.get(i).id().compareTo(b.get(j).id()) < 0)) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }
}
