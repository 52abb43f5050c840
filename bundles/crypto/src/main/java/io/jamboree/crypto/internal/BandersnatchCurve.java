package io.jamboree.crypto.internal;

import java.math.BigInteger;

/**
 * The Bandersnatch curve (GP Appendix G; Masson-Sanso-Zhang 2021) in twisted Edwards form
 * {@code -5 x^2 + y^2 = 1 + d x^2 y^2} over the BLS12-381 scalar field, its prime-order subgroup
 * (order {@link #R}, cofactor 4), the arkworks point encoding and the arkworks 0.5 Elligator2
 * hash-to-curve used by the VRF suite {@code Bandersnatch_SHA-512_ELL2}.
 */
public final class BandersnatchCurve {
    /** Base field modulus = BLS12-381 group order. */
    public static final BigInteger P = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
    /** Prime subgroup order. */
    public static final BigInteger R = new BigInteger("1cfb69d4ca675f520cce760202687600ff8f87007419047174fd06b52876e7e1", 16);

    public static final MontField FQ = new MontField(P);
    public static final MontField FR = new MontField(R);

    private static final long[] A = FQ.mont(BigInteger.valueOf(-5));
    private static final long[] D = FQ.mont(new BigInteger("45022363124591815672509500913686876175488063829319466900776701791074614335719"));
    public static final Edwards CURVE = new Edwards(FQ, A, D);

    /** Prime subgroup generator G (bandersnatch-vrf spec §2.1). */
    public static final EdPoint G = point(
            "18886178867200960497001835917649091219057080094937609519140440539760939937304",
            "19188667384257783945677642223292697773471335439753913231509108946878080696678");
    /** Pedersen blinding base B (bandersnatch-vrf spec §3.1). */
    public static final EdPoint BLINDING_BASE = point(
            "6150229251051246713677296363717454238956877613358614224171740096471278798312",
            "28442734166467795856797249030329035618871580593056783094884474814923353898473");

    /** Ring-proof padding point (bandersnatch-vrf spec §4.1; a constant, not hashed). */
    public static final EdPoint PADDING = point(
            "26287722405578650394504321825321286533153045350760430979437739593351290020913",
            "19058981610000167534379068105702216971787064146691007947119244515951752366738");
    /** Ring-proof accumulator seed S (outside the prime-order subgroup). */
    public static final EdPoint ACCUMULATOR_SEED = point(
            "37805570861274048643170021838972902516980894313648523898085159469000338764576",
            "14738305321141000190236674389841754997202271418876976886494444739226156422510");

    private static final long[] R_LIMBS = MontField.limbs(R);
    private static final EdPoint[] G_TABLE = CURVE.oddMultiples(G);
    private static final EdPoint[] B_TABLE = CURVE.oddMultiples(BLINDING_BASE);
    /**
     * Doubling-free fixed-base table of G (512 affine points), built on first use (when the JIT has warmed up the
     * field arithmetic) rather than at class initialisation, which a fresh process would run interpreted.
     */
    private static final class GFixed {
        static final FixedBaseTable TABLE = FixedBaseTable.of(CURVE, G);
    }

    // Elligator2 over the Montgomery model B v^2 = u^3 + A u^2 + u, A = 2(a+d)/(a-d), B = 4/(a-d).
    private static final long[] MONT_B;
    private static final long[] A_OVER_B;
    private static final long[] ONE_OVER_B2;
    private static final long[] Z = FQ.mont(BigInteger.valueOf(5));
    /** Z^q and Z^((q+1)/2) (q the odd part of p - 1): the second Elligator 2 candidate's root from the first's powers. */
    private static final long[][] Z_POWERS;
    /** A root u2 of u^2 + A u + 1 (rational: the full 2-torsion of the curve is rational). */
    private static final long[] MONT_U2;

    static {
        BigInteger a = BigInteger.valueOf(-5).mod(P);
        BigInteger d = FQ.big(D);
        BigInteger amd = a.subtract(d).mod(P).modInverse(P);
        BigInteger ma = BigInteger.TWO.multiply(a.add(d)).multiply(amd).mod(P);
        BigInteger mb = BigInteger.valueOf(4).multiply(amd).mod(P);
        MONT_B = FQ.mont(mb);
        A_OVER_B = FQ.mont(ma.multiply(mb.modInverse(P)));
        ONE_OVER_B2 = FQ.mont(mb.multiply(mb).modInverse(P));
        long[] disc = FQ.mont(ma.multiply(ma).subtract(BigInteger.valueOf(4))), root = new long[4];
        if (!FQ.sqrt(disc, root)) throw new IllegalStateException("2-torsion not rational");
        BigInteger u2 = FQ.big(root).subtract(ma).multiply(BigInteger.TWO.modInverse(P)).mod(P);
        MONT_U2 = FQ.mont(u2);
        if (FQ.legendre(Z) != -1) throw new IllegalStateException("Elligator 2: Z must be a non-square");
        Z_POWERS = FQ.nonSquarePowers(Z);
    }

    private BandersnatchCurve() {}

    private static EdPoint point(String x, String y) {
        long[] px = FQ.mont(new BigInteger(x)), py = FQ.mont(new BigInteger(y));
        if (!CURVE.onCurve(px, py)) throw new IllegalStateException("constant not on curve");
        return CURVE.fromAffine(px, py);
    }

    /** arkworks compressed encoding: y little-endian, top bit set iff x &gt; (p-1)/2. */
    public static byte[] encode(EdPoint p) {
        long[] x = new long[4], y = new long[4];
        CURVE.toAffine(p, x, y);
        return encodeAffine(x, y);
    }

    private static byte[] encodeAffine(long[] x, long[] y) {
        byte[] out = FQ.toBytesLE(y);
        if (FQ.isLexLargest(x)) out[31] |= (byte) 0x80;
        return out;
    }

    /** Encodes several points with a single field inversion. */
    public static byte[][] encodeAll(EdPoint... ps) {
        long[][] xs = new long[ps.length][4], ys = new long[ps.length][4];
        CURVE.toAffineBatch(ps, xs, ys);
        byte[][] out = new byte[ps.length][];
        for (int i = 0; i < ps.length; i++) out[i] = encodeAffine(xs[i], ys[i]);
        return out;
    }

    /** k * G, scalar in Montgomery form of {@link #FR}, with a precomputed table. */
    public static EdPoint mulG(long[] kMont) {
        long[] k = new long[4];
        FR.fromMont(kMont, k);
        return GFixed.TABLE.mul(k);
    }

    /** k1 * G + k2 * Q for Q in the prime-order subgroup, scalars in Montgomery form of {@link #FR} (GLV). */
    public static EdPoint mulGPlus(long[] k1Mont, EdPoint q, long[] k2Mont) {
        return mul2Subgroup(G, k1Mont, q, k2Mont);
    }

    /**
     * k1 * P + k2 * Q for P and Q in the prime-order subgroup (decoded with the subgroup check, or hashed to the
     * curve), scalars in Montgomery form of {@link #FR}: GLV with the curve's endomorphism, half the doublings.
     */
    public static EdPoint mul2Subgroup(EdPoint p, long[] k1Mont, EdPoint q, long[] k2Mont) {
        long[] k1 = new long[4], k2 = new long[4];
        FR.fromMont(k1Mont, k1);
        FR.fromMont(k2Mont, k2);
        return BandersnatchGlv.mul2(p, k1, q, k2);
    }

    /** k1 * G + k2 * B (Pedersen commitment), scalars in Montgomery form of {@link #FR}. */
    public static EdPoint mulGB(long[] k1Mont, long[] k2Mont) {
        long[] k1 = new long[4], k2 = new long[4];
        FR.fromMont(k1Mont, k1);
        FR.fromMont(k2Mont, k2);
        return CURVE.mul2(G_TABLE, k1, B_TABLE, k2);
    }

    /** Affine coordinates x || y, each 32 bytes little-endian canonical. */
    public static byte[] affineBytes(EdPoint p) {
        long[] x = new long[4], y = new long[4];
        CURVE.toAffine(p, x, y);
        byte[] out = new byte[64];
        FQ.toBytesLE(x, out, 0);
        FQ.toBytesLE(y, out, 32);
        return out;
    }

    /** The point of 64 affine bytes (x || y little-endian); null if non-canonical or not on the curve. */
    public static EdPoint fromAffineBytes(byte[] in) {
        if (in == null || in.length != 64) return null;
        long[] x = new long[4], y = new long[4];
        if (!FQ.fromBytesLE(in, 0, x) || !FQ.fromBytesLE(in, 32, y) || !CURVE.onCurve(x, y)) return null;
        return CURVE.fromAffine(x, y);
    }

    /** Decodes without the subgroup check; null if not a canonical encoding of a curve point. */
    public static EdPoint decodeUnchecked(byte[] in, int off) {
        long[] raw = MontField.rawLE(in, off);
        boolean negative = (raw[3] >>> 63) != 0;
        raw[3] &= Long.MAX_VALUE;
        if (!FQ.isCanonical(raw)) return null;
        long[] y = new long[4], y2 = new long[4], num = new long[4], den = new long[4], x = new long[4];
        FQ.toMont(raw, y);
        FQ.sqr(y, y2);
        FQ.sub(FQ.one(), y2, num);
        FQ.mul(D, y2, den);
        FQ.sub(A, den, den);
        if (MontField.isZero(den)) return null;
        FQ.inv(den, den);
        FQ.mul(num, den, num);
        if (!FQ.sqrt(num, x)) return null;
        if (MontField.isZero(x) && negative) return null;   // non-canonical: -0 == 0
        if (FQ.isLexLargest(x) != negative) FQ.neg(x, x);
        return CURVE.fromAffine(x, y);
    }

    /** Decodes a point of the prime-order subgroup; null if invalid or outside the subgroup. */
    public static EdPoint decode(byte[] in, int off) {
        EdPoint p = decodeUnchecked(in, off);
        if (p == null || !inSubgroupAffine(p.y)) return null;
        return p;
    }

    /**
     * Prime-order subgroup membership of an affine curve point with y-coordinate y (Montgomery
     * limbs), by two Legendre symbols instead of a multiplication by r. The curve group is
     * Z/2 x Z/2 x Z/r (all 2-torsion is rational), so the subgroup is exactly 2E(F). On the
     * Weierstrass model Y^2 = (X - e1)(X - e2)(X - e3) a point is in 2E(F) iff every X - e_i is a
     * square. With the Montgomery model B v^2 = u^3 + A u^2 + u, X = B u, e1 = 0,
     * e_{2,3} = B u_{2,3} and u = (1 + y) / (1 - y); the denominators are squared away, and the
     * third condition follows from the other two (their product is Y^2).
     */
    public static boolean inSubgroupAffine(long[] y) {
        MontField f = FQ;
        long[] one = f.one();
        long[] onePlusY = new long[4], oneMinusY = new long[4], t = new long[4], w = new long[4];
        f.sub(one, y, oneMinusY);
        if (MontField.isZero(oneMinusY)) return true;             // (0, 1): the identity
        f.add(one, y, onePlusY);
        if (MontField.isZero(onePlusY)) return false;             // (0, -1): order 2
        // B u ~ B (1 + y)(1 - y)
        f.mul(onePlusY, oneMinusY, t);
        f.mul(t, MONT_B, t);
        if (f.legendre(t) != 1) return false;
        // B (u - u2) ~ B ((1 + y) - u2 (1 - y)) (1 - y)
        f.mul(MONT_U2, oneMinusY, w);
        f.sub(onePlusY, w, w);
        f.mul(w, oneMinusY, w);
        f.mul(w, MONT_B, w);
        return f.legendre(w) == 1;
    }

    /** A decoded public key and, once it has recurred, its fixed-base table. */
    private static final class KeyEntry {
        final EdPoint point;
        int uses;
        volatile FixedBaseTable table;

        KeyEntry(EdPoint point) { this.point = point; }
    }

    private static final java.util.concurrent.ConcurrentHashMap<java.nio.ByteBuffer, KeyEntry> KEY_CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KEY_CACHE_MAX = 4096;
    /** Fixed-base tables are about 100 KiB each: at most this many keys get one. */
    private static final int KEY_TABLES_MAX = 64;
    /**
     * A key gets its table at this use (about 2.5 verifications' worth of work): an author's seal and entropy
     * VRF of one block make two uses, so a key that authored four blocks.
     */
    private static final int KEY_TABLE_AFTER_USES = 8;
    private static final java.util.concurrent.atomic.AtomicInteger KEY_TABLES = new java.util.concurrent.atomic.AtomicInteger();

    private static KeyEntry keyEntry(byte[] enc) {
        java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(enc.clone());
        KeyEntry e = KEY_CACHE.get(key);
        if (e == null) {
            EdPoint p = decode(enc, 0);
            if (p == null) return null;
            if (KEY_CACHE.size() >= KEY_CACHE_MAX) {
                KEY_CACHE.clear();
                KEY_TABLES.set(0);
            }
            e = new KeyEntry(p);
            KEY_CACHE.put(key, e);
        }
        return e;
    }

    /**
     * {@link #decode} for public keys, memoised: validator keys recur in every block, and
     * decompression plus the subgroup check dominate verification. Returns a fresh copy.
     */
    public static EdPoint decodePublicKey(byte[] enc) {
        KeyEntry e = keyEntry(enc);
        return e == null ? null : e.point.copy();
    }

    /**
     * k1 * G + k2 * Y for the public key Y of encoding {@code enc} (scalars in Montgomery form of
     * {@link #FR}); null if enc is not a valid key. A recurring key gets a fixed-base table, after
     * which the result needs no doubling (the {@code s*G - c*Y} of GP §6.4's seal verification).
     */
    public static EdPoint mulGPlusKey(long[] k1Mont, byte[] enc, long[] k2Mont) {
        KeyEntry e = keyEntry(enc);
        if (e == null) return null;
        FixedBaseTable t = e.table;
        if (t == null && ++e.uses >= KEY_TABLE_AFTER_USES && KEY_TABLES.incrementAndGet() <= KEY_TABLES_MAX) {
            t = FixedBaseTable.of(CURVE, e.point);
            e.table = t;
        }
        if (t == null) return mulGPlus(k1Mont, e.point, k2Mont);
        long[] k1 = new long[4], k2 = new long[4];
        FR.fromMont(k1Mont, k1);
        FR.fromMont(k2Mont, k2);
        EdPoint acc = GFixed.TABLE.mul(k1);
        t.mulAdd(k2, acc);
        return acc;
    }

    /** Subgroup membership by definition, r * P = O (slow; for tests and non-affine points). */
    public static boolean inSubgroup(EdPoint p) {
        return CURVE.isIdentity(CURVE.mul(p, R_LIMBS));
    }

    /** k * P for a scalar in Montgomery form of {@link #FR}. */
    public static EdPoint mul(EdPoint p, long[] kMont) {
        long[] k = new long[4];
        FR.fromMont(kMont, k);
        return CURVE.mul(p, k);
    }

    /** k1 * P + k2 * Q, scalars in Montgomery form of {@link #FR}. */
    public static EdPoint mul2(EdPoint p, long[] k1Mont, EdPoint q, long[] k2Mont) {
        long[] k1 = new long[4], k2 = new long[4];
        FR.fromMont(k1Mont, k1);
        FR.fromMont(k2Mont, k2);
        return CURVE.mul2(p, k1, q, k2);
    }

    /**
     * Hash-to-curve {@code Bandersnatch_XMD:SHA-512_ELL2_RO_} as in arkworks 0.5 (RFC 9380 §3 with
     * the 48-byte Z_pad quirk): two field elements of 48 big-endian bytes each, Elligator2 to the
     * Montgomery model, rational map to Edwards, sum, multiplication by the cofactor 4.
     */
    public static EdPoint hashToCurve(byte[] msg, byte[] dst) {
        byte[] u = ExpandMessageXmd.expand(msg, dst, 96, 48);
        long[][] pts = elligator2Pair(FQ.fromBytesBEModOrder(u, 0, 48), FQ.fromBytesBEModOrder(u, 48, 48));
        EdPoint p0 = pts[1] == null ? CURVE.identity() : CURVE.fromAffine(pts[0], pts[1]);
        EdPoint p1 = pts[3] == null ? CURVE.identity() : CURVE.fromAffine(pts[2], pts[3]);
        EdPoint s = CURVE.add(p0, p1);
        return CURVE.dbl(CURVE.dbl(s));
    }

    /** Inverts a and b with one field inversion (both must be nonzero). */
    private static void invert2(long[] a, long[] b) {
        long[] ab = new long[4], inv = new long[4];
        FQ.mul(a, b, ab);
        FQ.inv(ab, inv);
        long[] ai = new long[4];
        FQ.mul(inv, b, ai);
        FQ.mul(inv, a, b);
        MontField.copy(ai, a);
    }

    /**
     * Elligator2 map (RFC 9380 §6.7.1 with the arkworks 0.5 sign convention: the root for x1 has
     * odd parity, for x2 even) of two field elements to Edwards affine points, sharing inversions.
     * Returns {x0, y0, x1, y1}; y is null where the map hits the exceptional case (identity).
     */
    static long[][] elligator2Pair(long[] u0, long[] u1) {
        MontField f = FQ;
        long[] one = f.one();
        long[][] us = {u0, u1};
        long[][] den = new long[2][4];
        boolean[] exceptional = new boolean[2];
        for (int k = 0; k < 2; k++) {
            f.sqr(us[k], den[k]);
            f.mul(Z, den[k], den[k]);
            f.add(one, den[k], den[k]);
            if (MontField.isZero(den[k])) {
                f.setOne(den[k]);
                exceptional[k] = true;
            }
        }
        invert2(den[0], den[1]);
        long[][] s = new long[2][4], t = new long[2][4], tv1 = new long[2][4], tv2 = new long[2][4];
        for (int k = 0; k < 2; k++) {
            long[] x1 = new long[4];
            f.mul(A_OVER_B, den[k], x1);
            f.neg(x1, x1);
            long[] x, y = new long[4];
            boolean sgn0;
            long[] gx1 = g(x1);
            if (!exceptional[k] && !MontField.isZero(gx1)) {
                // x2 = Z u^2 x1 and g(x2) = Z u^2 g(x1): if g(x1) is no square, y2 = u sqrt(Z g(x1))
                if (f.sqrtOrTimesNonSquare(gx1, Z_POWERS[0], Z_POWERS[1], y)) {
                    x = x1;
                    sgn0 = true;
                } else {
                    x = new long[4];
                    f.neg(x1, x);
                    f.sub(x, A_OVER_B, x);
                    f.mul(y, us[k], y);
                    sgn0 = false;
                }
            } else if (!MontField.isZero(gx1) && f.sqrt(gx1, y)) {
                x = x1;
                sgn0 = true;
            } else {
                x = new long[4];
                f.neg(x1, x);
                f.sub(x, A_OVER_B, x);
                if (!f.sqrt(g(x), y)) throw new IllegalStateException("Elligator2: neither candidate is a square");
                sgn0 = false;
            }
            if (f.isOdd(y) != sgn0) f.neg(y, y);
            f.mul(x, MONT_B, s[k]);
            f.mul(y, MONT_B, t[k]);
            // Montgomery (s, t) -> Edwards (s / t, (s - 1) / (s + 1)) = (s (s+1), t (s-1)) / (t (s+1))
            f.add(s[k], one, tv1[k]);
            f.mul(tv1[k], t[k], tv2[k]);
        }
        boolean z0 = MontField.isZero(tv2[0]), z1 = MontField.isZero(tv2[1]);
        if (!z0 && !z1) invert2(tv2[0], tv2[1]);
        else if (!z0) f.inv(tv2[0], tv2[0]);
        else if (!z1) f.inv(tv2[1], tv2[1]);
        long[][] out = new long[4][];
        for (int k = 0; k < 2; k++) {
            if (MontField.isZero(tv2[k])) continue;
            long[] v = new long[4], w = new long[4], sm1 = new long[4];
            f.mul(tv2[k], tv1[k], v);
            f.mul(v, s[k], v);
            f.sub(s[k], one, sm1);
            f.mul(tv2[k], t[k], w);
            f.mul(w, sm1, w);
            out[2 * k] = v;
            out[2 * k + 1] = w;
        }
        return out;
    }

    /** x^3 + (A/B) x^2 + x / B^2. */
    private static long[] g(long[] x) {
        long[] x2 = new long[4], r = new long[4], t = new long[4];
        FQ.sqr(x, x2);
        FQ.mul(x2, x, r);
        FQ.mul(A_OVER_B, x2, t);
        FQ.add(r, t, r);
        FQ.mul(x, ONE_OVER_B2, t);
        FQ.add(r, t, r);
        return r;
    }
}
