package io.jamboree.grandpa.internal.core;

import io.jamboree.types.Ed25519Public;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A GRANDPA voter set with its id (spec/grandpa.md §3, §4.5).
 *
 * <p><b>Which validators vote</b> (open question of spec/grandpa.md §9): the voters of a set are the Ed25519 keys
 * {@code k_e} of κ, the <em>current</em> epoch's validators, in the posterior state of the set-change block (the
 * first block of the epoch). We chose this reading, not "the keys of the epoch marker in the change block", because
 * the draft also says voter sets equal validator sets, and the GP's epoch marker in epoch e's first block lists
 * γ′_P, the validators of epoch e+1 (GP §6.6): taking the marker would make next epoch's validators vote now. The
 * reading we take equals the marker of the <em>previous</em> change block, so both agree up to one epoch of lag.
 *
 * <p>Offenders' keys zeroed by Φ (GP §6.3) still count in V but can never sign. {@code f = floor((V-1)/3)},
 * {@code threshold = V - f}: 5 of 6, 683 of 1023.
 *
 * @param setId the set id (u32), 0 at genesis, one more per finalized set-change block
 * @param keys  the voters' Ed25519 keys in κ order
 */
public record VoterSet(long setId, List<Ed25519Public> keys) {
    public VoterSet {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a voter set has at least one voter");
        }
        if (setId < 0 || setId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a set id is a u32, got " + setId);
        }
    }

    /** V, the number of voters (zeroed keys included). */
    public int size() {
        return keys.size();
    }

    /** f = floor((V-1)/3), the most faulty voters the set tolerates. */
    public int faulty() {
        return (keys.size() - 1) / 3;
    }

    /** The supermajority V - f (more than 2/3 of V). */
    public int threshold() {
        return keys.size() - faulty();
    }

    /** Whether {@code key} votes in this set (a zeroed key never does: it cannot sign). */
    public boolean contains(Ed25519Public key) {
        return !isZero(key) && keys.contains(key);
    }

    /**
     * The primary of round {@code round}: {@code sorted[round mod V]} with the keys sorted by their octets (the draft
     * says "the list of validators sorted by key"; spec/grandpa.md §9 leaves the order open; the choice only matters
     * for primary proposals, which a well-running network seldom needs).
     */
    public Ed25519Public primary(long round) {
        List<Ed25519Public> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        return sorted.get((int) Long.remainderUnsigned(round, sorted.size()));
    }

    /** The voters' indices in κ order, for per-voter bookkeeping. */
    Map<Ed25519Public, Integer> indices() {
        Map<Ed25519Public, Integer> m = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!isZero(keys.get(i))) {
                m.putIfAbsent(keys.get(i), i);
            }
        }
        return m;
    }

    private static boolean isZero(Ed25519Public k) {
        for (int i = 0; i < Ed25519Public.SIZE; i++) {
            if (k.byteAt(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
