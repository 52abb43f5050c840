package io.jamboree.bls;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable BLS12-381 G1 point in affine coordinates, curve y^2 = x^3 + 4 over {@link Fq}.
 * Serialization follows the Zcash BLS12-381 encoding (48-byte compressed, 96-byte uncompressed,
 * big-endian, flag bits: 0x80 compressed, 0x40 infinity, 0x20 y lexicographically largest).
 */
public final class G1 {
    /** Compressed size. */
    public static final int COMPRESSED_BYTES = 48;
    /** Uncompressed size. */
    public static final int UNCOMPRESSED_BYTES = 96;
    /** Group order r. */
    public static final BigInteger ORDER = Fr.P;
    private static final long[] B = Fq.montOf(BigInteger.valueOf(4));
    private static final long[] ORDER_LIMBS = Fr.limbsOf(Fr.P);

    /** The point at infinity. */
    public static final G1 INFINITY = new G1(new long[6], new long[6], true);
    /** The standard generator. */
    public static final G1 GENERATOR = new G1(
            Fq.montOf(new BigInteger("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb", 16)),
            Fq.montOf(new BigInteger("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1", 16)),
            false);

    final long[] x, y;
    final boolean inf;

    G1(long[] x, long[] y, boolean inf) { this.x = x; this.y = y; this.inf = inf; }

    /** Point from affine coordinates; throws if not on the curve (no subgroup check). */
    public static G1 of(Fq x, Fq y) {
        G1 p = new G1(x.montLimbs(), y.montLimbs(), false);
        if (!p.isOnCurve()) throw new IllegalArgumentException("not on curve");
        return p;
    }

    public boolean isInfinity() { return inf; }
    public Fq x() { return Fq.ofMontLimbs(x); }
    public Fq y() { return Fq.ofMontLimbs(y); }

    /** True iff on the curve (infinity counts). */
    public boolean isOnCurve() {
        if (inf) return true;
        long[] l = new long[6], r = new long[6];
        Fq.square(y, l);
        Fq.square(x, r); Fq.mul(r, x, r); Fq.add(r, B, r);
        return Fq.equals(l, r);
    }

    /**
     * True iff P is in the prime-order subgroup: for a point on the curve, iff phi(P) = -[x^2]P with
     * phi(x, y) = (beta x, y) the order-3 endomorphism and x the curve parameter (Scott, "A note on
     * group membership tests for G1, G2 and GT on BLS pairing-friendly curves", IACR ePrint 2021/1130,
     * proof corrected in 2022/352); [x^2] is a 128-bit multiplication instead of [r]'s 255 bits.
     */
    public boolean isInSubgroup() {
        if (inf) return true;
        G1Jac j = new G1Jac();
        j.mulAffine(x, y, X_SQUARED_LIMBS);
        long[] bx = new long[6];
        Fq.mul(BETA, x, bx);
        j.addAffine(bx, y); // [x^2]P + phi(P)
        return j.isInfinity();
    }

    /** Reference check r * P = infinity (tests). */
    boolean isInSubgroupSlow() {
        if (inf) return true;
        G1Jac j = toJac();
        j.mulScalar(ORDER_LIMBS);
        return j.isInfinity();
    }

    private static final long[] X_SQUARED_LIMBS = Fr.limbsOf(new BigInteger("d201000000010000", 16).pow(2));
    /** The cube root of unity beta for which phi acts on the subgroup as -[x^2] (chosen on the generator). */
    private static final long[] BETA = chooseBeta();

    private static long[] chooseBeta() {
        BigInteger e = Fq.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
        for (int g = 2; g < 100; g++) {
            BigInteger b = BigInteger.valueOf(g).modPow(e, Fq.P);
            if (b.equals(BigInteger.ONE)) continue;
            for (BigInteger cand : new BigInteger[] {b, b.multiply(b).mod(Fq.P)}) {
                long[] beta = Fq.montOf(cand);
                long[] gx = GENERATOR.x, gy = GENERATOR.y;
                G1Jac j = new G1Jac();
                j.setAffine(gx, gy, false);
                j.mulScalar(X_SQUARED_LIMBS);
                long[] bx = new long[6];
                Fq.mul(beta, gx, bx);
                j.addAffine(bx, gy);
                if (j.isInfinity()) return beta;
            }
            break;
        }
        throw new IllegalStateException("no cube root of unity matches the generator");
    }

    G1Jac toJac() { G1Jac j = new G1Jac(); j.setAffine(x, y, inf); return j; }

    static G1 fromJac(G1Jac j) {
        long[] ax = new long[6], ay = new long[6];
        if (!j.toAffine(ax, ay)) return INFINITY;
        return new G1(ax, ay, false);
    }

    /** Normalizes many Jacobian points with one inversion. */
    static G1[] batchNormalize(G1Jac[] js) {
        int n = js.length;
        long[][] zs = new long[n][];
        for (int i = 0; i < n; i++) zs[i] = js[i].z.clone();
        Fq.batchInverse(zs);
        G1[] out = new G1[n];
        long[] zi2 = new long[6];
        for (int i = 0; i < n; i++) {
            if (js[i].isInfinity()) { out[i] = INFINITY; continue; }
            long[] ax = new long[6], ay = new long[6];
            Fq.square(zs[i], zi2);
            Fq.mul(js[i].x, zi2, ax);
            Fq.mul(zi2, zs[i], zi2);
            Fq.mul(js[i].y, zi2, ay);
            out[i] = new G1(ax, ay, false);
        }
        return out;
    }

    public G1 add(G1 o) {
        if (inf) return o;
        if (o.inf) return this;
        G1Jac j = toJac();
        j.addAffine(o.x, o.y);
        return fromJac(j);
    }

    public G1 neg() {
        if (inf) return this;
        long[] ny = new long[6];
        Fq.neg(y, ny);
        return new G1(x, ny, false);
    }

    public G1 sub(G1 o) { return add(o.neg()); }

    public G1 dbl() { G1Jac j = toJac(); j.dbl(); return fromJac(j); }

    /** k * P for a scalar field element. */
    public G1 mul(Fr k) {
        long[] c = new long[4];
        Fr.fromMont(k.montLimbs(), c);
        G1Jac j = toJac();
        j.mulScalar(c);
        return fromJac(j);
    }

    /** k * P for a non-negative integer k. */
    public G1 mul(BigInteger k) {
        if (k.signum() < 0) return neg().mul(k.negate());
        G1Jac j = toJac();
        j.mulScalar(Fr.limbsOf(k));
        return fromJac(j);
    }

    /** 48-byte Zcash compressed encoding. */
    public byte[] toCompressed() {
        byte[] o = new byte[48];
        if (inf) { o[0] = (byte) 0xc0; return o; }
        Fq.toBytesBE(x, o, 0);
        o[0] |= (byte) 0x80;
        if (Fq.isLexLargest(y)) o[0] |= 0x20;
        return o;
    }

    /** 96-byte Zcash uncompressed encoding. */
    public byte[] toUncompressed() {
        byte[] o = new byte[96];
        if (inf) { o[0] = 0x40; return o; }
        Fq.toBytesBE(x, o, 0);
        Fq.toBytesBE(y, o, 48);
        return o;
    }

    /** Decodes a 48-byte compressed point with on-curve and subgroup checks. */
    public static G1 fromCompressed(byte[] in) {
        if (in.length != 48) throw new IllegalArgumentException("G1 compressed needs 48 bytes");
        return fromCompressed(in, 0, true);
    }

    /**
     * Decodes 48 compressed bytes at {@code off}; the subgroup check may be skipped for trusted input
     * (e.g. an SRS file whose hash was verified). The point is on the curve by construction.
     */
    public static G1 fromCompressed(byte[] in, int off, boolean checkSubgroup) {
        int flags = in[off] & 0xe0;
        if ((flags & 0x80) == 0) throw new IllegalArgumentException("compression flag not set");
        byte[] b = Arrays.copyOfRange(in, off, off + 48);
        b[0] &= 0x1f;
        if ((flags & 0x40) != 0) {
            if ((flags & 0x20) != 0 || !allZero(b)) throw new IllegalArgumentException("bad infinity encoding");
            return INFINITY;
        }
        long[] x = new long[6];
        if (!Fq.fromBytesBE(b, 0, x)) throw new IllegalArgumentException("x not canonical");
        long[] rhs = new long[6], y = new long[6];
        Fq.square(x, rhs); Fq.mul(rhs, x, rhs); Fq.add(rhs, B, rhs);
        if (!Fq.sqrt(rhs, y)) throw new IllegalArgumentException("not on curve");
        if (Fq.isLexLargest(y) != ((flags & 0x20) != 0)) Fq.neg(y, y);
        G1 p = new G1(x, y, false);
        if (checkSubgroup && !p.isInSubgroup()) throw new IllegalArgumentException("not in subgroup");
        return p;
    }

    /** Decodes a 96-byte uncompressed point with on-curve and subgroup checks. */
    public static G1 fromUncompressed(byte[] in) { return fromUncompressed(in, 0, true); }

    /**
     * Decodes 96 uncompressed bytes at {@code off}; the subgroup check may be skipped for
     * trusted input (e.g. a verified SRS file). The on-curve check is always done.
     */
    public static G1 fromUncompressed(byte[] in, int off, boolean checkSubgroup) {
        int flags = in[off] & 0xe0;
        if ((flags & 0x80) != 0) throw new IllegalArgumentException("compression flag set");
        byte[] b = Arrays.copyOfRange(in, off, off + 96);
        b[0] &= 0x1f;
        if ((flags & 0x40) != 0) {
            if ((flags & 0x20) != 0 || !allZero(b)) throw new IllegalArgumentException("bad infinity encoding");
            return INFINITY;
        }
        if ((flags & 0x20) != 0) throw new IllegalArgumentException("sort flag set in uncompressed");
        long[] x = new long[6], y = new long[6];
        if (!Fq.fromBytesBE(b, 0, x) || !Fq.fromBytesBE(b, 48, y)) throw new IllegalArgumentException("not canonical");
        G1 p = new G1(x, y, false);
        if (!p.isOnCurve()) throw new IllegalArgumentException("not on curve");
        if (checkSubgroup && !p.isInSubgroup()) throw new IllegalArgumentException("not in subgroup");
        return p;
    }

    private static boolean allZero(byte[] b) {
        int acc = 0;
        for (byte v : b) acc |= v;
        return acc == 0;
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof G1 g)) return false;
        if (inf || g.inf) return inf == g.inf;
        return Fq.equals(x, g.x) && Fq.equals(y, g.y);
    }
    @Override public int hashCode() { return inf ? 0 : Arrays.hashCode(x); }
    @Override public String toString() { return inf ? "G1(inf)" : "G1(" + x() + ", " + y() + ")"; }
}
