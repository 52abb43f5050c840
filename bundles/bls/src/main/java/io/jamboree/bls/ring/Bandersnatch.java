package io.jamboree.bls.ring;

import io.jamboree.bls.Fr;
import java.math.BigInteger;

/**
 * Minimal Bandersnatch (twisted Edwards, a = -5, over BLS12-381 Fr) support needed for ring
 * commitments: arkworks compressed point decoding with on-curve and prime-subgroup checks
 * (bandersnatch-vrf spec section 2.1, point_to_string / string_to_point; [MSZ21]).
 * Extended coordinates, formulas add-2008-hwcd and dbl-2008-hwcd.
 */
final class Bandersnatch {
    private Bandersnatch() { }

    static final long[] A = Fr.montOf(BigInteger.valueOf(-5));
    /** d = 138827208126141220649022263972958607803 / 171449701953573178309673572579671231137 [MSZ21]. */
    static final long[] D = Fr.fromBigInteger(new BigInteger("138827208126141220649022263972958607803"))
            .mul(Fr.fromBigInteger(new BigInteger("171449701953573178309673572579671231137")).inverse()).montLimbs();
    /** Prime subgroup order. */
    static final BigInteger ORDER = new BigInteger("13108968793781547619861935127046491459309155893440570251786403306729687672801");
    private static final long[] ORDER_LIMBS = limbs(ORDER);

    private static long[] limbs(BigInteger v) {
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) r[i] = v.shiftRight(64 * i).longValue();
        return r;
    }

    /** Affine point (Montgomery limbs), or null. */
    record Affine(long[] x, long[] y) { }

    /**
     * Decodes a 32-byte arkworks compressed TE point: y little-endian with bit 255 set iff x is
     * the lexicographically larger root. Returns null if not canonical or not on the curve.
     *
     * <p>No prime-subgroup check: GP 0.7.2 App. G substitutes the padding point only when a key "has no
     * corresponding Bandersnatch point", and the conformance fuzzer's reference builds epoch roots with
     * on-curve keys outside the prime-order subgroup kept as they are (the all-zero offender key is not on
     * the curve and still becomes padding).
     */
    static Affine decode(byte[] in) {
        if (in.length != 32) return null;
        byte[] b = in.clone();
        boolean neg = (b[31] & 0x80) != 0;
        b[31] &= 0x7f;
        long[] y = new long[4];
        if (!Fr.fromBytesLE(b, 0, y)) return null;
        long[] y2 = new long[4], num = new long[4], den = new long[4], x = new long[4];
        Fr.square(y, y2);
        Fr.sub(Fr.ONE.montLimbs(), y2, num);   // 1 - y^2
        Fr.mul(D, y2, den);
        Fr.sub(A, den, den);                   // a - d y^2
        if (Fr.isZero(den)) return null;
        Fr.inverse(den, den);
        Fr.mul(num, den, num);
        if (!Fr.sqrt(num, x)) return null;
        if (Fr.isLexLargest(x) != neg) Fr.neg(x, x);
        if (neg && Fr.isZero(x)) return null;
        return new Affine(x, y);
    }

    /** True iff (x, y) (on the curve) times the subgroup order is the identity (4-bit fixed window). */
    static boolean inSubgroup(long[] x, long[] y) {
        long[][][] table = new long[16][][];
        long[][] tmp = new long[8][4];
        table[1] = toExtended(new Affine(x, y));
        for (int i = 2; i < 16; i++) {
            table[i] = copyPoint(table[i - 1]);
            add(table[i], table[1], tmp);
        }
        long[][] acc = {new long[4], Fr.ONE.montLimbs(), Fr.ONE.montLimbs(), new long[4]};
        for (int w = 63; w >= 0; w--) {
            if (w != 63) { dbl(acc, tmp); dbl(acc, tmp); dbl(acc, tmp); dbl(acc, tmp); }
            int digit = (int) ((ORDER_LIMBS[w >>> 4] >>> ((w & 15) * 4)) & 15);
            if (digit != 0) add(acc, table[digit], tmp);
        }
        // identity: X = 0, Y = Z
        return Fr.isZero(acc[0]) && Fr.equals(acc[1], acc[2]);
    }

    private static long[][] copyPoint(long[][] p) {
        return new long[][] {p[0].clone(), p[1].clone(), p[2].clone(), p[3].clone()};
    }

    /** out = a * v for a = -5, by additions. */
    private static void mulA(long[] v, long[] out) {
        long[] t = new long[4];
        Fr.add(v, v, t); Fr.add(t, t, t); Fr.add(t, v, t);
        Fr.neg(t, out);
    }

    /** p = 2p in extended coordinates (X, Y, Z, T). */
    static void dbl(long[][] p, long[][] t) {
        long[] a = t[0], b = t[1], c = t[2], d = t[3], e = t[4], g = t[5], f = t[6], h = t[7];
        Fr.square(p[0], a);
        Fr.square(p[1], b);
        Fr.square(p[2], c); Fr.add(c, c, c);
        mulA(a, d);
        Fr.add(p[0], p[1], e); Fr.square(e, e); Fr.sub(e, a, e); Fr.sub(e, b, e);
        Fr.add(d, b, g);
        Fr.sub(g, c, f);
        Fr.sub(d, b, h);
        Fr.mul(e, f, p[0]);
        Fr.mul(g, h, p[1]);
        Fr.mul(e, h, p[3]);
        Fr.mul(f, g, p[2]);
    }

    /** p += q in extended coordinates (unified). */
    static void add(long[][] p, long[][] q, long[][] t) {
        long[] a = t[0], b = t[1], c = t[2], d = t[3], e = t[4], f = t[5], g = t[6], h = t[7];
        Fr.mul(p[0], q[0], a);
        Fr.mul(p[1], q[1], b);
        Fr.mul(p[3], q[3], c); Fr.mul(c, D, c);
        Fr.mul(p[2], q[2], d);
        Fr.add(p[0], p[1], e); Fr.add(q[0], q[1], f); Fr.mul(e, f, e); Fr.sub(e, a, e); Fr.sub(e, b, e);
        Fr.sub(d, c, f);
        Fr.add(d, c, g);
        mulA(a, h); Fr.sub(b, h, h);
        Fr.mul(e, f, p[0]);
        Fr.mul(g, h, p[1]);
        Fr.mul(e, h, p[3]);
        Fr.mul(f, g, p[2]);
    }

    /** Affine from extended coordinates. */
    static Affine toAffine(long[][] p) {
        long[] zi = new long[4], x = new long[4], y = new long[4];
        Fr.inverse(p[2], zi);
        Fr.mul(p[0], zi, x);
        Fr.mul(p[1], zi, y);
        return new Affine(x, y);
    }

    /** Extended coordinates from affine. */
    static long[][] toExtended(Affine a) {
        long[][] p = {a.x().clone(), a.y().clone(), Fr.ONE.montLimbs(), new long[4]};
        Fr.mul(a.x(), a.y(), p[3]);
        return p;
    }

    /** True iff on the curve a x^2 + y^2 = 1 + d x^2 y^2. */
    static boolean onCurve(long[] x, long[] y) {
        long[] x2 = new long[4], y2 = new long[4], l = new long[4], r = new long[4];
        Fr.square(x, x2); Fr.square(y, y2);
        Fr.mul(A, x2, l); Fr.add(l, y2, l);
        Fr.mul(x2, y2, r); Fr.mul(r, D, r); Fr.add(r, Fr.ONE.montLimbs(), r);
        return Fr.equals(l, r);
    }
}
