package io.jamboree.sync.internal;

import io.jamboree.network.Grid;
import io.jamboree.network.PeerId;
import io.jamboree.stf.state.ChainState;
import io.jamboree.types.ValidatorKeys;
import java.util.List;

/**
 * Who gets a UP 0 stream (JAMNP-S "UP 0: Block announcement"): two nodes when both are validators and neighbours in
 * the grid ("Grid structure": the same row or column of one epoch's set, or the same index in sets of different
 * epochs), or when at least one is not a validator. "Validator" means one of the previous ({@code λ}), current
 * ({@code κ}) or next ({@code γ_P}, the pending keys) epoch's sets (GP §6.3), taken from a state. An empty snapshot
 * (no state yet) lets every stream open.
 *
 * @param epoch the epoch of the state the sets come from (-1: none)
 * @param sets  the Ed25519 keys of the previous, current and next sets, in that order
 */
record GridNeighbours(long epoch, List<PeerId[]> sets) {
    static final GridNeighbours NONE = new GridNeighbours(-1, List.of());

    GridNeighbours {
        sets = List.copyOf(sets);
    }

    /** The sets of {@code s}: {@code λ}, {@code κ}, {@code γ_P}. */
    static GridNeighbours of(ChainState s, long epoch) {
        return new GridNeighbours(epoch, List.of(keys(s.lambda()), keys(s.kappa()), keys(s.gamma().pendingValidators())));
    }

    private static PeerId[] keys(ValidatorKeys v) {
        PeerId[] out = new PeerId[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = PeerId.of(v.get(i).ed25519());
        }
        return out;
    }

    /** Whether {@code a} and {@code b} should have a UP 0 stream. */
    boolean upStream(PeerId a, PeerId b) {
        if (sets.isEmpty()) {
            return true;
        }
        boolean aValidator = false;
        boolean bValidator = false;
        for (int e = 0; e < sets.size(); e++) {
            PeerId[] set = sets.get(e);
            int ia = indexOf(set, a);
            int ib = indexOf(set, b);
            aValidator |= ia >= 0;
            bValidator |= ib >= 0;
            if (ia >= 0 && ib >= 0 && new Grid(set.length).neighbours(ia, ib)) {
                return true;
            }
            if (ia >= 0) {
                for (int f = 0; f < sets.size(); f++) {
                    if (f != e && Grid.neighboursAcrossEpochs(ia, indexOf(sets.get(f), b))) {
                        return true;
                    }
                }
            }
        }
        return !(aValidator && bValidator);
    }

    private static int indexOf(PeerId[] set, PeerId id) {
        for (int i = 0; i < set.length; i++) {
            if (set[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
