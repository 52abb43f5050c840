package io.jamboree.stf.assurances;

import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.stf.disputes.Ed25519BatchVerifier;
import io.jamboree.stf.disputes.Ed25519Verifier;
import io.jamboree.stf.reports.Ed25519Signatures;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.AvailabilityAssignment;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Package availability assurances (GP §11.2): validates {@code E_A} (GP §11.2.1, eq:assurancesig), determines
 * the newly available reports {@code W} (eq:availableworkreports) and derives {@code ρ‡} from {@code ρ†} by
 * dropping available and timed-out reports (eq:reportspostguaranteesdef).
 * <p>
 * Pure: a failing transition returns an error and never touches its input.
 */
public final class Assurances {

    private Assurances() {}

    /** Whether the signatures of all assurances with a valid validator index pass one batch check. */
    private static boolean batchValid(AssurancesState s, AssurancesInput in, ChainParams p, List<AvailAssurance> as,
            Ed25519Verifier ed25519) {
        int n = 0;
        for (int i = 0; i < as.size(); i++) {
            if (as.get(i).validatorIndex() < p.validatorsCount()) n++;
        }
        byte[][] keys = new byte[n][], msgs = new byte[n][], sigs = new byte[n][];
        int k = 0;
        for (int i = 0; i < as.size(); i++) {
            AvailAssurance a = as.get(i);
            if (a.validatorIndex() >= p.validatorsCount()) continue;
            keys[k] = s.currValidators().get(a.validatorIndex()).ed25519().bytes();
            msgs[k] = Ed25519Signatures.message(Ed25519Signatures.AVAILABLE,
                    Blake2b256.hash(in.parent().bytes(), a.bitfield().bytes()));
            sigs[k++] = a.signature().bytes();
        }
        return Ed25519BatchVerifier.allValid(ed25519, keys, msgs, sigs);
    }

    /** The transition {@code (ρ†, κ, E_A) → (W, ρ‡)}, checking the assurers' signatures with {@code ed25519}. */
    public static AssurancesResult transition(AssurancesState s, AssurancesInput in, ChainParams p,
            Ed25519Verifier ed25519) {
        List<AvailAssurance> as = in.assurances().assurances();
        AvailabilityAssignments rho = s.availAssignments();
        int cores = p.coresCount();
        int[] counts = new int[cores];
        int prev = -1;
        // GP eq:assurancesig, checked as one batch first; on failure one by one below, in the usual order
        boolean batchValid = batchValid(s, in, p, as, ed25519);
        for (int i = 0; i < as.size(); i++) {
            AvailAssurance a = as.get(i);
            // GP §11.2.1: anchored on the parent
            if (!a.anchor().equals(in.parent())) {
                return err(AssurancesError.BAD_ATTESTATION_PARENT);
            }
            if (a.validatorIndex() >= p.validatorsCount()) {
                return err(AssurancesError.BAD_VALIDATOR_INDEX);
            }
            // GP §11.2.1: ordered by (unique) assurer index
            if (a.validatorIndex() <= prev) {
                return err(AssurancesError.NOT_SORTED_OR_UNIQUE_ASSURERS);
            }
            prev = a.validatorIndex();
            // GP eq:assurancesig: signature over X_A ⌢ H(E(H_p, f))
            byte[] msg = Blake2b256.hash(in.parent().bytes(), a.bitfield().bytes());
            if (!batchValid && !Ed25519Signatures.verify(ed25519, s.currValidators().get(a.validatorIndex()).ed25519(),
                    Ed25519Signatures.AVAILABLE, msg, a.signature())) {
                return err(AssurancesError.BAD_SIGNATURE);
            }
            // GP §11.2.1: bits only for engaged cores (a stale, timed-out report still counts as engaged)
            for (int c = 0; c < cores; c++) {
                if (a.isSet(c)) {
                    if (rho.get(c) == null) {
                        return err(AssurancesError.CORE_NOT_ENGAGED);
                    }
                    counts[c]++;
                }
            }
        }
        List<WorkReport> available = new ArrayList<>();
        List<AvailabilityAssignment> post = new ArrayList<>(rho.assignments());
        for (int c = 0; c < cores; c++) {
            AvailabilityAssignment pr = rho.get(c);
            if (pr == null) {
                continue;
            }
            // GP eq:availableworkreports: more than two-thirds of V
            if (counts[c] >= p.validatorsSuperMajority()) {
                available.add(pr.report());
                post.set(c, null);
            } else if (in.slot() >= pr.timeout() + p.assuranceTimeoutPeriod()) {
                // GP eq:reportspostguaranteesdef: timed out
                post.set(c, null);
            }
        }
        return new AssurancesResult.Ok(available,
                new AssurancesState(new AvailabilityAssignments(post), s.currValidators()));
    }

    private static AssurancesResult err(AssurancesError e) {
        return new AssurancesResult.Err(e);
    }
}
