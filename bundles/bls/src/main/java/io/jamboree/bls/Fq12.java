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

    /**
     * Squaring in the cyclotomic subgroup (the image of (q^6 - 1)(q^2 + 1) powering, i.e. after the easy part
     * of the final exponentiation), by Granger-Scott: F_q12 seen as F_q4^3 with F_q4 = F_q2[y]/(y^2 - xi),
     * y = w^3, and the pairs (w^0, w^3), (w^1, w^4), (w^2, w^5). Six F_q2 products instead of twelve.
     * Wrong for elements outside the subgroup.
     */
    public Fq12 cyclotomicSquare() {
        Fq2 z0 = c0.c0(), z4 = c0.c1(), z3 = c0.c2(), z2 = c1.c0(), z1 = c1.c1(), z5 = c1.c2();
        Fq2[] a = squareFq4(z0, z1), b = squareFq4(z2, z3), c = squareFq4(z4, z5);
        Fq2 n0 = triple(a[0]).sub(z0.dbl());
        Fq2 n1 = triple(a[1]).add(z1.dbl());
        Fq2 n2 = triple(c[1].mulByXi()).add(z2.dbl());
        Fq2 n3 = triple(c[0]).sub(z3.dbl());
        Fq2 n4 = triple(b[0]).sub(z4.dbl());
        Fq2 n5 = triple(b[1]).add(z5.dbl());
        return new Fq12(new Fq6(n0, n4, n3), new Fq6(n2, n1, n5));
    }

    /** (p0 + p1 y)^2 with y^2 = xi: {p0^2 + xi p1^2, 2 p0 p1}. */
    private static Fq2[] squareFq4(Fq2 p0, Fq2 p1) {
        Fq2 t = p0.mul(p1);
        Fq2 r0 = p0.add(p1).mul(p0.add(p1.mulByXi())).sub(t).sub(t.mulByXi());
        return new Fq2[] {r0, t.dbl()};
    }

    private static Fq2 triple(Fq2 x) { return x.dbl().add(x); }

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
