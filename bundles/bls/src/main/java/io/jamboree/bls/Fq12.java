package io.jamboree.bls;

import java.math.BigInteger;

/** Immutable element c0 + c1*w of F_q12 = F_q6[w]/(w^2 - v) (BLS12-381 tower; w^6 = xi). */
public record Fq12(Fq6 c0, Fq6 c1) {
    public static final Fq12 ONE = new Fq12(Fq6.ONE, Fq6.ZERO);

    public Fq12 mul(Fq12 o) {
        Fq6 t0 = c0.mul(o.c0), t1 = c1.mul(o.c1);
        return new Fq12(t0.add(t1.mulByV()), c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1));
    }

    /** (a + bw)^2 = ((a + b)(a + vb) - ab - v ab) + 2ab w: two F_q6 products. */
    public Fq12 square() {
        Fq6 ab = c0.mul(c1);
        Fq6 t = c0.add(c1).mul(c0.add(c1.mulByV())).sub(ab).sub(ab.mulByV());
        return new Fq12(t, ab.add(ab));
    }

    /** Conjugation w to -w, i.e. the q^6-power Frobenius. */
    public Fq12 conjugate() { return new Fq12(c0, c1.neg()); }

    public Fq12 inverse() {
        Fq6 t = c0.square().sub(c1.square().mulByV()).inverse();
        return new Fq12(c0.mul(t), c1.neg().mul(t));
    }

    public Fq12 pow(BigInteger e) {
        Fq12 r = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            r = r.square();
            if (e.testBit(i)) r = r.mul(this);
        }
        return r;
    }

    public boolean isOne() { return equals(ONE); }

    /** gamma[k][i] = xi^(i (q^k - 1) / 6) for the q^k-power Frobenius, k = 1, 2. */
    private static final Fq2[][] GAMMA = new Fq2[3][6];
    static {
        BigInteger q = Fq.P;
        for (int k = 1; k <= 2; k++) {
            BigInteger e = q.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
            for (int i = 0; i < 6; i++) GAMMA[k][i] = Fq2.XI.pow(e.multiply(BigInteger.valueOf(i)));
        }
    }

    /** The q-power (k = 1) or q^2-power (k = 2) Frobenius: w^i maps to w^i * xi^(i (q^k - 1)/6). */
    public Fq12 frobenius(int k) {
        Fq2[] g = {c0.c0(), c1.c0(), c0.c1(), c1.c1(), c0.c2(), c1.c2()}; // coefficients of w^0..w^5
        for (int i = 0; i < 6; i++) {
            Fq2 x = k == 1 ? g[i].conjugate() : g[i];
            g[i] = i == 0 ? x : x.mul(GAMMA[k][i]);
        }
        return new Fq12(new Fq6(g[0], g[2], g[4]), new Fq6(g[1], g[3], g[5]));
    }
}
