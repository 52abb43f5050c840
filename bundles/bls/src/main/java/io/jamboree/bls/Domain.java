package io.jamboree.bls;

import java.math.BigInteger;

/**
 * A radix-2 evaluation domain of size N = 2^k in {@link Fr}, generator omega = 7^((r-1)/N)
 * (crypto-notes "Ring commitment, as reproduced"; ring-proof spec section 1.2). Provides the
 * iterative Cooley-Tukey FFT (coefficients to evaluations) and its inverse, operating in place on
 * arrays of Montgomery limb arrays.
 */
public final class Domain {
    private final int log;
    private final int n;
    private final Fr omega;
    private final long[][] twiddles;     // omega^i, i < n/2
    private final long[][] invTwiddles;  // omega^-i, i < n/2
    private final long[] nInv;

    /** Domain of size 2^log (log between 0 and 32). */
    public Domain(int log) {
        if (log < 0 || log > 32) throw new IllegalArgumentException("log");
        this.log = log;
        this.n = 1 << log;
        this.omega = Fr.rootOfUnity(log);
        Fr omegaInv = omega.inverse();
        int half = Math.max(1, n / 2);
        twiddles = powers(omega, half);
        invTwiddles = powers(omegaInv, half);
        nInv = Fr.of(n).inverse().montLimbs();
    }

    /** The smallest domain with at least m points. */
    public static Domain atLeast(int m) {
        int l = 0;
        while ((1 << l) < m) l++;
        return new Domain(l);
    }

    private static long[][] powers(Fr g, int count) {
        long[][] r = new long[count][];
        long[] acc = Fr.ONE.montLimbs();
        long[] gl = g.montLimbs();
        for (int i = 0; i < count; i++) {
            r[i] = acc.clone();
            Fr.mul(acc, gl, acc);
        }
        return r;
    }

    public int size() { return n; }
    public int log() { return log; }
    public Fr omega() { return omega; }

    /** omega^i. */
    public Fr element(int i) { return omega.pow(BigInteger.valueOf(Math.floorMod(i, n))); }

    /** In-place FFT: coefficients (length N) to evaluations at omega^0..omega^(N-1). */
    public void fft(long[][] a) { transform(a, twiddles); }

    /** In-place inverse FFT: evaluations to coefficients. */
    public void ifft(long[][] a) {
        transform(a, invTwiddles);
        for (long[] v : a) Fr.mul(v, nInv, v);
    }

    private void transform(long[][] a, long[][] tw) {
        if (a.length != n) throw new IllegalArgumentException("length must be " + n);
        // bit reversal
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { long[] t = a[i]; a[i] = a[j]; a[j] = t; }
        }
        long[] t = new long[4];
        for (int len = 2; len <= n; len <<= 1) {
            int halfLen = len >> 1;
            int step = n / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < halfLen; k++) {
                    long[] u = a[i + k], v = a[i + k + halfLen];
                    Fr.mul(v, tw[k * step], t);
                    Fr.sub(u, t, v);
                    Fr.add(u, t, u);
                }
            }
        }
    }
}
