package io.jamboree.bls;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The BLS12-381 base field F_q (381-bit q), Zcash BLS12-381 specification.
 *
 * <p>Elements are kept in Montgomery form (R = 2^384) as 6 little-endian 64-bit limbs.
 * Two APIs: allocation-free static methods on {@code long[6]} limb arrays (Montgomery form;
 * outputs may alias inputs) for hot paths, and an immutable value type for convenience.
 */
public final class Fq {
    /** Number of 64-bit limbs. */
    public static final int LIMBS = 6;
    /** Size of the canonical little-endian / big-endian byte encoding. */
    public static final int BYTES = 48;
    /** The modulus as a BigInteger. */
    public static final BigInteger P = new BigInteger("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);

    static final long P0 = 0xb9feffffffffaaabL;
    static final long P1 = 0x1eabfffeb153ffffL;
    static final long P2 = 0x6730d2a0f6b0f624L;
    static final long P3 = 0x64774b84f38512bfL;
    static final long P4 = 0x4b1ba7b6434bacd7L;
    static final long P5 = 0x1a0111ea397fe69aL;
    static final long INV = 0x89f3fffcfffcfffdL;
    static final long[] R2 = {0xf4df1f341c341746L, 0xa76e6a609d104f1L, 0x8de5476c4c95b6d5L, 0x67eb88a9939d83c0L, 0x9a793e85b519952dL, 0x11988fe592cae3aaL};
    static final long[] MODULUS = {0xb9feffffffffaaabL, 0x1eabfffeb153ffffL, 0x6730d2a0f6b0f624L, 0x64774b84f38512bfL, 0x4b1ba7b6434bacd7L, 0x1a0111ea397fe69aL};
    static final long[] ONE_MONT = {0x760900000002fffdL, 0xebf4000bc40c0002L, 0x5f48985753c758baL, 0x77ce585370525745L, 0x5c071a97a256ec6dL, 0x15f65ec3fa80e493L};
    /** Montgomery product out = a*b/R mod p (no-carry CIOS: top modulus bit is clear); out may alias a or b. */
    public static void mul(long[] a, long[] b, long[] out) {
        final long a0 = a[0];
        final long a1 = a[1];
        final long a2 = a[2];
        final long a3 = a[3];
        final long a4 = a[4];
        final long a5 = a[5];
        long lo, hi, s, m, A, C;
        long t0 = 0;
        long t1 = 0;
        long t2 = 0;
        long t3 = 0;
        long t4 = 0;
        long t5 = 0;
        { final long bi = b[0];
          lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
          s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
          t0 = s; A = hi;
          m = t0 * INV;
          lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0); s = lo + t0; C = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
          lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t1 = lo; A = hi;
          lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t0 = lo; C = hi;
          lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t2 = lo; A = hi;
          lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t1 = lo; C = hi;
          lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t3 = lo; A = hi;
          lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t2 = lo; C = hi;
          lo = a4 * bi; hi = Math.unsignedMultiplyHigh(a4, bi);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t4 = lo; A = hi;
          lo = m * P4; hi = Math.unsignedMultiplyHigh(m, P4);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t3 = lo; C = hi;
          lo = a5 * bi; hi = Math.unsignedMultiplyHigh(a5, bi);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t5 = lo; A = hi;
          lo = m * P5; hi = Math.unsignedMultiplyHigh(m, P5);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t4 = lo; C = hi;
          t5 = C + A; }
        { final long bi = b[1];
          lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
          s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
          t0 = s; A = hi;
          m = t0 * INV;
          lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0); s = lo + t0; C = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
          lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t1 = lo; A = hi;
          lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t0 = lo; C = hi;
          lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t2 = lo; A = hi;
          lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t1 = lo; C = hi;
          lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t3 = lo; A = hi;
          lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t2 = lo; C = hi;
          lo = a4 * bi; hi = Math.unsignedMultiplyHigh(a4, bi);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t4 = lo; A = hi;
          lo = m * P4; hi = Math.unsignedMultiplyHigh(m, P4);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t3 = lo; C = hi;
          lo = a5 * bi; hi = Math.unsignedMultiplyHigh(a5, bi);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t5 = lo; A = hi;
          lo = m * P5; hi = Math.unsignedMultiplyHigh(m, P5);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t4 = lo; C = hi;
          t5 = C + A; }
        { final long bi = b[2];
          lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
          s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
          t0 = s; A = hi;
          m = t0 * INV;
          lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0); s = lo + t0; C = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
          lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t1 = lo; A = hi;
          lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t0 = lo; C = hi;
          lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t2 = lo; A = hi;
          lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t1 = lo; C = hi;
          lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t3 = lo; A = hi;
          lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t2 = lo; C = hi;
          lo = a4 * bi; hi = Math.unsignedMultiplyHigh(a4, bi);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t4 = lo; A = hi;
          lo = m * P4; hi = Math.unsignedMultiplyHigh(m, P4);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t3 = lo; C = hi;
          lo = a5 * bi; hi = Math.unsignedMultiplyHigh(a5, bi);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t5 = lo; A = hi;
          lo = m * P5; hi = Math.unsignedMultiplyHigh(m, P5);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t4 = lo; C = hi;
          t5 = C + A; }
        { final long bi = b[3];
          lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
          s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
          t0 = s; A = hi;
          m = t0 * INV;
          lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0); s = lo + t0; C = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
          lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t1 = lo; A = hi;
          lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t0 = lo; C = hi;
          lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t2 = lo; A = hi;
          lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t1 = lo; C = hi;
          lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t3 = lo; A = hi;
          lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t2 = lo; C = hi;
          lo = a4 * bi; hi = Math.unsignedMultiplyHigh(a4, bi);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t4 = lo; A = hi;
          lo = m * P4; hi = Math.unsignedMultiplyHigh(m, P4);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t3 = lo; C = hi;
          lo = a5 * bi; hi = Math.unsignedMultiplyHigh(a5, bi);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t5 = lo; A = hi;
          lo = m * P5; hi = Math.unsignedMultiplyHigh(m, P5);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t4 = lo; C = hi;
          t5 = C + A; }
        { final long bi = b[4];
          lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
          s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
          t0 = s; A = hi;
          m = t0 * INV;
          lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0); s = lo + t0; C = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
          lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t1 = lo; A = hi;
          lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t0 = lo; C = hi;
          lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t2 = lo; A = hi;
          lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t1 = lo; C = hi;
          lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t3 = lo; A = hi;
          lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t2 = lo; C = hi;
          lo = a4 * bi; hi = Math.unsignedMultiplyHigh(a4, bi);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t4 = lo; A = hi;
          lo = m * P4; hi = Math.unsignedMultiplyHigh(m, P4);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t3 = lo; C = hi;
          lo = a5 * bi; hi = Math.unsignedMultiplyHigh(a5, bi);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t5 = lo; A = hi;
          lo = m * P5; hi = Math.unsignedMultiplyHigh(m, P5);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t4 = lo; C = hi;
          t5 = C + A; }
        { final long bi = b[5];
          lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
          s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
          t0 = s; A = hi;
          m = t0 * INV;
          lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0); s = lo + t0; C = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
          lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t1 = lo; A = hi;
          lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1);
          s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t0 = lo; C = hi;
          lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t2 = lo; A = hi;
          lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2);
          s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t1 = lo; C = hi;
          lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t3 = lo; A = hi;
          lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3);
          s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t2 = lo; C = hi;
          lo = a4 * bi; hi = Math.unsignedMultiplyHigh(a4, bi);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t4 = lo; A = hi;
          lo = m * P4; hi = Math.unsignedMultiplyHigh(m, P4);
          s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t3 = lo; C = hi;
          lo = a5 * bi; hi = Math.unsignedMultiplyHigh(a5, bi);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63; t5 = lo; A = hi;
          lo = m * P5; hi = Math.unsignedMultiplyHigh(m, P5);
          s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
          lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63; t4 = lo; C = hi;
          t5 = C + A; }
        long br = 0, d;
        d = t0 - P0 - br; br = ((~t0 & P0) | (~(t0 ^ P0) & d)) >>> 63; long s0 = d;
        d = t1 - P1 - br; br = ((~t1 & P1) | (~(t1 ^ P1) & d)) >>> 63; long s1 = d;
        d = t2 - P2 - br; br = ((~t2 & P2) | (~(t2 ^ P2) & d)) >>> 63; long s2 = d;
        d = t3 - P3 - br; br = ((~t3 & P3) | (~(t3 ^ P3) & d)) >>> 63; long s3 = d;
        d = t4 - P4 - br; br = ((~t4 & P4) | (~(t4 ^ P4) & d)) >>> 63; long s4 = d;
        d = t5 - P5 - br; br = ((~t5 & P5) | (~(t5 ^ P5) & d)) >>> 63; long s5 = d;
        if (br == 0) {
            out[0] = s0;
            out[1] = s1;
            out[2] = s2;
            out[3] = s3;
            out[4] = s4;
            out[5] = s5;
        } else {
            out[0] = t0;
            out[1] = t1;
            out[2] = t2;
            out[3] = t3;
            out[4] = t4;
            out[5] = t5;
        }
    }
    /** out = a + b mod p (Montgomery or canonical alike); out may alias. */
    public static void add(long[] a, long[] b, long[] out) {
        long c = 0, x, y, s, c1;
        x = a[0]; y = b[0]; s = x + y + c; c = ((x & y) | ((x | y) & ~s)) >>> 63; long r0 = s;
        x = a[1]; y = b[1]; s = x + y + c; c = ((x & y) | ((x | y) & ~s)) >>> 63; long r1 = s;
        x = a[2]; y = b[2]; s = x + y + c; c = ((x & y) | ((x | y) & ~s)) >>> 63; long r2 = s;
        x = a[3]; y = b[3]; s = x + y + c; c = ((x & y) | ((x | y) & ~s)) >>> 63; long r3 = s;
        x = a[4]; y = b[4]; s = x + y + c; c = ((x & y) | ((x | y) & ~s)) >>> 63; long r4 = s;
        x = a[5]; y = b[5]; s = x + y + c; c = ((x & y) | ((x | y) & ~s)) >>> 63; long r5 = s;
        long br = 0, d;
        d = r0 - P0 - br; br = ((~r0 & P0) | (~(r0 ^ P0) & d)) >>> 63; long s0 = d;
        d = r1 - P1 - br; br = ((~r1 & P1) | (~(r1 ^ P1) & d)) >>> 63; long s1 = d;
        d = r2 - P2 - br; br = ((~r2 & P2) | (~(r2 ^ P2) & d)) >>> 63; long s2 = d;
        d = r3 - P3 - br; br = ((~r3 & P3) | (~(r3 ^ P3) & d)) >>> 63; long s3 = d;
        d = r4 - P4 - br; br = ((~r4 & P4) | (~(r4 ^ P4) & d)) >>> 63; long s4 = d;
        d = r5 - P5 - br; br = ((~r5 & P5) | (~(r5 ^ P5) & d)) >>> 63; long s5 = d;
        if (c != 0 || br == 0) {
            out[0] = s0;
            out[1] = s1;
            out[2] = s2;
            out[3] = s3;
            out[4] = s4;
            out[5] = s5;
        } else {
            out[0] = r0;
            out[1] = r1;
            out[2] = r2;
            out[3] = r3;
            out[4] = r4;
            out[5] = r5;
        }
    }
    /** out = a - b mod p; out may alias. */
    public static void sub(long[] a, long[] b, long[] out) {
        long br = 0, x, y;
        x = a[0]; y = b[0]; long d0 = x - y - br; br = ((~x & y) | (~(x ^ y) & d0)) >>> 63;
        x = a[1]; y = b[1]; long d1 = x - y - br; br = ((~x & y) | (~(x ^ y) & d1)) >>> 63;
        x = a[2]; y = b[2]; long d2 = x - y - br; br = ((~x & y) | (~(x ^ y) & d2)) >>> 63;
        x = a[3]; y = b[3]; long d3 = x - y - br; br = ((~x & y) | (~(x ^ y) & d3)) >>> 63;
        x = a[4]; y = b[4]; long d4 = x - y - br; br = ((~x & y) | (~(x ^ y) & d4)) >>> 63;
        x = a[5]; y = b[5]; long d5 = x - y - br; br = ((~x & y) | (~(x ^ y) & d5)) >>> 63;
        if (br != 0) {
            long c = 0, s, c1;
            s = d0 + P0 + c; c = ((d0 & P0) | ((d0 | P0) & ~s)) >>> 63; d0 = s;
            s = d1 + P1 + c; c = ((d1 & P1) | ((d1 | P1) & ~s)) >>> 63; d1 = s;
            s = d2 + P2 + c; c = ((d2 & P2) | ((d2 | P2) & ~s)) >>> 63; d2 = s;
            s = d3 + P3 + c; c = ((d3 & P3) | ((d3 | P3) & ~s)) >>> 63; d3 = s;
            s = d4 + P4 + c; c = ((d4 & P4) | ((d4 | P4) & ~s)) >>> 63; d4 = s;
            s = d5 + P5 + c; c = ((d5 & P5) | ((d5 | P5) & ~s)) >>> 63; d5 = s;
        }
        out[0] = d0;
        out[1] = d1;
        out[2] = d2;
        out[3] = d3;
        out[4] = d4;
        out[5] = d5;
    }

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

    /** (p+1)/4, since p = 3 mod 4. */
    private static final long[] EXP_SQRT = limbsOf(P.add(BigInteger.ONE).shiftRight(2));

    /** Square root as a^((p+1)/4). Returns false if a is a non-square. */
    public static boolean sqrt(long[] a, long[] out) {
        long[] x = new long[LIMBS], t = new long[LIMBS];
        pow(a, EXP_SQRT, x);
        square(x, t);
        if (!equals(t, a)) return false;
        copy(x, out);
        return true;
    }


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
    public static final Fq ZERO = new Fq(new long[LIMBS]);
    /** One. */
    public static final Fq ONE = new Fq(ONE_MONT.clone());

    private final long[] v;

    private Fq(long[] montLimbs) { this.v = montLimbs; }

    /** Wraps a copy of Montgomery limbs. */
    public static Fq ofMontLimbs(long[] mont) { return new Fq(Arrays.copyOf(mont, LIMBS)); }

    /** A copy of the Montgomery limbs (for the raw API). */
    public long[] montLimbs() { return v.clone(); }

    /** Copies the Montgomery limbs into out. */
    public void copyTo(long[] out) { System.arraycopy(v, 0, out, 0, LIMBS); }

    /** The element v mod p for a small signed value. */
    public static Fq of(long x) { return fromBigInteger(BigInteger.valueOf(x)); }

    /** The element v mod p (not for hot paths). */
    public static Fq fromBigInteger(BigInteger x) { return new Fq(montOf(x)); }

    /** The canonical integer in [0, p). */
    public BigInteger toBigInteger() { return bigOf(v); }

    /** Decodes exactly {@link #BYTES} little-endian bytes; throws if not canonical. */
    public static Fq fromBytesLE(byte[] b) {
        if (b.length != BYTES) throw new IllegalArgumentException("expected " + BYTES + " bytes");
        long[] o = new long[LIMBS];
        if (!fromBytesLE(b, 0, o)) throw new IllegalArgumentException("non-canonical field element");
        return new Fq(o);
    }

    /** Decodes exactly {@link #BYTES} big-endian bytes; throws if not canonical. */
    public static Fq fromBytesBE(byte[] b) {
        if (b.length != BYTES) throw new IllegalArgumentException("expected " + BYTES + " bytes");
        long[] o = new long[LIMBS];
        if (!fromBytesBE(b, 0, o)) throw new IllegalArgumentException("non-canonical field element");
        return new Fq(o);
    }

    /** Interprets any number of bytes as a little-endian integer and reduces it mod p. */
    public static Fq fromBytesLEReduce(byte[] b) {
        byte[] be = new byte[b.length + 1];
        for (int i = 0; i < b.length; i++) be[b.length - i] = b[i];
        return fromBigInteger(new BigInteger(be));
    }

    /** Canonical little-endian encoding. */
    public byte[] toBytesLE() { byte[] o = new byte[BYTES]; toBytesLE(v, o, 0); return o; }

    /** Canonical big-endian encoding. */
    public byte[] toBytesBE() { byte[] o = new byte[BYTES]; toBytesBE(v, o, 0); return o; }

    public Fq add(Fq o) { long[] r = new long[LIMBS]; add(v, o.v, r); return new Fq(r); }
    public Fq sub(Fq o) { long[] r = new long[LIMBS]; sub(v, o.v, r); return new Fq(r); }
    public Fq mul(Fq o) { long[] r = new long[LIMBS]; mul(v, o.v, r); return new Fq(r); }
    public Fq neg() { long[] r = new long[LIMBS]; neg(v, r); return new Fq(r); }
    public Fq square() { long[] r = new long[LIMBS]; square(v, r); return new Fq(r); }
    /** Multiplicative inverse; throws ArithmeticException for zero. */
    public Fq inverse() {
        if (isZero()) throw new ArithmeticException("inverse of zero");
        long[] r = new long[LIMBS]; inverse(v, r); return new Fq(r);
    }
    /** a^e for a non-negative exponent. */
    public Fq pow(BigInteger e) { long[] r = new long[LIMBS]; pow(v, limbsOf(e), r); return new Fq(r); }
    /** A square root, or null if a is not a square. */
    public Fq sqrt() { long[] r = new long[LIMBS]; return sqrt(v, r) ? new Fq(r) : null; }
    /** Legendre symbol (0, 1, -1). */
    public int legendre() { return legendre(v); }
    public boolean isZero() { return isZero(v); }
    public boolean isOne() { return equals(v, ONE_MONT); }

    @Override public boolean equals(Object o) { return o instanceof Fq f && equals(v, f.v); }
    @Override public int hashCode() { return Arrays.hashCode(v); }
    @Override public String toString() { return "0x" + toBigInteger().toString(16); }
}
