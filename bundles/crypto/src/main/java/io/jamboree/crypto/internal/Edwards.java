package io.jamboree.crypto.internal;

/**
 * Arithmetic on a twisted Edwards curve {@code a x^2 + y^2 = 1 + d x^2 y^2} in extended
 * coordinates: unified addition (add-2008-hwcd) and doubling (dbl-2008-hwcd), 4-bit fixed
 * window scalar multiplication and Straus double-scalar multiplication. Used for Ed25519
 * (GP §3.8.2, a = -1) and Bandersnatch (GP Appendix G, a = -5). Instances are immutable and
 * thread-safe; scratch space is allocated per scalar multiplication, not per field operation.
 */
public final class Edwards {
    private static final int A_GENERIC = 0, A_MINUS_ONE = 1, A_MINUS_FIVE = 2;

    final MontField f;
    final long[] a, d;
    private final int aKind;

    public Edwards(MontField f, long[] a, long[] d) {
        this.f = f;
        this.a = a.clone();
        this.d = d.clone();
        java.math.BigInteger av = f.big(a), p = f.modulus();
        if (av.equals(p.subtract(java.math.BigInteger.ONE))) aKind = A_MINUS_ONE;
        else if (av.equals(p.subtract(java.math.BigInteger.valueOf(5)))) aKind = A_MINUS_FIVE;
        else aKind = A_GENERIC;
    }

    public MontField field() { return f; }

    /** Scratch temporaries for one sequence of point operations. */
    static long[][] scratch() { return new long[9][4]; }

    public EdPoint identity() {
        EdPoint p = new EdPoint();
        f.setOne(p.y);
        f.setOne(p.z);
        return p;
    }

    /** The point (x, y), Montgomery limbs; no curve check. */
    public EdPoint fromAffine(long[] x, long[] y) {
        EdPoint p = new EdPoint();
        MontField.copy(x, p.x);
        MontField.copy(y, p.y);
        f.setOne(p.z);
        f.mul(x, y, p.t);
        return p;
    }

    /** True iff a x^2 + y^2 = 1 + d x^2 y^2. */
    public boolean onCurve(long[] x, long[] y) {
        long[] x2 = new long[4], y2 = new long[4], l = new long[4], r = new long[4];
        f.sqr(x, x2);
        f.sqr(y, y2);
        f.mul(a, x2, l);
        f.add(l, y2, l);
        f.mul(x2, y2, r);
        f.mul(d, r, r);
        f.add(r, f.one(), r);
        return MontField.eq(l, r);
    }

    /** Writes affine coordinates of p into x and y (Montgomery limbs). */
    public void toAffine(EdPoint p, long[] x, long[] y) {
        long[] zi = new long[4];
        f.inv(p.z, zi);
        f.mul(p.x, zi, x);
        f.mul(p.y, zi, y);
    }

    /** r = p + q; r may alias p or q. */
    void add(EdPoint p, EdPoint q, EdPoint r, long[][] s) {
        long[] A = s[0], B = s[1], C = s[2], D = s[3], E = s[4], F = s[5], G = s[6], H = s[7], u = s[8];
        f.mul(p.x, q.x, A);
        f.mul(p.y, q.y, B);
        f.mul(p.t, q.t, C);
        f.mul(C, d, C);
        f.mul(p.z, q.z, D);
        f.add(p.x, p.y, E);
        f.add(q.x, q.y, u);
        f.mul(E, u, E);
        f.sub(E, A, E);
        f.sub(E, B, E);
        f.sub(D, C, F);
        f.add(D, C, G);
        mulByA(A, H, u);
        f.sub(B, H, H);
        f.mul(E, F, r.x);
        f.mul(G, H, r.y);
        f.mul(E, H, r.t);
        f.mul(F, G, r.z);
    }

    /**
     * acc += Q for an affine Q given as x, y, x + y and d x y (mixed addition, add-2008-hwcd with
     * Z2 = 1 and T2 premultiplied by d: 7 multiplications).
     */
    void addPrecomputed(EdPoint acc, long[] x2, long[] y2, long[] xy2, long[] dt2, long[][] s) {
        long[] A = s[0], B = s[1], C = s[2], E = s[4], F = s[5], G = s[6], H = s[7], u = s[8];
        f.mul(acc.x, x2, A);
        f.mul(acc.y, y2, B);
        f.mul(acc.t, dt2, C);
        f.add(acc.x, acc.y, E);
        f.mul(E, xy2, E);
        f.sub(E, A, E);
        f.sub(E, B, E);
        f.sub(acc.z, C, F);
        f.add(acc.z, C, G);
        mulByA(A, H, u);
        f.sub(B, H, H);
        f.mul(E, F, acc.x);
        f.mul(G, H, acc.y);
        f.mul(E, H, acc.t);
        f.mul(F, G, acc.z);
    }

    /** out = a * v, using additions for the curve constants a = -1 and a = -5. */
    private void mulByA(long[] v, long[] out, long[] tmp) {
        switch (aKind) {
            case A_MINUS_ONE -> f.neg(v, out);
            case A_MINUS_FIVE -> {
                f.add(v, v, tmp);
                f.add(tmp, tmp, tmp);
                f.add(tmp, v, tmp);
                f.neg(tmp, out);
            }
            default -> f.mul(a, v, out);
        }
    }

    /** r = 2p; r may alias p. If {@code withT} is false, r.t is left stale (only a following doubling may use r). */
    void dbl(EdPoint p, EdPoint r, long[][] s, boolean withT) {
        long[] A = s[0], B = s[1], C = s[2], D = s[3], E = s[4], F = s[5], G = s[6], H = s[7];
        f.sqr(p.x, A);
        f.sqr(p.y, B);
        f.sqr(p.z, C);
        f.add(C, C, C);
        mulByA(A, D, s[8]);
        f.add(p.x, p.y, E);
        f.sqr(E, E);
        f.sub(E, A, E);
        f.sub(E, B, E);
        f.add(D, B, G);
        f.sub(G, C, F);
        f.sub(D, B, H);
        f.mul(E, F, r.x);
        f.mul(G, H, r.y);
        if (withT) f.mul(E, H, r.t);
        f.mul(F, G, r.z);
    }

    void dbl(EdPoint p, EdPoint r, long[][] s) { dbl(p, r, s, true); }

    public EdPoint add(EdPoint p, EdPoint q) {
        EdPoint r = new EdPoint();
        add(p, q, r, scratch());
        return r;
    }

    public EdPoint dbl(EdPoint p) {
        EdPoint r = new EdPoint();
        dbl(p, r, scratch());
        return r;
    }

    public EdPoint neg(EdPoint p) {
        EdPoint r = p.copy();
        f.neg(p.x, r.x);
        f.neg(p.t, r.t);
        return r;
    }

    public boolean isIdentity(EdPoint p) {
        return MontField.isZero(p.x) && MontField.eq(p.y, p.z);
    }

    /** Projective equality. */
    public boolean eq(EdPoint p, EdPoint q) {
        long[] l = new long[4], r = new long[4];
        f.mul(p.x, q.z, l);
        f.mul(q.x, p.z, r);
        if (!MontField.eq(l, r)) return false;
        f.mul(p.y, q.z, l);
        f.mul(q.y, p.z, r);
        return MontField.eq(l, r);
    }

    /** Width of the NAF used for variable-base multiplication. */
    static final int WNAF_WIDTH = 5;

    /** Odd multiples P, 3P, ..., 15P (for width-5 NAF digits). */
    public EdPoint[] oddMultiples(EdPoint p) {
        long[][] s = scratch();
        int n = 1 << (WNAF_WIDTH - 2);
        EdPoint[] t = new EdPoint[n];
        t[0] = p.copy();
        EdPoint p2 = new EdPoint();
        dbl(p, p2, s);
        for (int i = 1; i < n; i++) {
            t[i] = new EdPoint();
            add(t[i - 1], p2, t[i], s);
        }
        return t;
    }

    /**
     * Width-w NAF of a non-negative scalar given as little-endian 64-bit limbs (below 2^255):
     * digits[i] in {0, +-1, +-3, ..., +-(2^(w-1)-1)}; returns the number of digits.
     */
    static int wnaf(long[] scalar, int w, byte[] digits) {
        long k0 = scalar[0], k1 = scalar[1], k2 = scalar[2], k3 = scalar[3];
        int mask = (1 << w) - 1, half = 1 << (w - 1);
        int len = 0;
        while ((k0 | k1 | k2 | k3) != 0) {
            int d = 0;
            if ((k0 & 1) != 0) {
                d = (int) (k0 & mask);
                if (d >= half) d -= 1 << w;
                // k -= d
                long dd = d;
                long n0 = k0 - dd;
                if (dd > 0) {
                    long br = Long.compareUnsigned(k0, dd) < 0 ? 1 : 0;
                    k0 = n0;
                    long t = k1 - br; br = (k1 == 0 && br == 1) ? 1 : 0; k1 = t;
                    t = k2 - br; br = (k2 == 0 && br == 1) ? 1 : 0; k2 = t;
                    k3 -= br;
                } else {
                    long c = Long.compareUnsigned(n0, k0) < 0 ? 1 : 0;
                    k0 = n0;
                    long t = k1 + c; c = (c == 1 && t == 0) ? 1 : 0; k1 = t;
                    t = k2 + c; c = (c == 1 && t == 0) ? 1 : 0; k2 = t;
                    k3 += c;
                }
            }
            digits[len++] = (byte) d;
            k0 = (k0 >>> 1) | (k1 << 63);
            k1 = (k1 >>> 1) | (k2 << 63);
            k2 = (k2 >>> 1) | (k3 << 63);
            k3 = k3 >>> 1;
        }
        return len;
    }

    private void addDigit(EdPoint acc, EdPoint[] table, int d, EdPoint negTmp, long[][] s) {
        if (d > 0) {
            add(acc, table[d >>> 1], acc, s);
        } else if (d < 0) {
            EdPoint q = table[(-d) >>> 1];
            MontField.copy(q.y, negTmp.y);
            MontField.copy(q.z, negTmp.z);
            f.neg(q.x, negTmp.x);
            f.neg(q.t, negTmp.t);
            add(acc, negTmp, acc, s);
        }
    }

    /** k * p for k given as canonical little-endian limbs (4 x 64 bits, below 2^255). */
    public EdPoint mul(EdPoint p, long[] k) {
        return mul(oddMultiples(p), k);
    }

    /** k * P with a precomputed {@link #oddMultiples} table of P. */
    public EdPoint mul(EdPoint[] table, long[] k) {
        long[][] s = scratch();
        byte[] dg = new byte[260];
        int n = wnaf(k, WNAF_WIDTH, dg);
        EdPoint acc = identity(), tmp = new EdPoint();
        boolean started = false;
        for (int i = n - 1; i >= 0; i--) {
            if (started) dbl(acc, acc, s, dg[i] != 0 || i == 0);
            if (dg[i] != 0) started = true;
            addDigit(acc, table, dg[i], tmp, s);
        }
        return acc;
    }

    /** k1 * p + k2 * q (Straus with width-5 NAFs, shared doublings); scalars as canonical little-endian limbs. */
    public EdPoint mul2(EdPoint p, long[] k1, EdPoint q, long[] k2) {
        return mul2(oddMultiples(p), k1, oddMultiples(q), k2);
    }

    /** k1 * P + k2 * Q with precomputed {@link #oddMultiples} tables. */
    public EdPoint mul2(EdPoint[] tp, long[] k1, EdPoint[] tq, long[] k2) {
        long[][] s = scratch();
        byte[] d1 = new byte[260], d2 = new byte[260];
        int n1 = wnaf(k1, WNAF_WIDTH, d1), n2 = wnaf(k2, WNAF_WIDTH, d2);
        int n = Math.max(n1, n2);
        EdPoint acc = identity(), tmp = new EdPoint();
        boolean started = false;
        for (int i = n - 1; i >= 0; i--) {
            if (started) dbl(acc, acc, s, d1[i] != 0 || d2[i] != 0 || i == 0);
            if (d1[i] != 0 || d2[i] != 0) started = true;
            addDigit(acc, tp, d1[i], tmp, s);
            addDigit(acc, tq, d2[i], tmp, s);
        }
        return acc;
    }

    /**
     * The sum of {@code k[i] * P_i} over n points given by their {@link #oddMultiples} tables (Straus:
     * width-5 NAFs, one shared chain of doublings); scalars as canonical little-endian limbs below 2^255.
     */
    public EdPoint mulN(EdPoint[][] tables, long[][] k, int n) {
        long[][] s = scratch();
        byte[][] dg = new byte[n][];
        int len = 0;
        for (int j = 0; j < n; j++) {
            dg[j] = new byte[260];
            len = Math.max(len, wnaf(k[j], WNAF_WIDTH, dg[j]));
        }
        EdPoint acc = identity(), tmp = new EdPoint();
        boolean started = false;
        for (int i = len - 1; i >= 0; i--) {
            boolean any = false;
            for (int j = 0; j < n && !any; j++) any = dg[j][i] != 0;
            if (started) dbl(acc, acc, s, any || i == 0);
            if (any) started = true;
            for (int j = 0; j < n; j++) addDigit(acc, tables[j], dg[j][i], tmp, s);
        }
        return acc;
    }

    /** Compressed-encoding helper: affine coordinates of several points with one inversion. */
    public void toAffineBatch(EdPoint[] ps, long[][] xs, long[][] ys) {
        int n = ps.length;
        long[][] prefix = new long[n][4];
        long[] acc = f.one();
        for (int i = 0; i < n; i++) {
            MontField.copy(acc, prefix[i]);
            f.mul(acc, ps[i].z, acc);
        }
        long[] inv = new long[4], zi = new long[4];
        f.inv(acc, inv);
        for (int i = n - 1; i >= 0; i--) {
            f.mul(inv, prefix[i], zi);
            f.mul(inv, ps[i].z, inv);
            f.mul(ps[i].x, zi, xs[i]);
            f.mul(ps[i].y, zi, ys[i]);
        }
    }
}
