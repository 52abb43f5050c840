package io.jamboree.stf.reports;

import io.jamboree.core.ChainParams;
import io.jamboree.core.ChainParams;
import io.jamboree.shuffle.Shuffle;
import io.jamboree.types.Hash;
import io.jamboree.types.ValidatorKeys;

/**
 * Guarantor assignments {@code M} and {@code M*} (GP §11.3): the core of every validator
 * from the Fisher–Yates shuffle (GP Appendix F) of {@code [⌊C·i/V⌋ | i ← N_V]} under entropy {@code e},
 * rotated by {@code ⌊(t mod E)/R⌋}, together with the key set used to verify signatures.
 *
 * @param cores {@code c}, the core index of each validator
 * @param keys {@code k}, the validator keys the assignment uses
 */
public record GuarantorAssignment(int[] cores, ValidatorKeys keys) {

    /** {@code P(e, t)} (GP §11.3). */
    public static int[] permute(Hash entropy, long slot, ChainParams p) {
        int v = p.validatorsCount();
        int[] base = new int[v];
        for (int i = 0; i < v; i++) {
            base[i] = (int) ((long) p.coresCount() * i / v);
        }
        int[] shuffled = Shuffle.shuffle(base, entropy.bytes());
        int n = (int) ((slot % p.epochLength()) / p.rotationPeriod());
        for (int i = 0; i < v; i++) {
            shuffled[i] = (shuffled[i] + n) % p.coresCount();
        }
        return shuffled;
    }

    /** {@code M = (P(η'_2, τ'), Φ(κ'))} (GP §11.3). */
    public static GuarantorAssignment current(Hash eta2, ValidatorKeys active, long slot, ChainParams p) {
        return new GuarantorAssignment(permute(eta2, slot, p), active);
    }

    /**
     * {@code M*}, the assignment under the previous rotation (GP eq:priorassignments): it uses {@code (η'_2, κ')} when
     * {@code τ' − R} lies in the same epoch as {@code τ'}, otherwise {@code (η'_3, λ')}.
     */
    public static GuarantorAssignment previous(
            Hash eta2, Hash eta3, ValidatorKeys active, ValidatorKeys previous, long slot,
            ChainParams p) {
        long t = slot - p.rotationPeriod();
        boolean sameEpoch = Math.floorDiv(t, p.epochLength()) == slot / p.epochLength();
        // a negative τ' − R only occurs in the first rotation of the chain; treat it as slot 0's epoch
        long tt = Math.max(t, 0);
        return sameEpoch
                ? new GuarantorAssignment(permute(eta2, tt, p), active)
                : new GuarantorAssignment(permute(eta3, tt, p), previous);
    }
}
