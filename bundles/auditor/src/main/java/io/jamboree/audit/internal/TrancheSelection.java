package io.jamboree.audit.internal;

import io.jamboree.shuffle.Shuffle;
import io.jamboree.types.Hash;

/**
 * The selection of reports to audit (GP 0.7.2 §17.3).
 * <ul>
 *   <li>Tranche 0 (eq. after initialaudit): {@code p = F([(c, q_c) | c ← N_C], Y(s_0))}, and {@code a_0} the
 *       non-empty entries among the first {@value #TRANCHE_ZERO_CORES} of {@code p};</li>
 *   <li>later tranches (eq. latertranches): {@code w ∈ a_n} iff {@code V / (256 F) · Y(s_n(w))_0 < m_n}, with
 *       {@code m_n = |A_{n−1}(w) \ J_⊤(w)|} the no-shows of the tranche before and {@code F} the bias factor;
 *       decided in integers as {@code V · Y_0 < 256 · F · m_n}.</li>
 * </ul>
 */
final class TrancheSelection {
    /** The number of cores drawn in tranche 0. */
    static final int TRANCHE_ZERO_CORES = 10;

    private TrancheSelection() {}

    /**
     * {@code a_0}: the cores, in shuffled order, of the first ten entries of {@code p} whose report is present.
     *
     * @param q         {@code q}, one entry per core: the hash of the report that just became available, or null
     * @param vrfOutput {@code Y(s_0)}, 32 octets
     */
    static int[] trancheZero(Hash[] q, byte[] vrfOutput) {
        int cores = q.length;
        int[] identity = new int[cores];
        for (int c = 0; c < cores; c++) {
            identity[c] = c;
        }
        int[] p = Shuffle.shuffle(identity, vrfOutput);
        int take = Math.min(TRANCHE_ZERO_CORES, cores);
        int n = 0;
        int[] tmp = new int[take];
        for (int i = 0; i < take; i++) {
            if (q[p[i]] != null) {
                tmp[n++] = p[i];
            }
        }
        int[] out = new int[n];
        System.arraycopy(tmp, 0, out, 0, n);
        return out;
    }

    /**
     * Whether a report belongs to {@code a_n} (n &gt; 0) given the first octet of {@code Y(s_n(w))}.
     *
     * @param validators {@code V}
     * @param bias       {@code F} (GP: 2)
     * @param firstOctet {@code Y(s_n(w))_0}, 0..255
     * @param noShows    {@code m_n}
     */
    static boolean laterTranche(int validators, int bias, int firstOctet, int noShows) {
        return (long) validators * (firstOctet & 0xff) < 256L * bias * noShows;
    }
}
