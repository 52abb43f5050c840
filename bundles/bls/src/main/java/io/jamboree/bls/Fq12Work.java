package io.jamboree.bls;

import java.math.BigInteger;

/**
 * Allocation-free F_q12 arithmetic for the pairing's hot loops (the Miller loop's squarings and line
 * products, the final exponentiation's cyclotomic squarings), on the same tower as {@link Fq12}:
 * F_q2 = F_q[u]/(u^2 + 1), F_q6 = F_q2[v]/(v^3 - xi), F_q12 = F_q6[w]/(w^2 - v), xi = 1 + u.
 *
 * <p>An element is a {@code long[12][6]} of Montgomery limbs: entries 2i, 2i+1 are the real and
 * imaginary parts of the F_q2 coefficient i in the order c0.c0, c0.c1, c0.c2, c1.c0, c1.c1, c1.c2.
 * An F_q6 is 6 consecutive entries from an offset, an F_q2 two. Every operation reads all of its
 * inputs before it writes its output, so outputs may alias inputs. An instance holds the scratch
 * space (one level per tower layer, so a layer never clobbers the one that called it); it is not
 * thread-safe: one per pairing computation.
 */
final class Fq12Work {
    // F_q2 layer scratch
    private final long[] t0 = new long[6], t1 = new long[6], t2 = new long[6], t3 = new long[6];
    // F_q6 layer scratch: 8 F_q2 slots
    private final long[][] s = new long[16][6];
    // F_q12 layer scratch: 5 F_q6 slots
    private final long[][] u = new long[30][6];
    // line scratch: 4 F_q2 slots
    private final long[][] ln = new long[8][6];

    /** A new zero element. */
    static long[][] newElement() { return new long[12][6]; }

    static void setOne(long[][] f) {
        for (long[] e : f) Fq.setZero(e);
        Fq.setOne(f[0]);
    }

    static void copy(long[][] a, long[][] o) { for (int i = 0; i < 12; i++) Fq.copy(a[i], o[i]); }

    static boolean isOne(long[][] f) {
        if (!Fq.equals(f[0], Fq.ONE_MONT)) return false;
        for (int i = 1; i < 12; i++) if (!Fq.isZero(f[i])) return false;
        return true;
    }

    static long[][] of(Fq12 x) {
        long[][] f = newElement();
        Fq6[] h = {x.c0(), x.c1()};
        for (int k = 0; k < 2; k++) {
            Fq2[] c = {h[k].c0(), h[k].c1(), h[k].c2()};
            for (int j = 0; j < 3; j++) {
                c[j].c0().copyTo(f[6 * k + 2 * j]);
                c[j].c1().copyTo(f[6 * k + 2 * j + 1]);
            }
        }
        return f;
    }

    static Fq12 toFq12(long[][] f) {
        Fq2[] c = new Fq2[6];
        for (int j = 0; j < 6; j++) c[j] = new Fq2(Fq.ofMontLimbs(f[2 * j]), Fq.ofMontLimbs(f[2 * j + 1]));
        return new Fq12(new Fq6(c[0], c[1], c[2]), new Fq6(c[3], c[4], c[5]));
    }

    // ------------------------------------------------------------------ F_q2

    private void mul2(long[][] a, int ai, long[][] b, int bi, long[][] o, int oi) {
        long[] a0 = a[ai], a1 = a[ai + 1], b0 = b[bi], b1 = b[bi + 1];
        Fq.mul(a0, b0, t0);
        Fq.mul(a1, b1, t1);
        Fq.add(a0, a1, t2);
        Fq.add(b0, b1, t3);
        Fq.mul(t2, t3, t2);
        Fq.sub(t0, t1, o[oi]);
        Fq.sub(t2, t0, t2);
        Fq.sub(t2, t1, o[oi + 1]);
    }

    private void sqr2(long[][] a, int ai, long[][] o, int oi) {
        long[] a0 = a[ai], a1 = a[ai + 1];
        Fq.add(a0, a1, t0);
        Fq.sub(a0, a1, t1);
        Fq.mul(a0, a1, t2);
        Fq.mul(t0, t1, o[oi]);
        Fq.add(t2, t2, o[oi + 1]);
    }

    /** Multiplication by xi = 1 + u: (a0 - a1) + (a0 + a1) u. */
    private void mulXi2(long[][] a, int ai, long[][] o, int oi) {
        Fq.sub(a[ai], a[ai + 1], t0);
        Fq.add(a[ai], a[ai + 1], o[oi + 1]);
        Fq.copy(t0, o[oi]);
    }

    private static void add2(long[][] a, int ai, long[][] b, int bi, long[][] o, int oi) {
        Fq.add(a[ai], b[bi], o[oi]);
        Fq.add(a[ai + 1], b[bi + 1], o[oi + 1]);
    }

    private static void sub2(long[][] a, int ai, long[][] b, int bi, long[][] o, int oi) {
        Fq.sub(a[ai], b[bi], o[oi]);
        Fq.sub(a[ai + 1], b[bi + 1], o[oi + 1]);
    }

    private static void copy2(long[][] a, int ai, long[][] o, int oi) {
        Fq.copy(a[ai], o[oi]);
        Fq.copy(a[ai + 1], o[oi + 1]);
    }

    /** o = 3a - 2b or 3a + 2b (F_q2), for the cyclotomic squaring. */
    private void tripleMinusTwice(long[][] a, int ai, long[][] b, int bi, boolean plus, long[][] o, int oi) {
        for (int k = 0; k < 2; k++) {
            Fq.add(a[ai + k], a[ai + k], t0);
            Fq.add(t0, a[ai + k], t0);
            Fq.add(b[bi + k], b[bi + k], t1);
            if (plus) Fq.add(t0, t1, o[oi + k]); else Fq.sub(t0, t1, o[oi + k]);
        }
    }

    // ------------------------------------------------------------------ F_q6

    private void mul6(long[][] a, int ai, long[][] b, int bi, long[][] o, int oi) {
        mul2(a, ai, b, bi, s, 0);              // t0
        mul2(a, ai + 2, b, bi + 2, s, 2);      // t1
        mul2(a, ai + 4, b, bi + 4, s, 4);      // t2
        add2(a, ai + 2, a, ai + 4, s, 6);
        add2(b, bi + 2, b, bi + 4, s, 8);
        mul2(s, 6, s, 8, s, 6);
        sub2(s, 6, s, 2, s, 6);
        sub2(s, 6, s, 4, s, 6);
        mulXi2(s, 6, s, 6);
        add2(s, 6, s, 0, s, 10);               // r0 = xi((a1+a2)(b1+b2) - t1 - t2) + t0
        add2(a, ai, a, ai + 2, s, 6);
        add2(b, bi, b, bi + 2, s, 8);
        mul2(s, 6, s, 8, s, 6);
        sub2(s, 6, s, 0, s, 6);
        sub2(s, 6, s, 2, s, 6);
        mulXi2(s, 4, s, 8);
        add2(s, 6, s, 8, s, 12);               // r1 = (a0+a1)(b0+b1) - t0 - t1 + xi t2
        add2(a, ai, a, ai + 4, s, 6);
        add2(b, bi, b, bi + 4, s, 8);
        mul2(s, 6, s, 8, s, 6);
        sub2(s, 6, s, 0, s, 6);
        sub2(s, 6, s, 4, s, 6);
        add2(s, 6, s, 2, o, oi + 4);           // r2 = (a0+a2)(b0+b2) - t0 - t2 + t1
        copy2(s, 10, o, oi);
        copy2(s, 12, o, oi + 2);
    }

    /** (c0, c1, c2) * (e0, e1, 0) with e0 = l[li], e1 = l[li + 2]. */
    private void mul6By01(long[][] c, int ci, long[][] l, int li, long[][] o, int oi) {
        mul2(c, ci, l, li, s, 0);              // a0 = c0 e0
        mul2(c, ci + 2, l, li + 2, s, 2);      // a1 = c1 e1
        mul2(c, ci + 4, l, li + 2, s, 4);
        mulXi2(s, 4, s, 4);
        add2(s, 4, s, 0, s, 10);               // r0 = xi c2 e1 + a0
        add2(c, ci, c, ci + 2, s, 6);
        add2(l, li, l, li + 2, s, 8);
        mul2(s, 6, s, 8, s, 6);
        sub2(s, 6, s, 0, s, 6);
        sub2(s, 6, s, 2, s, 12);               // r1 = (c0 + c1)(e0 + e1) - a0 - a1
        mul2(c, ci + 4, l, li, s, 6);
        add2(s, 6, s, 2, o, oi + 4);           // r2 = c2 e0 + a1
        copy2(s, 10, o, oi);
        copy2(s, 12, o, oi + 2);
    }

    /** Multiplication by v: (c0, c1, c2) to (xi c2, c0, c1). */
    private void mulV6(long[][] a, int ai, long[][] o, int oi) {
        mulXi2(a, ai + 4, s, 14);
        copy2(a, ai + 2, o, oi + 4);
        copy2(a, ai, o, oi + 2);
        copy2(s, 14, o, oi);
    }

    private static void add6(long[][] a, int ai, long[][] b, int bi, long[][] o, int oi) {
        for (int k = 0; k < 6; k++) Fq.add(a[ai + k], b[bi + k], o[oi + k]);
    }

    private static void sub6(long[][] a, int ai, long[][] b, int bi, long[][] o, int oi) {
        for (int k = 0; k < 6; k++) Fq.sub(a[ai + k], b[bi + k], o[oi + k]);
    }

    // ------------------------------------------------------------------ F_q12

    /** o = a * b. */
    void mul(long[][] a, long[][] b, long[][] o) {
        mul6(a, 0, b, 0, u, 0);                // t0 = a0 b0
        mul6(a, 6, b, 6, u, 6);                // t1 = a1 b1
        add6(a, 0, a, 6, u, 12);
        add6(b, 0, b, 6, u, 18);
        mul6(u, 12, u, 18, u, 12);
        sub6(u, 12, u, 0, u, 12);
        sub6(u, 12, u, 6, u, 12);              // (a0 + a1)(b0 + b1) - t0 - t1
        mulV6(u, 6, u, 6);
        add6(u, 0, u, 6, o, 0);                // t0 + v t1
        for (int k = 0; k < 6; k++) Fq.copy(u[12 + k], o[6 + k]);
    }

    /** o = a^2: (a + bw)^2 = ((a + b)(a + vb) - ab - v ab) + 2ab w. */
    void square(long[][] a, long[][] o) {
        mul6(a, 0, a, 6, u, 0);                // ab
        add6(a, 0, a, 6, u, 6);
        mulV6(a, 6, u, 12);
        add6(a, 0, u, 12, u, 12);
        mul6(u, 6, u, 12, u, 6);
        sub6(u, 6, u, 0, u, 6);
        mulV6(u, 0, u, 18);
        sub6(u, 6, u, 18, o, 0);
        add6(u, 0, u, 0, o, 6);
    }

    /**
     * f = f * (l0 + l2 w^2 + l3 w^3) for a Miller loop line, i.e. f * ((l0, l2, 0) + (0, l3, 0) w); the
     * line's F_q2 coefficients are {@code l[0..1]}, {@code l[2..3]}, {@code l[4..5]}.
     */
    void mulByLine(long[][] f, long[][] l) {
        mul6By01(f, 0, l, 0, u, 0);            // t0 = a (l0, l2, 0)
        // t1 = b * l3 v = (xi b2 l3, b0 l3, b1 l3)
        mul2(f, 10, l, 4, u, 6);
        mulXi2(u, 6, u, 6);
        mul2(f, 6, l, 4, u, 8);
        mul2(f, 8, l, 4, u, 10);
        add6(f, 0, f, 6, u, 12);               // a + b
        copy2(l, 0, ln, 0);
        add2(l, 2, l, 4, ln, 2);               // (l0, l2 + l3)
        mul6By01(u, 12, ln, 0, u, 12);
        sub6(u, 12, u, 0, u, 12);
        sub6(u, 12, u, 6, f, 6);
        mulV6(u, 6, u, 6);
        add6(u, 0, u, 6, f, 0);
    }

    /** Conjugation w to -w (the q^6-power Frobenius; the inverse in the cyclotomic subgroup). */
    static void conjugate(long[][] a, long[][] o) {
        for (int k = 0; k < 6; k++) Fq.copy(a[k], o[k]);
        for (int k = 6; k < 12; k++) Fq.neg(a[k], o[k]);
    }

    /** o = 1/a (through the immutable tower: once per final exponentiation). */
    static void inverse(long[][] a, long[][] o) { copy(of(toFq12(a).inverse()), o); }

    /** F_q2 index of the coefficient of w^i (i = 0..5) in the element layout. */
    private static final int[] W_SLOT = {0, 6, 2, 8, 4, 10};
    /** gamma[k][i] = xi^(i (q^k - 1)/6) as Montgomery limbs, re then im, for k = 1, 2. */
    private static final long[][][] GAMMA = new long[3][12][];
    static {
        BigInteger q = Fq.P;
        for (int k = 1; k <= 2; k++) {
            BigInteger e = q.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
            for (int i = 0; i < 6; i++) {
                Fq2 g = Fq2.XI.pow(e.multiply(BigInteger.valueOf(i)));
                GAMMA[k][2 * i] = g.c0().montLimbs();
                GAMMA[k][2 * i + 1] = g.c1().montLimbs();
            }
        }
    }

    /** o = a^(q^k), k = 1 or 2: w^i maps to w^i xi^(i (q^k - 1)/6), coefficients conjugated for k = 1. */
    void frobenius(long[][] a, int k, long[][] o) {
        for (int i = 0; i < 6; i++) {
            int at = W_SLOT[i];
            Fq.copy(a[at], ln[0]);
            if (k == 1) Fq.neg(a[at + 1], ln[1]); else Fq.copy(a[at + 1], ln[1]);
            if (i == 0) {
                copy2(ln, 0, o, at);
            } else {
                mul2(ln, 0, GAMMA[k], 2 * i, o, at);
            }
        }
    }

    /**
     * Granger-Scott squaring in the cyclotomic subgroup (as {@link Fq12#cyclotomicSquare}); wrong for
     * elements outside it. Coefficients z0..z5 at F_q2 slots 0, 8, 6, 4, 2, 10.
     */
    void cyclotomicSquare(long[][] a, long[][] o) {
        square4(a, 0, a, 8, u, 0);             // (z0, z1)
        square4(a, 6, a, 4, u, 4);             // (z2, z3)
        square4(a, 2, a, 10, u, 8);            // (z4, z5)
        tripleMinusTwice(u, 0, a, 0, false, o, 0);      // n0 = 3 A0 - 2 z0
        tripleMinusTwice(u, 2, a, 8, true, o, 8);       // n1 = 3 A1 + 2 z1
        mulXi2(u, 10, u, 10);
        tripleMinusTwice(u, 10, a, 6, true, o, 6);      // n2 = 3 xi C1 + 2 z2
        tripleMinusTwice(u, 8, a, 4, false, o, 4);      // n3 = 3 C0 - 2 z3
        tripleMinusTwice(u, 4, a, 2, false, o, 2);      // n4 = 3 B0 - 2 z4
        tripleMinusTwice(u, 6, a, 10, true, o, 10);     // n5 = 3 B1 + 2 z5
    }

    /** (p0 + p1 y)^2 with y^2 = xi, into o[oi..oi+3]: {p0^2 + xi p1^2, 2 p0 p1}. */
    private void square4(long[][] a, int p0, long[][] b, int p1, long[][] o, int oi) {
        mul2(a, p0, b, p1, s, 0);              // t = p0 p1
        mulXi2(b, p1, s, 2);
        add2(a, p0, s, 2, s, 2);
        add2(a, p0, b, p1, s, 4);
        mul2(s, 4, s, 2, s, 4);
        sub2(s, 4, s, 0, s, 4);
        mulXi2(s, 0, s, 6);
        sub2(s, 4, s, 6, o, oi);
        add2(s, 0, s, 0, o, oi + 2);
    }
}
