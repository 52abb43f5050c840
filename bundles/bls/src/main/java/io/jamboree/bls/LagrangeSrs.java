package io.jamboree.bls;

import java.util.concurrent.CompletableFuture;

/**
 * The Lagrange-basis SRS for a domain of size N: N * [L_i(tau)]G1 = sum_j omega^(-ij) [tau^j]G1,
 * i.e. an unscaled inverse FFT over the group applied to the monomial SRS (ring-proof spec 1.1
 * "Lagrange Basis Polynomials"; crypto-notes "cache the Lagrange-basis SRS"). The factor 1/N is
 * left to the caller's scalars. One-time cost: about (N/2) log N scalar multiplications, split
 * over two threads.
 */
public final class LagrangeSrs {
    private LagrangeSrs() { }

    /** Returns N * [L_i(tau)] for i < N, affine, from the first N monomial powers. */
    public static G1[] computeUnscaled(Domain dom, G1[] monomial) {
        int n = dom.size();
        if (monomial.length < n) throw new IllegalArgumentException("SRS too small");
        G1Jac[] a = new G1Jac[n];
        for (int i = 0; i < n; i++) a[i] = monomial[i].toJac();
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { G1Jac t = a[i]; a[i] = a[j]; a[j] = t; }
        }
        // canonical limbs of omega^-k, k < n/2
        Fr wInv = dom.omega().inverse();
        int half = Math.max(1, n / 2);
        long[][] tw = new long[half][4];
        long[] acc = Fr.ONE.montLimbs();
        for (int k = 0; k < half; k++) {
            Fr.fromMont(acc, tw[k]);
            Fr.mul(acc, wInv.montLimbs(), acc);
        }
        for (int len = 2; len <= n; len <<= 1) {
            final int l = len;
            int butterflies = n / 2;
            int mid = butterflies / 2;
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> stage(a, tw, n, l, mid, butterflies));
            stage(a, tw, n, l, 0, mid);
            other.join();
        }
        return G1.batchNormalize(a);
    }

    /** Butterflies number from..to-1 of the stage with block length len. */
    private static void stage(G1Jac[] a, long[][] tw, int n, int len, int from, int to) {
        int halfLen = len >> 1;
        int step = n / len;
        G1Jac t = new G1Jac();
        for (int b = from; b < to; b++) {
            int block = b / halfLen, k = b % halfLen;
            int i = block * len + k;
            G1Jac u = a[i], v = a[i + halfLen];
            t.set(v);
            if (k != 0) t.mulScalarWindowed(tw[k * step]);
            // v = u - t ; u = u + t
            v.set(u);
            t.neg();
            v.add(t);
            t.neg();
            u.add(t);
        }
    }
}
