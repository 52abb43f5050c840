package io.jamboree.bls;

import java.math.BigInteger;

/**
 * Optimal ate pairing on BLS12-381 (parameter x = -0xd201000000010000): Miller loop with affine
 * steps on the M-type sextic twist, lines mapped into F_q12 via w^6 = xi and scaled by w^3
 * (a subfield factor removed by the final exponentiation), then the final exponentiation
 * (q^12 - 1)/r split as (q^6 - 1)(q^2 + 1) and the hard part (q^4 - q^2 + 1)/r.
 * Used for KZG opening checks (ring-proof spec section 4.2, PCS.Verify).
 */
public final class Pairing {
    private Pairing() { }

    private static final long X_ABS = 0xd201000000010000L;
    private static final BigInteger Q = Fq.P;
    private static final BigInteger Q2 = Q.multiply(Q);
    private static final BigInteger HARD = Q2.multiply(Q2).subtract(Q2).add(BigInteger.ONE).divide(Fr.P);

    /** e(P, Q). */
    public static Fq12 pair(G1 p, G2 q) { return finalExponentiation(millerLoop(p, q)); }

    /** True iff prod e(ps[i], qs[i]) == 1. */
    public static boolean productIsOne(G1[] ps, G2[] qs) {
        Fq12 f = Fq12.ONE;
        for (int i = 0; i < ps.length; i++) f = f.mul(millerLoop(ps[i], qs[i]));
        return finalExponentiation(f).isOne();
    }

    /**
     * The Miller loop value f_{|x|,Q}(P), conjugated for negative x. T runs in homogeneous
     * projective coordinates on the twist (no inversions); each line is scaled by a factor in
     * F_q2, which the final exponentiation removes.
     */
    public static Fq12 millerLoop(G1 p, G2 q) {
        if (p.isInfinity() || q.isInfinity()) return Fq12.ONE;
        Fq xp = p.x(), yp = p.y();
        Fq2 xq = q.x, yq = q.y;
        Fq2 tx = xq, ty = yq, tz = Fq2.ONE;
        Fq three = Fq.of(3);
        Fq12 f = Fq12.ONE;
        for (int i = 62 - Long.numberOfLeadingZeros(X_ABS); i >= 0; i--) {
            // doubling: N = 3X^2, D = 2YZ; line * 2YZ^2 = (3X^3 - 2Y^2 Z) - 3X^2 Z xP w^2 + 2Y Z^2 yP w^3
            Fq2 x2 = tx.square();
            Fq2 n = x2.mul(three);
            Fq2 d = ty.mul(tz).dbl();
            Fq2 l0 = n.mul(tx).sub(ty.square().mul(tz).dbl());
            Fq2 l2 = n.mul(tz).mul(xp).neg();
            Fq2 l3 = ty.mul(tz.square()).dbl().mul(yp);
            f = mulByLine(f.square(), l0, l2, l3);
            Fq2 d2 = d.square();
            Fq2 e = n.square().mul(tz).sub(tx.mul(d2).dbl());   // N^2 Z - 2 X D^2
            Fq2 nx = d.mul(e);
            Fq2 ny = n.mul(tx.mul(d2).mul(three).sub(n.square().mul(tz))).sub(ty.mul(d2.mul(d)));
            tz = d2.mul(d).mul(tz);
            tx = nx;
            ty = ny;
            if (((X_ABS >>> i) & 1) != 0) {
                // addition with affine Q: N = yq Z - Y, D = xq Z - X; line * D = (N xq - D yq) - N xP w^2 + D yP w^3
                Fq2 na = yq.mul(tz).sub(ty);
                Fq2 da = xq.mul(tz).sub(tx);
                f = mulByLine(f, na.mul(xq).sub(da.mul(yq)), na.mul(xp).neg(), da.mul(yp));
                Fq2 da2 = da.square();
                Fq2 ea = na.square().mul(tz).sub(da2.mul(tx.add(xq.mul(tz))));
                Fq2 ax = da.mul(ea);
                Fq2 az = da2.mul(da).mul(tz);
                ty = na.mul(xq.mul(da2).mul(tz).sub(ea)).sub(yq.mul(da2.mul(da)).mul(tz));
                tx = ax;
                tz = az;
            }
        }
        return f.conjugate();
    }

    /**
     * A G2 point with the line functions of its Miller loop precomputed (the point-independent parts:
     * per step, l0 and the factors that multiply xP and yP). For a fixed pairing argument, such as the
     * KZG verifier key's [1]G2 and [tau]G2. Immutable.
     */
    public static final class Prepared {
        /** Per step k, the F_q2 coefficients as Montgomery limbs: entries 2k (real) and 2k + 1 (imaginary). */
        private final long[][] l0;
        private final long[][] lx;
        private final long[][] ly;
        private final boolean infinity;

        private Prepared(Fq2[] l0, Fq2[] lx, Fq2[] ly, boolean infinity) {
            this.l0 = limbs(l0);
            this.lx = limbs(lx);
            this.ly = limbs(ly);
            this.infinity = infinity;
        }

        private static long[][] limbs(Fq2[] xs) {
            long[][] out = new long[2 * xs.length][];
            for (int k = 0; k < xs.length; k++) {
                out[2 * k] = xs[k].c0().montLimbs();
                out[2 * k + 1] = xs[k].c1().montLimbs();
            }
            return out;
        }
    }

    /** Precomputes the Miller loop lines of q (same formulas as {@link #millerLoop}). */
    public static Prepared prepare(G2 q) {
        if (q.isInfinity()) return new Prepared(new Fq2[0], new Fq2[0], new Fq2[0], true);
        int top = 62 - Long.numberOfLeadingZeros(X_ABS);
        int count = (top + 1) + Long.bitCount(X_ABS & ((1L << (top + 1)) - 1));
        Fq2[] l0 = new Fq2[count], lx = new Fq2[count], ly = new Fq2[count];
        Fq2 xq = q.x, yq = q.y;
        Fq2 tx = xq, ty = yq, tz = Fq2.ONE;
        Fq three = Fq.of(3);
        int k = 0;
        for (int i = top; i >= 0; i--) {
            Fq2 x2 = tx.square();
            Fq2 n = x2.mul(three);
            Fq2 d = ty.mul(tz).dbl();
            l0[k] = n.mul(tx).sub(ty.square().mul(tz).dbl());
            lx[k] = n.mul(tz).neg();
            ly[k] = ty.mul(tz.square()).dbl();
            k++;
            Fq2 d2 = d.square();
            Fq2 e = n.square().mul(tz).sub(tx.mul(d2).dbl());
            Fq2 nx = d.mul(e);
            Fq2 ny = n.mul(tx.mul(d2).mul(three).sub(n.square().mul(tz))).sub(ty.mul(d2.mul(d)));
            tz = d2.mul(d).mul(tz);
            tx = nx;
            ty = ny;
            if (((X_ABS >>> i) & 1) != 0) {
                Fq2 na = yq.mul(tz).sub(ty);
                Fq2 da = xq.mul(tz).sub(tx);
                l0[k] = na.mul(xq).sub(da.mul(yq));
                lx[k] = na.neg();
                ly[k] = da;
                k++;
                Fq2 da2 = da.square();
                Fq2 ea = na.square().mul(tz).sub(da2.mul(tx.add(xq.mul(tz))));
                Fq2 ax = da.mul(ea);
                Fq2 az = da2.mul(da).mul(tz);
                ty = na.mul(xq.mul(da2).mul(tz).sub(ea)).sub(yq.mul(da2.mul(da)).mul(tz));
                tx = ax;
                tz = az;
            }
        }
        return new Prepared(l0, lx, ly, false);
    }

    /**
     * The product of the Miller loops of (ps[i], qs[i]) with one shared accumulator (one squaring per
     * step for all pairs), conjugated for negative x.
     */
    public static Fq12 millerLoop(G1[] ps, Prepared[] qs) {
        return Fq12Work.toFq12(millerLoop(ps, qs, new Fq12Work()));
    }

    /** {@link #millerLoop(G1[], Prepared[])} on limbs, without allocation inside the loop. */
    static long[][] millerLoop(G1[] ps, Prepared[] qs, Fq12Work w) {
        if (ps.length != qs.length) throw new IllegalArgumentException("length mismatch");
        int m = 0;
        int[] use = new int[ps.length];
        for (int j = 0; j < ps.length; j++) if (!ps[j].isInfinity() && !qs[j].infinity) use[m++] = j;
        long[][] f = Fq12Work.newElement();
        Fq12Work.setOne(f);
        long[][] line = new long[6][];
        for (int j = 2; j < 6; j++) line[j] = new long[Fq.LIMBS];
        int k = 0;
        boolean first = true;
        for (int i = 62 - Long.numberOfLeadingZeros(X_ABS); i >= 0; i--) {
            if (!first) w.square(f, f);
            first = false;
            for (int j = 0; j < m; j++) {
                lineAt(qs[use[j]], k, ps[use[j]], line);
                w.mulByLine(f, line);
            }
            k++;
            if (((X_ABS >>> i) & 1) != 0) {
                for (int j = 0; j < m; j++) {
                    lineAt(qs[use[j]], k, ps[use[j]], line);
                    w.mulByLine(f, line);
                }
                k++;
            }
        }
        Fq12Work.conjugate(f, f);
        return f;
    }

    /** Step k's line of q evaluated at p: (l0, lx xP, ly yP). */
    private static void lineAt(Prepared q, int k, G1 p, long[][] line) {
        line[0] = q.l0[2 * k];
        line[1] = q.l0[2 * k + 1];
        Fq.mul(q.lx[2 * k], p.x, line[2]);
        Fq.mul(q.lx[2 * k + 1], p.x, line[3]);
        Fq.mul(q.ly[2 * k], p.y, line[4]);
        Fq.mul(q.ly[2 * k + 1], p.y, line[5]);
    }

    /** True iff prod e(ps[i], qs[i]) == 1, with prepared G2 arguments. */
    public static boolean productIsOne(G1[] ps, Prepared[] qs) {
        Fq12Work w = new Fq12Work();
        return Fq12Work.isOne(finalExponentiation(millerLoop(ps, qs, w), w));
    }

    /**
     * f^(3 (q^12 - 1)/r): easy part (q^6 - 1)(q^2 + 1) with conjugation and Frobenius, hard part
     * using 3 (q^4 - q^2 + 1)/r = (x - 1)^2 (x + q)(x^2 + q^2 - 1) + 3. The cube is still a
     * non-degenerate bilinear pairing; product checks against one are unaffected.
     */
    public static Fq12 finalExponentiation(Fq12 f) {
        return Fq12Work.toFq12(finalExponentiation(Fq12Work.of(f), new Fq12Work()));
    }

    /** {@link #finalExponentiation(Fq12)} on limbs (f is left unchanged). */
    static long[][] finalExponentiation(long[][] f, Fq12Work w) {
        long[][] t = Fq12Work.newElement(), f1 = Fq12Work.newElement(), m = Fq12Work.newElement();
        long[][] a = Fq12Work.newElement(), b = Fq12Work.newElement(), c = Fq12Work.newElement();
        Fq12Work.inverse(f, t);
        Fq12Work.conjugate(f, f1);
        w.mul(f1, t, f1);                       // f^(q^6 - 1)
        w.frobenius(f1, 2, m);
        w.mul(m, f1, m);                        // ^(q^2 + 1): now cyclotomic
        expX(m, a, w);
        Fq12Work.conjugate(m, t);
        w.mul(a, t, a);                         // m^(x - 1)
        expX(a, b, w);
        Fq12Work.conjugate(a, t);
        w.mul(b, t, a);                         // m^((x - 1)^2)
        expX(a, b, w);
        w.frobenius(a, 1, t);
        w.mul(b, t, b);                         // ^(x + q)
        expX(b, t, w);
        expX(t, c, w);
        w.frobenius(b, 2, t);
        w.mul(c, t, c);
        Fq12Work.conjugate(b, t);
        w.mul(c, t, c);                         // ^(x^2 + q^2 - 1)
        w.cyclotomicSquare(m, t);
        w.mul(t, m, t);
        w.mul(c, t, c);                         // times m^3
        return c;
    }

    /** out = in^x for cyclotomic in (x negative: conjugate of in^|x|); out must not alias in. */
    private static void expX(long[][] in, long[][] out, Fq12Work w) {
        Fq12Work.copy(in, out);
        for (int i = 62 - Long.numberOfLeadingZeros(X_ABS); i >= 0; i--) {
            w.cyclotomicSquare(out, out);
            if (((X_ABS >>> i) & 1) != 0) w.mul(out, in, out);
        }
        Fq12Work.conjugate(out, out);
    }

    /** f * (l0 + l2 w^2 + l3 w^3), i.e. f * ((l0, l2, 0) + (0, l3, 0) w) (the reference loop's immutable form). */
    private static Fq12 mulByLine(Fq12 f, Fq2 l0, Fq2 l2, Fq2 l3) {
        Fq6 a = f.c0(), b = f.c1();
        Fq6 t0 = mulBy01(a, l0, l2);
        Fq6 t1 = new Fq6(b.c2().mul(l3).mulByXi(), b.c0().mul(l3), b.c1().mul(l3)); // b * l3 v
        Fq6 sum = mulBy01(a.add(b), l0, l2.add(l3));
        return new Fq12(t0.add(t1.mulByV()), sum.sub(t0).sub(t1));
    }

    /** (c0, c1, c2) * (e0, e1, 0) in F_q6. */
    private static Fq6 mulBy01(Fq6 c, Fq2 e0, Fq2 e1) {
        Fq2 a0 = c.c0().mul(e0), a1 = c.c1().mul(e1);
        Fq2 r0 = c.c2().mul(e1).mulByXi().add(a0);
        Fq2 r1 = c.c0().add(c.c1()).mul(e0.add(e1)).sub(a0).sub(a1);
        Fq2 r2 = c.c2().mul(e0).add(a1);
        return new Fq6(r0, r1, r2);
    }

    /** Reference final exponentiation by plain powering, f^(3 (q^12 - 1)/r) (for tests). */
    static Fq12 finalExponentiationSlow(Fq12 f) {
        Fq12 f1 = f.conjugate().mul(f.inverse());
        Fq12 f2 = f1.pow(Q2).mul(f1);
        return f2.pow(HARD.multiply(BigInteger.valueOf(3)));
    }
}
