package io.jamboree.bls;

/**
 * Multi-scalar multiplication on G1 by Pippenger's bucket method (unsigned windows, Jacobian
 * buckets with mixed additions). Used for KZG commitments (ring-proof spec, PCS.Commit).
 */
public final class Msm {
    private Msm() { }

    /** Sum of scalars[i] * bases[i] (equal lengths). */
    public static G1 g1(G1[] bases, Fr[] scalars) {
        long[][] k = new long[scalars.length][4];
        for (int i = 0; i < scalars.length; i++) Fr.fromMont(scalars[i].montLimbs(), k[i]);
        return g1Canonical(bases, k, scalars.length);
    }

    /** Sum of scalars[i] * bases[i] for the first n entries; scalars in Montgomery limbs. */
    public static G1 g1Mont(G1[] bases, long[][] montScalars, int n) {
        long[][] k = new long[n][4];
        for (int i = 0; i < n; i++) Fr.fromMont(montScalars[i], k[i]);
        return g1Canonical(bases, k, n);
    }

    /** Inputs below this size use Straus' interleaved width-5 NAF instead of buckets. */
    static final int STRAUS_MAX = 32;
    /** NAF width of {@link #straus}: tables of 2^(w-2) odd multiples. */
    private static final int W = 5;

    /**
     * Straus' method with width-w NAFs (few points, e.g. a KZG verifier's 11): per point a table of the odd
     * multiples P, 3P, ..., (2^(w-1) - 1)P, normalized to affine with one shared inversion; then one run of
     * 256 doublings in which every nonzero digit costs a mixed addition (about 256/(w+1) per point) instead of
     * the bucket sums Pippenger pays per window.
     */
    static G1 straus(G1[] bases, long[][] k, int n) {
        int per = 1 << (W - 2);
        int[][] naf = new int[n][];
        int len = 0;
        int tabled = 0;
        int[] slot = new int[n];
        for (int i = 0; i < n; i++) {
            if (bases[i].inf) continue;
            naf[i] = wnaf(k[i]);
            if (naf[i].length == 0) continue;
            len = Math.max(len, naf[i].length);
            slot[i] = tabled++;
        }
        if (tabled == 0) return G1.INFINITY;
        G1Jac[] jac = new G1Jac[tabled * per];
        G1Jac twice = new G1Jac();
        for (int i = 0; i < n; i++) {
            if (naf[i] == null || naf[i].length == 0) continue;
            int at = slot[i] * per;
            G1Jac p = bases[i].toJac();
            jac[at] = p;
            twice.set(p);
            twice.dbl();
            for (int j = 1; j < per; j++) {
                G1Jac q = new G1Jac();
                q.set(jac[at + j - 1]);
                q.add(twice);
                jac[at + j] = q;
            }
        }
        G1[] table = G1.batchNormalize(jac);
        long[][] negY = new long[table.length][];
        for (int t = 0; t < table.length; t++) {
            negY[t] = new long[Fq.LIMBS];
            Fq.neg(table[t].y, negY[t]);
        }
        G1Jac acc = new G1Jac();
        acc.setInfinity();
        for (int b = len - 1; b >= 0; b--) {
            acc.dbl();
            for (int i = 0; i < n; i++) {
                int[] d = naf[i];
                if (d == null || b >= d.length) continue;
                int digit = d[b];
                if (digit == 0) continue;
                int t = slot[i] * per + ((digit > 0 ? digit : -digit) >>> 1);
                G1 p = table[t];
                if (p.inf) continue;
                acc.addAffine(p.x, digit > 0 ? p.y : negY[t]);
            }
        }
        return G1.fromJac(acc);
    }

    /** The width-{@link #W} NAF of a canonical little-endian scalar, least significant digit first (odd digits in ±[1, 2^(w-1))). */
    static int[] wnaf(long[] scalar) {
        long[] v = new long[5];
        System.arraycopy(scalar, 0, v, 0, Math.min(4, scalar.length));
        int[] out = new int[258];
        int len = 0, pos = 0;
        int full = 1 << W, half = 1 << (W - 1);
        while ((v[0] | v[1] | v[2] | v[3] | v[4]) != 0) {
            int d = 0;
            if ((v[0] & 1) != 0) {
                d = (int) (v[0] & (full - 1));
                if (d >= half) d -= full;
                // v -= d
                if (d > 0) {
                    long x = v[0];
                    v[0] = x - d;
                    if (Long.compareUnsigned(x, d) < 0) for (int j = 1; j < 5 && v[j]-- == 0; j++) { }
                } else {
                    long x = v[0];
                    v[0] = x - d;
                    if (Long.compareUnsigned(v[0], x) < 0) for (int j = 1; j < 5 && ++v[j] == 0; j++) { }
                }
                len = pos + 1;
            }
            out[pos++] = d;
            v[0] = (v[0] >>> 1) | (v[1] << 63);
            v[1] = (v[1] >>> 1) | (v[2] << 63);
            v[2] = (v[2] >>> 1) | (v[3] << 63);
            v[3] = (v[3] >>> 1) | (v[4] << 63);
            v[4] >>>= 1;
        }
        return java.util.Arrays.copyOf(out, len);
    }

    /** Inputs from this size on accumulate buckets in affine coordinates with batched inversions. */
    static final int BATCH_AFFINE_MIN = 256;
    /** For tests: the smallest size using batch-affine buckets (Integer.MAX_VALUE disables them). */
    static int batchAffineMin = BATCH_AFFINE_MIN;

    /** Sum of scalars[i] * bases[i] for the first n entries; scalars as canonical 4-limb arrays. */
    public static G1 g1Canonical(G1[] bases, long[][] k, int n) {
        if (n == 0) return G1.INFINITY;
        if (n < STRAUS_MAX) return straus(bases, k, n);
        int c = n < 32 ? 3 : (int) Math.max(4, Math.min(16, Math.round(Math.log(n) / Math.log(2) * 0.69 + 1)));
        int windows = (256 + c) / c; // one extra window absorbs the final signed-digit carry
        // signed digits in [-2^(c-1), 2^(c-1)]
        int[] digits = new int[n * windows];
        long mask = (1L << c) - 1;
        int half = 1 << (c - 1);
        for (int i = 0; i < n; i++) {
            long[] s = k[i];
            int carry = 0;
            for (int w = 0; w < windows; w++) {
                int bit = w * c;
                int limb = bit >>> 6, sh = bit & 63;
                long v = limb < 4 ? s[limb] >>> sh : 0;
                if (sh + c > 64 && limb + 1 < 4) v |= s[limb + 1] << (64 - sh);
                int d = (int) (v & mask) + carry;
                if (d > half) { d -= (1 << c); carry = 1; } else { carry = 0; }
                digits[i * windows + w] = d;
            }
        }
        if (n >= batchAffineMin) return batchAffine(bases, digits, n, c, windows);
        G1Jac[] buckets = new G1Jac[half];
        for (int b = 0; b < half; b++) buckets[b] = new G1Jac();
        G1Jac acc = new G1Jac();
        acc.setInfinity();
        G1Jac running = new G1Jac(), sum = new G1Jac();
        long[] negY = new long[Fq.LIMBS];
        for (int w = windows - 1; w >= 0; w--) {
            for (int d = 0; d < c; d++) acc.dbl();
            for (int b = 0; b < half; b++) buckets[b].setInfinity();
            for (int i = 0; i < n; i++) {
                G1 p = bases[i];
                if (p.inf) continue;
                int digit = digits[i * windows + w];
                if (digit > 0) {
                    buckets[digit - 1].addAffine(p.x, p.y);
                } else if (digit < 0) {
                    Fq.neg(p.y, negY);
                    buckets[-digit - 1].addAffine(p.x, negY);
                }
            }
            running.setInfinity();
            sum.setInfinity();
            for (int b = half - 1; b >= 0; b--) {
                running.add(buckets[b]);
                sum.add(running);
            }
            acc.add(sum);
        }
        return G1.fromJac(acc);
    }

    /**
     * Pippenger with affine buckets: per window, points are added into their buckets in rounds of
     * additions with distinct buckets, each round sharing one field inversion (Montgomery's trick), so
     * an addition costs about 6 multiplications instead of the 11 of a mixed Jacobian addition. A point
     * whose bucket is already taken in the current round waits for the next one. Doubling and P + (-P)
     * are handled when they occur. The bucket sums then run in Jacobian coordinates.
     */
    private static G1 batchAffine(G1[] bases, int[] digits, int n, int c, int windows) {
        int half = 1 << (c - 1);
        long[][] bx = new long[half][Fq.LIMBS], by = new long[half][Fq.LIMBS];
        boolean[] full = new boolean[half];
        int[] claimed = new int[half];
        int[] todo = new int[n], next = new int[n];
        // one round: at most `half` additions
        int[] addBucket = new int[half], addPoint = new int[half];
        boolean[] addNeg = new boolean[half];
        long[][] den = new long[half][Fq.LIMBS], pre = new long[half][Fq.LIMBS];
        long[] inv = new long[Fq.LIMBS], t = new long[Fq.LIMBS], lambda = new long[Fq.LIMBS];
        long[] x3 = new long[Fq.LIMBS], py = new long[Fq.LIMBS];
        int stamp = 0;
        G1Jac acc = new G1Jac();
        acc.setInfinity();
        G1Jac running = new G1Jac(), sum = new G1Jac();
        for (int w = windows - 1; w >= 0; w--) {
            for (int d = 0; d < c; d++) acc.dbl();
            java.util.Arrays.fill(full, false);
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (!bases[i].inf && digits[i * windows + w] != 0) todo[count++] = i;
            }
            while (count > 0) {
                stamp++;
                int adds = 0, deferred = 0;
                for (int j = 0; j < count; j++) {
                    int i = todo[j];
                    int digit = digits[i * windows + w];
                    int b = (digit > 0 ? digit : -digit) - 1;
                    if (claimed[b] == stamp) { next[deferred++] = i; continue; }
                    claimed[b] = stamp;
                    G1 p = bases[i];
                    if (!full[b]) {
                        Fq.copy(p.x, bx[b]);
                        if (digit > 0) Fq.copy(p.y, by[b]); else Fq.neg(p.y, by[b]);
                        full[b] = true;
                        continue;
                    }
                    addBucket[adds] = b;
                    addPoint[adds] = i;
                    addNeg[adds] = digit < 0;
                    adds++;
                }
                // denominators: x_p - x_b, or 2 y_b when doubling; 1 when the sum is the identity
                for (int a = 0; a < adds; a++) {
                    int b = addBucket[a];
                    G1 p = bases[addPoint[a]];
                    Fq.sub(p.x, bx[b], den[a]);
                    if (Fq.isZero(den[a])) {
                        if (addNeg[a]) Fq.neg(p.y, py); else Fq.copy(p.y, py);
                        if (Fq.equals(py, by[b]) && !Fq.isZero(py)) Fq.add(py, py, den[a]);
                        else Fq.setOne(den[a]);
                    }
                }
                // Montgomery's trick
                Fq.setOne(t);
                for (int a = 0; a < adds; a++) {
                    Fq.copy(t, pre[a]);
                    Fq.mul(t, den[a], t);
                }
                if (adds > 0) Fq.inverse(t, inv);
                for (int a = adds - 1; a >= 0; a--) {
                    Fq.mul(inv, pre[a], t);      // 1 / den[a]
                    Fq.mul(inv, den[a], inv);
                    Fq.copy(t, den[a]);
                }
                for (int a = 0; a < adds; a++) {
                    int b = addBucket[a];
                    G1 p = bases[addPoint[a]];
                    if (addNeg[a]) Fq.neg(p.y, py); else Fq.copy(p.y, py);
                    if (Fq.equals(p.x, bx[b])) {
                        if (!Fq.equals(py, by[b]) || Fq.isZero(py)) { full[b] = false; continue; }
                        // doubling: lambda = 3 x^2 / (2 y)
                        Fq.square(bx[b], lambda);
                        Fq.add(lambda, lambda, t);
                        Fq.add(lambda, t, lambda);
                        Fq.mul(lambda, den[a], lambda);
                    } else {
                        Fq.sub(py, by[b], lambda);
                        Fq.mul(lambda, den[a], lambda);
                    }
                    // x3 = lambda^2 - x_b - x_p; y3 = lambda (x_b - x3) - y_b
                    Fq.square(lambda, x3);
                    Fq.sub(x3, bx[b], x3);
                    Fq.sub(x3, p.x, x3);
                    Fq.sub(bx[b], x3, t);
                    Fq.mul(lambda, t, t);
                    Fq.sub(t, by[b], by[b]);
                    Fq.copy(x3, bx[b]);
                }
                int[] swap = todo;
                todo = next;
                next = swap;
                count = deferred;
            }
            running.setInfinity();
            sum.setInfinity();
            for (int b = half - 1; b >= 0; b--) {
                if (full[b]) running.addAffine(bx[b], by[b]);
                sum.add(running);
            }
            acc.add(sum);
        }
        return G1.fromJac(acc);
    }
}
