package io.jamboree.bls;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * __DOC__
 *
 * <p>Elements are kept in Montgomery form (R = 2^__RBITS__) as __N__ little-endian 64-bit limbs.
 * Two APIs: allocation-free static methods on {@code long[__N__]} limb arrays (Montgomery form;
 * outputs may alias inputs) for hot paths, and an immutable value type for convenience.
 */
public final class __CLASS__ {
    /** Number of 64-bit limbs. */
    public static final int LIMBS = __N__;
    /** Size of the canonical little-endian / big-endian byte encoding. */
    public static final int BYTES = __BYTES__;
    /** The modulus as a BigInteger. */
    public static final BigInteger P = new BigInteger("__PHEX__", 16);

__CORE__

    private static final long[] RAW_ONE = new long[LIMBS];
    static { RAW_ONE[0] = 1; }
    /** p - 2, for inversion by Fermat. */
    private static final long[] EXP_INV = limbsOf(P.subtract(BigInteger.TWO));
    /** (p - 1) / 2, Euler's criterion. */
    private static final long[] EXP_LEGENDRE = limbsOf(P.subtract(BigInteger.ONE).shiftRight(1));
    /** -1 in Montgomery form. */
    private static final long[] MINUS_ONE_MONT = new long[LIMBS];
    static { neg(ONE_MONT, MINUS_ONE_MONT); }

    // ---------------------------------------------------------------- raw static API

    /** A new zero element (limb array). */
    public static long[] newElement() { return new long[LIMBS]; }

    /** out = -a. */
    public static void neg(long[] a, long[] out) {
        if (isZero(a)) { Arrays.fill(out, 0, LIMBS, 0L); return; }
        sub(MODULUS, a, out);
    }

    /** out = a^2 (Montgomery). */
    public static void square(long[] a, long[] out) { mul(a, a, out); }

    /** out = 2a. */
    public static void dbl(long[] a, long[] out) { add(a, a, out); }

    /** True iff a is zero. */
    public static boolean isZero(long[] a) {
        long x = 0;
        for (int i = 0; i < LIMBS; i++) x |= a[i];
        return x == 0;
    }

    /** True iff a == b (both reduced). */
    public static boolean equals(long[] a, long[] b) {
        long x = 0;
        for (int i = 0; i < LIMBS; i++) x |= a[i] ^ b[i];
        return x == 0;
    }

    /** out = a. */
    public static void copy(long[] a, long[] out) { System.arraycopy(a, 0, out, 0, LIMBS); }

    /** out = 1 (Montgomery). */
    public static void setOne(long[] out) { System.arraycopy(ONE_MONT, 0, out, 0, LIMBS); }

    /** out = 0. */
    public static void setZero(long[] out) { Arrays.fill(out, 0, LIMBS, 0L); }

    /** Canonical limbs to Montgomery form. */
    public static void toMont(long[] canonical, long[] out) { mul(canonical, R2, out); }

    /** Montgomery form to canonical limbs. */
    public static void fromMont(long[] a, long[] out) { mul(a, RAW_ONE, out); }

    /** out = a^e where e is given as canonical little-endian limbs (any length). */
    public static void pow(long[] a, long[] e, long[] out) {
        int top = e.length * 64 - 1;
        while (top >= 0 && ((e[top >>> 6] >>> (top & 63)) & 1) == 0) top--;
        if (top < 64) {
            long[] acc = ONE_MONT.clone();
            long[] base = a.clone();
            for (int i = top; i >= 0; i--) {
                square(acc, acc);
                if (((e[i >>> 6] >>> (i & 63)) & 1) != 0) mul(acc, base, acc);
            }
            copy(acc, out);
            return;
        }
        // fixed 4-bit windows: a table of a^0..a^15, then per window four squarings and one product
        long[][] table = new long[16][];
        table[0] = ONE_MONT.clone();
        table[1] = a.clone();
        for (int i = 2; i < 16; i++) {
            table[i] = new long[LIMBS];
            mul(table[i - 1], table[1], table[i]);
        }
        long[] acc = ONE_MONT.clone();
        boolean started = false;
        for (int w = top >>> 2; w >= 0; w--) {
            if (started) { square(acc, acc); square(acc, acc); square(acc, acc); square(acc, acc); }
            int digit = (int) ((e[w >>> 4] >>> ((w & 15) * 4)) & 15);
            if (digit != 0) {
                mul(acc, table[digit], acc);
                started = true;
            }
        }
        copy(acc, out);
    }

    /** R^3 mod p: turns the integer inverse of a Montgomery limb array into Montgomery form. */
    private static final long[] R3 = limbsOf(BigInteger.ONE.shiftLeft(3 * 64 * LIMBS).mod(P));

    /**
     * out = 1/a (0 maps to 0). Variable-time binary extended Euclid on the Montgomery
     * representation (inputs are public data in this node), then one Montgomery product by R^3.
     */
    public static void inverse(long[] a, long[] out) {
        if (isZero(a)) { setZero(out); return; }
        long[] u = Arrays.copyOf(a, LIMBS), v = Arrays.copyOf(MODULUS, LIMBS);
        long[] x1 = new long[LIMBS], x2 = new long[LIMBS];
        x1[0] = 1;
        while (!isOneInt(u) && !isOneInt(v)) {
            while ((u[0] & 1) == 0) { shr1(u); halve(x1); }
            while ((v[0] & 1) == 0) { shr1(v); halve(x2); }
            if (geq(u, v)) { subInt(u, v); sub(x1, x2, x1); } else { subInt(v, u); sub(x2, x1, x2); }
        }
        mul(isOneInt(u) ? x1 : x2, R3, out);
    }

    /** Reference inverse by Fermat's little theorem, a^(p-2). */
    public static void inverseFermat(long[] a, long[] out) { pow(a, EXP_INV, out); }

    private static boolean isOneInt(long[] x) {
        long acc = x[0] ^ 1;
        for (int i = 1; i < LIMBS; i++) acc |= x[i];
        return acc == 0;
    }

    private static void shr1(long[] x) {
        for (int i = 0; i < LIMBS - 1; i++) x[i] = (x[i] >>> 1) | (x[i + 1] << 63);
        x[LIMBS - 1] >>>= 1;
    }

    /** x = x / 2 mod p for canonical x < p (p odd, top bit of p clear so x + p fits). */
    private static void halve(long[] x) {
        if ((x[0] & 1) != 0) {
            long c = 0;
            for (int i = 0; i < LIMBS; i++) {
                long s = x[i] + MODULUS[i] + c;
                c = ((x[i] & MODULUS[i]) | ((x[i] | MODULUS[i]) & ~s)) >>> 63;
                x[i] = s;
            }
        }
        shr1(x);
    }

    private static boolean geq(long[] x, long[] y) {
        for (int i = LIMBS - 1; i >= 0; i--) {
            int c = Long.compareUnsigned(x[i], y[i]);
            if (c != 0) return c > 0;
        }
        return true;
    }

    /** x -= y as integers (x >= y). */
    private static void subInt(long[] x, long[] y) {
        long br = 0;
        for (int i = 0; i < LIMBS; i++) {
            long d = x[i] - y[i] - br;
            br = ((~x[i] & y[i]) | (~(x[i] ^ y[i]) & d)) >>> 63;
            x[i] = d;
        }
    }

    /** Legendre symbol: 0 for zero, 1 for a nonzero square, -1 otherwise. */
    public static int legendre(long[] a) {
        if (isZero(a)) return 0;
        long[] t = new long[LIMBS];
        pow(a, EXP_LEGENDRE, t);
        return equals(t, ONE_MONT) ? 1 : -1;
    }

__SQRT__

    /**
     * Reads a canonical little-endian encoding ({@link #BYTES} bytes at {@code off}) into
     * Montgomery limbs. Returns false (out unspecified) if the value is not below p.
     */
    public static boolean fromBytesLE(byte[] in, int off, long[] out) {
        long[] c = new long[LIMBS];
        for (int i = 0; i < BYTES; i++) c[i >>> 3] |= (in[off + i] & 0xffL) << ((i & 7) * 8);
        if (!lessThanModulus(c)) return false;
        toMont(c, out);
        return true;
    }

    /** Reads a canonical big-endian encoding; false if not below p. */
    public static boolean fromBytesBE(byte[] in, int off, long[] out) {
        long[] c = new long[LIMBS];
        for (int i = 0; i < BYTES; i++) c[i >>> 3] |= (in[off + BYTES - 1 - i] & 0xffL) << ((i & 7) * 8);
        if (!lessThanModulus(c)) return false;
        toMont(c, out);
        return true;
    }

    /** Writes the canonical little-endian encoding of a (Montgomery limbs). */
    public static void toBytesLE(long[] a, byte[] out, int off) {
        long[] c = new long[LIMBS];
        fromMont(a, c);
        for (int i = 0; i < BYTES; i++) out[off + i] = (byte) (c[i >>> 3] >>> ((i & 7) * 8));
    }

    /** Writes the canonical big-endian encoding of a (Montgomery limbs). */
    public static void toBytesBE(long[] a, byte[] out, int off) {
        long[] c = new long[LIMBS];
        fromMont(a, c);
        for (int i = 0; i < BYTES; i++) out[off + BYTES - 1 - i] = (byte) (c[i >>> 3] >>> ((i & 7) * 8));
    }

    /** True iff canonical limbs c are below p. */
    static boolean lessThanModulus(long[] c) {
        for (int i = LIMBS - 1; i >= 0; i--) {
            int cmp = Long.compareUnsigned(c[i], MODULUS[i]);
            if (cmp != 0) return cmp < 0;
        }
        return false;
    }

    /** The lexicographically largest of {a, -a}: true iff canonical a > (p-1)/2. */
    public static boolean isLexLargest(long[] a) {
        long[] c = new long[LIMBS];
        fromMont(a, c);
        long[] h = HALF;
        for (int i = LIMBS - 1; i >= 0; i--) {
            int cmp = Long.compareUnsigned(c[i], h[i]);
            if (cmp != 0) return cmp > 0;
        }
        return false;
    }
    private static final long[] HALF = limbsOf(P.subtract(BigInteger.ONE).shiftRight(1));

    /** Montgomery limbs of v mod p (not for hot paths). */
    public static long[] montOf(BigInteger v) {
        long[] c = limbsOf(v.mod(P));
        long[] out = new long[LIMBS];
        toMont(c, out);
        return out;
    }

    /** BigInteger value of Montgomery limbs (not for hot paths). */
    public static BigInteger bigOf(long[] a) {
        long[] c = new long[LIMBS];
        fromMont(a, c);
        BigInteger r = BigInteger.ZERO;
        for (int i = LIMBS - 1; i >= 0; i--) {
            r = r.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(c[i])));
        }
        return r;
    }

    /** Little-endian limbs of a non-negative BigInteger (truncated to LIMBS limbs if longer). */
    static long[] limbsOf(BigInteger v) {
        int n = Math.max(LIMBS, (v.bitLength() + 63) / 64);
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = v.shiftRight(64 * i).longValue();
        return r;
    }

    /**
     * Batch inversion (Montgomery's trick) of all elements in place; zeros stay zero.
     * {@code xs[i]} are limb arrays.
     */
    public static void batchInverse(long[][] xs) {
        int n = xs.length;
        long[][] pre = new long[n][];
        long[] acc = ONE_MONT.clone();
        for (int i = 0; i < n; i++) {
            pre[i] = acc.clone();
            if (!isZero(xs[i])) mul(acc, xs[i], acc);
        }
        long[] inv = new long[LIMBS];
        inverse(acc, inv);
        long[] t = new long[LIMBS];
        for (int i = n - 1; i >= 0; i--) {
            if (isZero(xs[i])) continue;
            mul(inv, pre[i], t);
            mul(inv, xs[i], inv);
            copy(t, xs[i]);
        }
    }

    // ---------------------------------------------------------------- value API

    /** Zero. */
    public static final __CLASS__ ZERO = new __CLASS__(new long[LIMBS]);
    /** One. */
    public static final __CLASS__ ONE = new __CLASS__(ONE_MONT.clone());

    private final long[] v;

    private __CLASS__(long[] montLimbs) { this.v = montLimbs; }

    /** Wraps a copy of Montgomery limbs. */
    public static __CLASS__ ofMontLimbs(long[] mont) { return new __CLASS__(Arrays.copyOf(mont, LIMBS)); }

    /** A copy of the Montgomery limbs (for the raw API). */
    public long[] montLimbs() { return v.clone(); }

    /** Copies the Montgomery limbs into out. */
    public void copyTo(long[] out) { System.arraycopy(v, 0, out, 0, LIMBS); }

    /** The element v mod p for a small signed value. */
    public static __CLASS__ of(long x) { return fromBigInteger(BigInteger.valueOf(x)); }

    /** The element v mod p (not for hot paths). */
    public static __CLASS__ fromBigInteger(BigInteger x) { return new __CLASS__(montOf(x)); }

    /** The canonical integer in [0, p). */
    public BigInteger toBigInteger() { return bigOf(v); }

    /** Decodes exactly {@link #BYTES} little-endian bytes; throws if not canonical. */
    public static __CLASS__ fromBytesLE(byte[] b) {
        if (b.length != BYTES) throw new IllegalArgumentException("expected " + BYTES + " bytes");
        long[] o = new long[LIMBS];
        if (!fromBytesLE(b, 0, o)) throw new IllegalArgumentException("non-canonical field element");
        return new __CLASS__(o);
    }

    /** Decodes exactly {@link #BYTES} big-endian bytes; throws if not canonical. */
    public static __CLASS__ fromBytesBE(byte[] b) {
        if (b.length != BYTES) throw new IllegalArgumentException("expected " + BYTES + " bytes");
        long[] o = new long[LIMBS];
        if (!fromBytesBE(b, 0, o)) throw new IllegalArgumentException("non-canonical field element");
        return new __CLASS__(o);
    }

    /** Interprets any number of bytes as a little-endian integer and reduces it mod p. */
    public static __CLASS__ fromBytesLEReduce(byte[] b) {
        byte[] be = new byte[b.length + 1];
        for (int i = 0; i < b.length; i++) be[b.length - i] = b[i];
        return fromBigInteger(new BigInteger(be));
    }

    /** Canonical little-endian encoding. */
    public byte[] toBytesLE() { byte[] o = new byte[BYTES]; toBytesLE(v, o, 0); return o; }

    /** Canonical big-endian encoding. */
    public byte[] toBytesBE() { byte[] o = new byte[BYTES]; toBytesBE(v, o, 0); return o; }

    public __CLASS__ add(__CLASS__ o) { long[] r = new long[LIMBS]; add(v, o.v, r); return new __CLASS__(r); }
    public __CLASS__ sub(__CLASS__ o) { long[] r = new long[LIMBS]; sub(v, o.v, r); return new __CLASS__(r); }
    public __CLASS__ mul(__CLASS__ o) { long[] r = new long[LIMBS]; mul(v, o.v, r); return new __CLASS__(r); }
    public __CLASS__ neg() { long[] r = new long[LIMBS]; neg(v, r); return new __CLASS__(r); }
    public __CLASS__ square() { long[] r = new long[LIMBS]; square(v, r); return new __CLASS__(r); }
    /** Multiplicative inverse; throws ArithmeticException for zero. */
    public __CLASS__ inverse() {
        if (isZero()) throw new ArithmeticException("inverse of zero");
        long[] r = new long[LIMBS]; inverse(v, r); return new __CLASS__(r);
    }
    /** a^e for a non-negative exponent. */
    public __CLASS__ pow(BigInteger e) { long[] r = new long[LIMBS]; pow(v, limbsOf(e), r); return new __CLASS__(r); }
    /** A square root, or null if a is not a square. */
    public __CLASS__ sqrt() { long[] r = new long[LIMBS]; return sqrt(v, r) ? new __CLASS__(r) : null; }
    /** Legendre symbol (0, 1, -1). */
    public int legendre() { return legendre(v); }
    public boolean isZero() { return isZero(v); }
    public boolean isOne() { return equals(v, ONE_MONT); }

    @Override public boolean equals(Object o) { return o instanceof __CLASS__ f && equals(v, f.v); }
    @Override public int hashCode() { return Arrays.hashCode(v); }
    @Override public String toString() { return "0x" + toBigInteger().toString(16); }
}
