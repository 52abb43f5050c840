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

    /** Sum of scalars[i] * bases[i] for the first n entries; scalars as canonical 4-limb arrays. */
    public static G1 g1Canonical(G1[] bases, long[][] k, int n) {
        if (n == 0) return G1.INFINITY;
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
}
