package io.jamboree.crypto.internal;

/**
 * Fixed-base scalar multiplication on a twisted Edwards curve without doublings: for a base point
 * P the table holds {@code d * 16^j * P} for every radix-16 window {@code j < 64} and digit
 * {@code d = 1..8}, in affine "precomputed" form {@code (x, y, x + y, d_curve * x * y)}. A scalar
 * below 2^254 is recoded into 64 signed digits in [-8, 8) and {@code k * P} is the sum of at most 64
 * table points, each a mixed addition of 7 field multiplications (instead of the 253 doublings and
 * about 42 additions of a width-5 NAF). Used for the Bandersnatch generator G and, memoised, for
 * recurring public keys (GP §6.4: the block seal and entropy VRF of an author, Appendix G), so
 * {@code s*G - c*Y} of an IETF VRF verification needs no doubling at all. Immutable after construction.
 */
public final class FixedBaseTable {
    static final int WINDOWS = 64, DIGITS = 8;

    private final Edwards curve;
    /** Point (window j, digit d) at index 4 * (j * 8 + d - 1): x, y, x + y, d_curve * x * y. */
    private final long[][] pts;

    private FixedBaseTable(Edwards curve, long[][] pts) {
        this.curve = curve;
        this.pts = pts;
    }

    /** Builds the table of p (about 250 doublings, 450 additions and one batched inversion). */
    public static FixedBaseTable of(Edwards curve, EdPoint p) {
        MontField f = curve.f;
        long[][] s = Edwards.scratch();
        int n = WINDOWS * DIGITS;
        EdPoint[] proj = new EdPoint[n];
        EdPoint base = p.copy();
        for (int j = 0; j < WINDOWS; j++) {
            proj[j * DIGITS] = base.copy();
            for (int d = 1; d < DIGITS; d++) {
                EdPoint q = new EdPoint();
                curve.add(proj[j * DIGITS + d - 1], base, q, s);
                proj[j * DIGITS + d] = q;
            }
            if (j + 1 < WINDOWS) {
                EdPoint next = new EdPoint();
                curve.dbl(proj[j * DIGITS + DIGITS - 1], next, s);   // 16 * base = 2 * (8 * base)
                base = next;
            }
        }
        long[][] xs = new long[n][4], ys = new long[n][4];
        curve.toAffineBatch(proj, xs, ys);
        long[][] pts = new long[4 * n][];
        for (int i = 0; i < n; i++) {
            long[] xy = new long[4], dt = new long[4];
            f.add(xs[i], ys[i], xy);
            f.mul(xs[i], ys[i], dt);
            f.mul(dt, curve.d, dt);
            pts[4 * i] = xs[i];
            pts[4 * i + 1] = ys[i];
            pts[4 * i + 2] = xy;
            pts[4 * i + 3] = dt;
        }
        return new FixedBaseTable(curve, pts);
    }

    /** Signed radix-16 digits of canonical little-endian limbs k below 2^254 (no carry out of the top digit), 64 digits in [-8, 8). */
    static void recode(long[] k, byte[] digits) {
        int carry = 0;
        for (int i = 0; i < WINDOWS; i++) {
            int e = (int) ((k[i >>> 4] >>> ((i & 15) * 4)) & 15) + carry;
            carry = (e + 8) >>> 4;
            digits[i] = (byte) (e - (carry << 4));
        }
    }

    /** acc += k * P, k as canonical little-endian limbs below 2^254 (scalars mod the 253-bit group order are). */
    public void mulAdd(long[] k, EdPoint acc) {
        long[][] s = Edwards.scratch();
        byte[] dg = new byte[WINDOWS];
        recode(k, dg);
        long[] nx = new long[4], nxy = new long[4], ndt = new long[4];
        MontField f = curve.f;
        for (int j = 0; j < WINDOWS; j++) {
            int d = dg[j];
            if (d == 0) continue;
            int i = 4 * (j * DIGITS + Math.abs(d) - 1);
            long[] x = pts[i], y = pts[i + 1], xy = pts[i + 2], dt = pts[i + 3];
            if (d < 0) {
                f.neg(x, nx);
                f.sub(y, x, nxy);
                f.neg(dt, ndt);
                curve.addPrecomputed(acc, nx, y, nxy, ndt, s);
            } else {
                curve.addPrecomputed(acc, x, y, xy, dt, s);
            }
        }
    }

    /** k * P. */
    public EdPoint mul(long[] k) {
        EdPoint acc = curve.identity();
        mulAdd(k, acc);
        return acc;
    }
}
