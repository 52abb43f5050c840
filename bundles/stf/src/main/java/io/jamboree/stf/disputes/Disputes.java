package io.jamboree.stf.disputes;

import io.jamboree.stf.SigningContexts;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.types.AvailabilityAssignment;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.Culprit;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Fault;
import io.jamboree.types.Hash;
import io.jamboree.types.Judgement;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorKeys;
import io.jamboree.types.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The disputes transition (ψ, ρ) → (ψ', ρ‡) with the offenders marker H_o (GP 0.7.2 §10).
 *
 * <ul>
 *   <li>eq. 10.2: verdict ages are the prior epoch index or one less; ⌊2V/3⌋+1 judgments each;</li>
 *   <li>eq. 10.3: judgment signatures over X_v ⌢ r by κ (age = τ/E) or λ (otherwise),
 *       X_⊤ = "jam_valid", X_⊥ = "jam_invalid";</li>
 *   <li>eq. 10.4–10.5: culprits (X_G = "jam_guarantee") must name a report in ψ_B', faults must dissent with the
 *       verdict (r ∈ ψ_B' ⇔ r ∉ ψ_G' ⇔ v); keys from λ ∪ κ, not already in ψ_O;</li>
 *   <li>eq. 10.6–10.8: verdicts, culprits and faults ordered and unique; no report judged twice;</li>
 *   <li>eq. 10.10–10.13: vote split 0, ⌊V/3⌋ or ⌊2V/3⌋+1; good needs a fault, bad two culprits;</li>
 *   <li>eq. 10.15: ρ‡ clears cores whose report is judged bad or wonky;</li>
 *   <li>eq. 10.16–10.19: ψ' unions; eq. 10.20: H_o = culprit keys ⌢ fault keys.</li>
 * </ul>
 * Spec labels: {@code eq:disputesspec}, {@code eq:verdicts}, {@code eq:removenonpositive}, {@code eq:goodsetdef},
 * {@code eq:badsetdef}, {@code eq:wonkysetdef}, {@code eq:offendersdef}.
 * The order in which violations are reported follows the vectors (the Graypaper does not define error codes).
 * Pure: the prior state is never modified; a failing transition returns only the error.
 */
public final class Disputes {

    private static final byte[] X_VALID = SigningContexts.bytes(SigningContexts.VALID);
    private static final byte[] X_INVALID = SigningContexts.bytes(SigningContexts.INVALID);
    private static final byte[] X_GUARANTEE = SigningContexts.bytes(SigningContexts.GUARANTEE);

    private final Ed25519Verifier verifier;
    private final int epochLength;
    private final ChainParams params;

    /**
     * @param verifier    the Ed25519 verifier (use jam-crypto's ZIP-215 verifier)
     * @param params      the chain constants (E, slots per epoch)
     */
    public Disputes(Ed25519Verifier verifier, ChainParams params) {
        this.verifier = verifier;
        this.epochLength = params.epochLength();
        this.params = params;
    }

    /** Runs the transition. */
    public DisputesResult apply(DisputesState pre, DisputesExtrinsic xt) {
        DisputesRecords psi = pre.psi();
        int v = params.validatorsCount();
        int superMajority = params.validatorsSuperMajority();
        int oneThird = v / 3;
        long epoch = pre.tau() / epochLength;

        // Verdicts (eq. 10.2, 10.3, 10.6, 10.8, 10.9, 10.10)
        List<Verdict> verdicts = xt.verdicts();
        int[] positives = new int[verdicts.size()];
        for (int n = 0; n < verdicts.size(); n++) {
            Verdict verdict = verdicts.get(n);
            if (n > 0 && verdicts.get(n - 1).target().compareTo(verdict.target()) >= 0) {
                return new DisputesResult.Err(DisputesError.VERDICTS_NOT_SORTED_UNIQUE);
            }
        }
        for (int n = 0; n < verdicts.size(); n++) {
            Verdict verdict = verdicts.get(n);
            Hash r = verdict.target();
            if (inSet(psi.good(), r) || inSet(psi.bad(), r) || inSet(psi.wonky(), r)) {
                return new DisputesResult.Err(DisputesError.ALREADY_JUDGED);
            }
            ValidatorKeys keys;
            if (verdict.age() == epoch) {
                keys = pre.kappa();
            } else if (epoch > 0 && verdict.age() == epoch - 1) {
                keys = pre.lambda();
            } else {
                return new DisputesResult.Err(DisputesError.BAD_JUDGEMENT_AGE);
            }
            if (verdict.votes().size() != superMajority) {
                // eq. 10.2 fixes ⌊2V/3⌋+1 judgments; the codec enforces it, this guards other sources
                return new DisputesResult.Err(DisputesError.BAD_VOTE_SPLIT);
            }
            int count = 0;
            int prevIndex = -1;
            for (Judgement j : verdict.votes()) {
                if (j.index() <= prevIndex) {
                    return new DisputesResult.Err(DisputesError.JUDGEMENTS_NOT_SORTED_UNIQUE);
                }
                prevIndex = j.index();
                if (j.index() >= keys.size()) {
                    return new DisputesResult.Err(DisputesError.BAD_VALIDATOR_INDEX);
                }
                if (j.vote()) {
                    count++;
                }
            }
            byte[] target = r.bytes();
            byte[] valid = concat(X_VALID, target);
            byte[] invalid = concat(X_INVALID, target);
            int nv = verdict.votes().size();
            byte[][] vk = new byte[nv][], vm = new byte[nv][], vs = new byte[nv][];
            for (int vi = 0; vi < nv; vi++) {
                Judgement j = verdict.votes().get(vi);
                vk[vi] = keys.get(j.index()).ed25519().bytes();
                vm[vi] = j.vote() ? valid : invalid;
                vs[vi] = j.signature().bytes();
            }
            // GP eq. 10.3: the judgments' signatures as one batch first, one by one only if it fails
            boolean batchValid = Ed25519BatchVerifier.allValid(verifier, vk, vm, vs);
            for (Judgement j : verdict.votes()) {
                byte[] msg = j.vote() ? valid : invalid;
                if (!batchValid && !verifier.verify(keys.get(j.index()).ed25519().bytes(), msg, j.signature().bytes())) {
                    return new DisputesResult.Err(DisputesError.BAD_SIGNATURE);
                }
            }
            if (count != 0 && count != oneThird && count != superMajority) {
                return new DisputesResult.Err(DisputesError.BAD_VOTE_SPLIT);
            }
            positives[n] = count;
        }

        // ψ_G', ψ_B', ψ_W' (eq. 10.16–10.18)
        List<Hash> good = new ArrayList<>();
        List<Hash> bad = new ArrayList<>();
        List<Hash> wonky = new ArrayList<>();
        for (int n = 0; n < verdicts.size(); n++) {
            Hash r = verdicts.get(n).target();
            if (positives[n] == superMajority) {
                good.add(r);
            } else if (positives[n] == 0) {
                bad.add(r);
            } else {
                wonky.add(r);
            }
        }

        // Culprits (eq. 10.4, 10.7)
        List<Culprit> culprits = xt.culprits();
        for (int n = 1; n < culprits.size(); n++) {
            if (culprits.get(n - 1).key().compareTo(culprits.get(n).key()) >= 0) {
                return new DisputesResult.Err(DisputesError.CULPRITS_NOT_SORTED_UNIQUE);
            }
        }
        List<Fault> faults = xt.faults();
        for (int n = 1; n < faults.size(); n++) {
            if (faults.get(n - 1).key().compareTo(faults.get(n).key()) >= 0) {
                return new DisputesResult.Err(DisputesError.FAULTS_NOT_SORTED_UNIQUE);
            }
        }
        for (Culprit c : culprits) {
            if (!inSet(psi.bad(), c.target()) && !bad.contains(c.target())) {
                return new DisputesResult.Err(DisputesError.CULPRITS_VERDICT_NOT_BAD);
            }
            if (inSet(psi.offenders(), c.key())) {
                return new DisputesResult.Err(DisputesError.OFFENDER_ALREADY_REPORTED);
            }
            if (!isValidatorKey(pre, c.key())) {
                return new DisputesResult.Err(DisputesError.BAD_GUARANTOR_KEY);
            }
            if (!verifier.verify(c.key().bytes(), concat(X_GUARANTEE, c.target().bytes()), c.signature().bytes())) {
                return new DisputesResult.Err(DisputesError.BAD_SIGNATURE);
            }
        }
        // Faults (eq. 10.5)
        for (Fault f : faults) {
            boolean isBad = inSet(psi.bad(), f.target()) || bad.contains(f.target());
            boolean isGood = inSet(psi.good(), f.target()) || good.contains(f.target());
            if (isBad == isGood || f.vote() != isBad) {
                return new DisputesResult.Err(DisputesError.FAULT_VERDICT_WRONG);
            }
            if (inSet(psi.offenders(), f.key())) {
                return new DisputesResult.Err(DisputesError.OFFENDER_ALREADY_REPORTED);
            }
            if (!isValidatorKey(pre, f.key())) {
                return new DisputesResult.Err(DisputesError.BAD_AUDITOR_KEY);
            }
            if (!verifier.verify(f.key().bytes(), concat(f.vote() ? X_VALID : X_INVALID, f.target().bytes()),
                    f.signature().bytes())) {
                return new DisputesResult.Err(DisputesError.BAD_SIGNATURE);
            }
        }
        // eq. 10.13–10.14: a good verdict needs a fault, a bad one two culprits
        for (int n = 0; n < verdicts.size(); n++) {
            Hash r = verdicts.get(n).target();
            if (positives[n] == superMajority) {
                boolean found = false;
                for (Fault f : faults) {
                    if (f.target().equals(r)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return new DisputesResult.Err(DisputesError.NOT_ENOUGH_FAULTS);
                }
            } else if (positives[n] == 0) {
                int k = 0;
                for (Culprit c : culprits) {
                    if (c.target().equals(r)) {
                        k++;
                    }
                }
                if (k < 2) {
                    return new DisputesResult.Err(DisputesError.NOT_ENOUGH_CULPRITS);
                }
            }
        }

        // ρ‡ (eq. 10.15)
        List<AvailabilityAssignment> rho = new ArrayList<>(pre.rho().assignments());
        boolean anyCleared = false;
        if (bad.size() + wonky.size() > 0) {
            for (int c = 0; c < rho.size(); c++) {
                AvailabilityAssignment a = rho.get(c);
                if (a == null) {
                    continue;
                }
                Encoder enc = new Encoder();
                a.report().encode(enc, params);
                Hash h = new Hash(Blake2b256.hash(enc.toByteArray()));
                if (bad.contains(h) || wonky.contains(h)) {
                    rho.set(c, null);
                    anyCleared = true;
                }
            }
        }
        AvailabilityAssignments rhoPost = anyCleared ? new AvailabilityAssignments(rho) : pre.rho();

        // ψ_O' (eq. 10.19) and H_o (eq. 10.20)
        List<Ed25519Public> mark = new ArrayList<>(culprits.size() + faults.size());
        for (Culprit c : culprits) {
            mark.add(c.key());
        }
        for (Fault f : faults) {
            mark.add(f.key());
        }
        List<Ed25519Public> newOffenders = new ArrayList<>(mark.size());
        for (Ed25519Public k : mark) {
            if (!inSet(psi.offenders(), k) && !newOffenders.contains(k)) {
                newOffenders.add(k);
            }
        }
        DisputesRecords post = new DisputesRecords(union(psi.good(), good), union(psi.bad(), bad),
                union(psi.wonky(), wonky), union(psi.offenders(), newOffenders));
        return new DisputesResult.Ok(mark, new DisputesState(post, rhoPost, pre.tau(), pre.kappa(), pre.lambda()));
    }

    private static boolean isValidatorKey(DisputesState s, Ed25519Public ed) {
        for (ValidatorKey k : s.kappa().keys()) {
            if (k.ed25519().equals(ed)) {
                return true;
            }
        }
        for (ValidatorKey k : s.lambda().keys()) {
            if (k.ed25519().equals(ed)) {
                return true;
            }
        }
        return false;
    }

    /** Membership in a set kept in ascending order (its canonical encoding, GP C.1.6): binary search. */
    private static <T extends Comparable<? super T>> boolean inSet(List<T> sorted, T x) {
        return Collections.binarySearch(sorted, x) >= 0;
    }

    /** The ascending union of a sorted prior set and a few new elements not in it. */
    private static <T extends Comparable<? super T>> List<T> union(List<T> prior, List<T> added) {
        if (added.isEmpty()) {
            return prior;
        }
        List<T> out = new ArrayList<>(prior.size() + added.size());
        out.addAll(prior);
        out.addAll(added);
        Collections.sort(out);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
