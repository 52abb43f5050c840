package io.jamboree.audit.internal;

import io.jamboree.network.Grid;
import java.util.Arrays;

/**
 * The forwarding of a negative judgment on the grid (JAMNP-S CE 145, GP 0.7.2 §17.3): a node that receives a new
 * negative judgment on a report of an epoch it audits forwards it to the other auditors that are its neighbours in
 * the grid of that epoch's validator set (same row or column, {@code W = floor(sqrt(V))}), so that every auditor
 * sees it. The judgment's author and this node's own validators are not sent to.
 */
final class JudgmentForwarding {
    private JudgmentForwarding() {}

    /**
     * The validator indices to forward a judgment by {@code author} to, in ascending order.
     *
     * @param validators {@code V}
     * @param mine       the indices of this node's validators in the judgment's epoch
     * @param author     the index of the validator that signed the judgment
     */
    static int[] neighbours(int validators, int[] mine, int author) {
        Grid grid = new Grid(validators);
        boolean[] to = new boolean[validators];
        for (int m : mine) {
            for (int v = 0; v < validators; v++) {
                if (grid.neighbours(m, v)) {
                    to[v] = true;
                }
            }
        }
        if (author >= 0 && author < validators) {
            to[author] = false;
        }
        for (int m : mine) {
            to[m] = false;
        }
        int n = 0;
        int[] out = new int[validators];
        for (int v = 0; v < validators; v++) {
            if (to[v]) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
