package io.jamboree.crypto.internal;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A prime field below 2^255 in Montgomery form on four 64-bit limbs (little-endian limb order).
 * One instance per modulus: the Bandersnatch base field (= BLS12-381 scalar field), the
 * Bandersnatch scalar field, the Ed25519 field 2^255-19 and the Ed25519 group order.
 * Elements are {@code long[4]} arrays in Montgomery form; all operations allow aliasing of
 * inputs and output. The Bandersnatch base field is the BLS12-381 scalar field, which jam-bls
 * implements as {@link io.jamboree.bls.Fr} (same Montgomery form, R = 2^256): an instance over that
 * modulus runs its arithmetic (multiplication, squaring, addition, subtraction, negation, inversion)
 * on {@code Fr}, so that field has one implementation; this class's own code serves the other moduli. BigInteger is used only at construction and in the {@code big}/{@code mont}
 * conversion helpers, which are meant for constants and tests.
 */
public final class MontField {
    public static final int LIMBS = 4;

    private final long p0, p1, p2, p3, n0;
    private final BigInteger modulus;
    private final long[] r2, one, rawOne = {1, 0, 0, 0};
    private final long[] expInv, expLegendre, expQm1Half, half;
    private final int twoAdicity;
    private final boolean noCarry;
    /** The modulus is that of {@link io.jamboree.bls.Fr}: delegate the arithmetic to it. */
    private final boolean blsFr;
    private final long[] nonResidueQ;
    /** For 2-adicity a multiple of 8 (>= 16): g^(-j 2^(8m)) for the 2^s-th root g, and log table of h = g^(2^(s-8)). */
    private final long[][][] invRootTables;
    private final java.util.HashMap<Long, Integer> rootLog;
    private final long[][] rootPowers;

    public MontField(BigInteger p) {
        if (p.bitLength() > 255 || !p.testBit(0)) throw new IllegalArgumentException("modulus");
        this.modulus = p;
        long[] l = limbs(p);
        p0 = l[0]; p1 = l[1]; p2 = l[2]; p3 = l[3];
        noCarry = Long.compareUnsigned(p3, 0x7FFFFFFFFFFFFFFEL) < 0;
        blsFr = p.equals(io.jamboree.bls.Fr.P);
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        n0 = BigInteger.valueOf(p0).mod(two64).modInverse(two64).negate().mod(two64).longValue();
        BigInteger r = BigInteger.ONE.shiftLeft(256);
        r2 = limbs(r.multiply(r).mod(p));
        one = limbs(r.mod(p));
        expInv = limbs(p.subtract(BigInteger.TWO));
        BigInteger pm1 = p.subtract(BigInteger.ONE);
        expLegendre = limbs(pm1.shiftRight(1));
        half = expLegendre;
        twoAdicity = pm1.getLowestSetBit();
        BigInteger q = pm1.shiftRight(twoAdicity);
        expQm1Half = limbs(q.subtract(BigInteger.ONE).shiftRight(1));
        BigInteger z = BigInteger.TWO;
        while (z.modPow(pm1.shiftRight(1), p).equals(pm1) == false) z = z.add(BigInteger.ONE);
        nonResidueQ = limbs(z.modPow(q, p).multiply(r).mod(p));
        if (twoAdicity >= 16 && twoAdicity % 8 == 0) {
            BigInteger g = z.modPow(q, p), gInv = g.modInverse(p);
            int windows = twoAdicity / 8;
            invRootTables = new long[windows][256][];
            for (int m = 0; m < windows; m++) {
                BigInteger base = gInv.modPow(BigInteger.ONE.shiftLeft(8 * m), p), acc = BigInteger.ONE;
                for (int j = 0; j < 256; j++) {
                    invRootTables[m][j] = limbs(acc.multiply(r).mod(p));
                    acc = acc.multiply(base).mod(p);
                }
            }
            BigInteger h = g.modPow(BigInteger.ONE.shiftLeft(twoAdicity - 8), p), acc = BigInteger.ONE;
            rootLog = new java.util.HashMap<>();
            rootPowers = new long[256][];
            for (int j = 0; j < 256; j++) {
                rootPowers[j] = limbs(acc.multiply(r).mod(p));
                rootLog.put(rootPowers[j][0], j);
                acc = acc.multiply(h).mod(p);
            }
        } else {
            invRootTables = null;
            rootLog = null;
            rootPowers = null;
        }
    }

    public BigInteger modulus() { return modulus; }

    public long[] zero() { return new long[LIMBS]; }

    public long[] one() { return one.clone(); }

    /** out = a * b * R^-1 mod p. Either input may be any value below 2^256 if the other is below p. */
    public void mul(long[] a, long[] b, long[] out) {
        // Fr.mul iterates over its second operand's limbs as this class's CIOS does over the first: swapped,
        // the first may be any value below 2^256 (toMont and the mod-order reduction rely on it)
        if (blsFr) io.jamboree.bls.Fr.mul(b, a, out);
        else if (noCarry) mulNoCarry(a, b, out);
        else mulGeneral(a, b, out);
    }

    /**
     * CIOS without the fifth accumulator word, valid when the top limb of p is below 2^63 - 1
     * (the intermediate sums then never overflow five words): the two BLS12-381/Bandersnatch
     * fields and the Ed25519 group order, not 2^255 - 19.
     */
    private void mulNoCarry(long[] a, long[] b, long[] out) {
        final long n0 = this.n0, p0 = this.p0, p1 = this.p1, p2 = this.p2, p3 = this.p3;
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        long lo, hi, s, m, A, C;
        // round 0
        lo = a0 * b0; hi = Math.unsignedMultiplyHigh(a0, b0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; t0 = s; A = hi;
        m = t0 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; C = hi;
        lo = a0 * b1; hi = Math.unsignedMultiplyHigh(a0, b1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t1 = lo; A = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t0 = lo; C = hi;
        lo = a0 * b2; hi = Math.unsignedMultiplyHigh(a0, b2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t2 = lo; A = hi;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t1 = lo; C = hi;
        lo = a0 * b3; hi = Math.unsignedMultiplyHigh(a0, b3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t3 = lo; A = hi;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t2 = lo; C = hi;
        t3 = C + A;
        // round 1
        lo = a1 * b0; hi = Math.unsignedMultiplyHigh(a1, b0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; t0 = s; A = hi;
        m = t0 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; C = hi;
        lo = a1 * b1; hi = Math.unsignedMultiplyHigh(a1, b1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t1 = lo; A = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t0 = lo; C = hi;
        lo = a1 * b2; hi = Math.unsignedMultiplyHigh(a1, b2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t2 = lo; A = hi;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t1 = lo; C = hi;
        lo = a1 * b3; hi = Math.unsignedMultiplyHigh(a1, b3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t3 = lo; A = hi;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t2 = lo; C = hi;
        t3 = C + A;
        // round 2
        lo = a2 * b0; hi = Math.unsignedMultiplyHigh(a2, b0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; t0 = s; A = hi;
        m = t0 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; C = hi;
        lo = a2 * b1; hi = Math.unsignedMultiplyHigh(a2, b1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t1 = lo; A = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t0 = lo; C = hi;
        lo = a2 * b2; hi = Math.unsignedMultiplyHigh(a2, b2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t2 = lo; A = hi;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t1 = lo; C = hi;
        lo = a2 * b3; hi = Math.unsignedMultiplyHigh(a2, b3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t3 = lo; A = hi;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t2 = lo; C = hi;
        t3 = C + A;
        // round 3
        lo = a3 * b0; hi = Math.unsignedMultiplyHigh(a3, b0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; t0 = s; A = hi;
        m = t0 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; C = hi;
        lo = a3 * b1; hi = Math.unsignedMultiplyHigh(a3, b1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t1 = lo; A = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t0 = lo; C = hi;
        lo = a3 * b2; hi = Math.unsignedMultiplyHigh(a3, b2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t2 = lo; A = hi;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t1 = lo; C = hi;
        lo = a3 * b3; hi = Math.unsignedMultiplyHigh(a3, b3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + A; hi += ((s & A) | ((s | A) & ~lo)) >>> 63;
        t3 = lo; A = hi;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + C; hi += ((s & C) | ((s | C) & ~lo)) >>> 63;
        t2 = lo; C = hi;
        t3 = C + A;
        reduceOnce(t0, t1, t2, t3, 0, out);
    }

    private void mulGeneral(long[] a, long[] b, long[] out) {
        final long n0 = this.n0, p0 = this.p0, p1 = this.p1, p2 = this.p2, p3 = this.p3;
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5;
        long lo, hi, s, c, m;
        // round 0: t += a0 * b, then t = (t + m p) / 2^64
        c = 0;
        lo = a0 * b0; hi = Math.unsignedMultiplyHigh(a0, b0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t0 = lo; c = hi;
        lo = a0 * b1; hi = Math.unsignedMultiplyHigh(a0, b1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t1 = lo; c = hi;
        lo = a0 * b2; hi = Math.unsignedMultiplyHigh(a0, b2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        lo = a0 * b3; hi = Math.unsignedMultiplyHigh(a0, b3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        s = t4 + c; t5 = ((t4 & c) | ((t4 | c) & ~s)) >>> 63; t4 = s;
        m = t0 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
        c = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t1 = lo; c = hi;
        t0 = t1;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        t1 = t2;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        t2 = t3;
        s = t4 + c; t4 = t5 + (((t4 & c) | ((t4 | c) & ~s)) >>> 63); t3 = s;
        // round 1: t += a1 * b, then t = (t + m p) / 2^64
        c = 0;
        lo = a1 * b0; hi = Math.unsignedMultiplyHigh(a1, b0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t0 = lo; c = hi;
        lo = a1 * b1; hi = Math.unsignedMultiplyHigh(a1, b1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t1 = lo; c = hi;
        lo = a1 * b2; hi = Math.unsignedMultiplyHigh(a1, b2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        lo = a1 * b3; hi = Math.unsignedMultiplyHigh(a1, b3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        s = t4 + c; t5 = ((t4 & c) | ((t4 | c) & ~s)) >>> 63; t4 = s;
        m = t0 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
        c = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t1 = lo; c = hi;
        t0 = t1;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        t1 = t2;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        t2 = t3;
        s = t4 + c; t4 = t5 + (((t4 & c) | ((t4 | c) & ~s)) >>> 63); t3 = s;
        // round 2: t += a2 * b, then t = (t + m p) / 2^64
        c = 0;
        lo = a2 * b0; hi = Math.unsignedMultiplyHigh(a2, b0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t0 = lo; c = hi;
        lo = a2 * b1; hi = Math.unsignedMultiplyHigh(a2, b1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t1 = lo; c = hi;
        lo = a2 * b2; hi = Math.unsignedMultiplyHigh(a2, b2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        lo = a2 * b3; hi = Math.unsignedMultiplyHigh(a2, b3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        s = t4 + c; t5 = ((t4 & c) | ((t4 | c) & ~s)) >>> 63; t4 = s;
        m = t0 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
        c = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t1 = lo; c = hi;
        t0 = t1;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        t1 = t2;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        t2 = t3;
        s = t4 + c; t4 = t5 + (((t4 & c) | ((t4 | c) & ~s)) >>> 63); t3 = s;
        // round 3: t += a3 * b, then t = (t + m p) / 2^64
        c = 0;
        lo = a3 * b0; hi = Math.unsignedMultiplyHigh(a3, b0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t0 = lo; c = hi;
        lo = a3 * b1; hi = Math.unsignedMultiplyHigh(a3, b1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t1 = lo; c = hi;
        lo = a3 * b2; hi = Math.unsignedMultiplyHigh(a3, b2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        lo = a3 * b3; hi = Math.unsignedMultiplyHigh(a3, b3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        s = t4 + c; t5 = ((t4 & c) | ((t4 | c) & ~s)) >>> 63; t4 = s;
        m = t0 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63;
        c = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t1 = lo; c = hi;
        t0 = t1;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        t1 = t2;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        t2 = t3;
        s = t4 + c; t4 = t5 + (((t4 & c) | ((t4 | c) & ~s)) >>> 63); t3 = s;
        reduceOnce(t0, t1, t2, t3, t4, out);
    }

    /** out = a^2 * R^-1 mod p (a must be reduced): off-diagonal products once, doubled, then Montgomery reduction. */
    public void sqr(long[] a, long[] out) {
        if (blsFr) {
            io.jamboree.bls.Fr.mul(a, a, out);
            return;
        }
        final long n0 = this.n0, p0 = this.p0, p1 = this.p1, p2 = this.p2, p3 = this.p3;
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4, t5, t6, t7;
        long lo, hi, s, c, m, cp;
        // off-diagonal products
        c = 0;
        lo = a0 * a1; hi = Math.unsignedMultiplyHigh(a0, a1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t1 = lo; c = hi;
        lo = a0 * a2; hi = Math.unsignedMultiplyHigh(a0, a2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        lo = a0 * a3; hi = Math.unsignedMultiplyHigh(a0, a3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        t4 = c;
        c = 0; t5 = 0;
        lo = a1 * a2; hi = Math.unsignedMultiplyHigh(a1, a2);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        lo = a1 * a3; hi = Math.unsignedMultiplyHigh(a1, a3);
        s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t4 = lo; c = hi;
        t5 = c;
        c = 0; t6 = 0;
        lo = a2 * a3; hi = Math.unsignedMultiplyHigh(a2, a3);
        s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t5 = lo; c = hi;
        t6 = c;
        // double
        t7 = t6 >>> 63; t6 = (t6 << 1) | (t5 >>> 63); t5 = (t5 << 1) | (t4 >>> 63); t4 = (t4 << 1) | (t3 >>> 63);
        t3 = (t3 << 1) | (t2 >>> 63); t2 = (t2 << 1) | (t1 >>> 63); t1 = t1 << 1;
        // diagonal squares
        c = 0;
        lo = a0 * a0; hi = Math.unsignedMultiplyHigh(a0, a0);
        s = t0 + lo; m = ((t0 & lo) | ((t0 | lo) & ~s)) >>> 63; t0 = s + c; c = m + (((s & c) | ((s | c) & ~t0)) >>> 63);
        s = t1 + hi; m = ((t1 & hi) | ((t1 | hi) & ~s)) >>> 63; t1 = s + c; c = m + (((s & c) | ((s | c) & ~t1)) >>> 63);
        lo = a1 * a1; hi = Math.unsignedMultiplyHigh(a1, a1);
        s = t2 + lo; m = ((t2 & lo) | ((t2 | lo) & ~s)) >>> 63; t2 = s + c; c = m + (((s & c) | ((s | c) & ~t2)) >>> 63);
        s = t3 + hi; m = ((t3 & hi) | ((t3 | hi) & ~s)) >>> 63; t3 = s + c; c = m + (((s & c) | ((s | c) & ~t3)) >>> 63);
        lo = a2 * a2; hi = Math.unsignedMultiplyHigh(a2, a2);
        s = t4 + lo; m = ((t4 & lo) | ((t4 | lo) & ~s)) >>> 63; t4 = s + c; c = m + (((s & c) | ((s | c) & ~t4)) >>> 63);
        s = t5 + hi; m = ((t5 & hi) | ((t5 | hi) & ~s)) >>> 63; t5 = s + c; c = m + (((s & c) | ((s | c) & ~t5)) >>> 63);
        lo = a3 * a3; hi = Math.unsignedMultiplyHigh(a3, a3);
        s = t6 + lo; m = ((t6 & lo) | ((t6 | lo) & ~s)) >>> 63; t6 = s + c; c = m + (((s & c) | ((s | c) & ~t6)) >>> 63);
        s = t7 + hi; m = ((t7 & hi) | ((t7 | hi) & ~s)) >>> 63; t7 = s + c; c = m + (((s & c) | ((s | c) & ~t7)) >>> 63);
        // Montgomery reduction of the 8-word square
        cp = 0;
        m = t0 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; c = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t1 = lo; c = hi;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        s = t4 + c; m = ((t4 & c) | ((t4 | c) & ~s)) >>> 63; t4 = s + cp; cp = m + (((s & cp) | ((s | cp) & ~t4)) >>> 63);
        m = t1 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; c = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t2 = lo; c = hi;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t4 = lo; c = hi;
        s = t5 + c; m = ((t5 & c) | ((t5 | c) & ~s)) >>> 63; t5 = s + cp; cp = m + (((s & cp) | ((s | cp) & ~t5)) >>> 63);
        m = t2 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; c = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t3 = lo; c = hi;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t4 = lo; c = hi;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t5 = lo; c = hi;
        s = t6 + c; m = ((t6 & c) | ((t6 | c) & ~s)) >>> 63; t6 = s + cp; cp = m + (((s & cp) | ((s | cp) & ~t6)) >>> 63);
        m = t3 * n0;
        lo = m * p0; hi = Math.unsignedMultiplyHigh(m, p0);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63; c = hi;
        lo = m * p1; hi = Math.unsignedMultiplyHigh(m, p1);
        s = lo + t4; hi += ((lo & t4) | ((lo | t4) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t4 = lo; c = hi;
        lo = m * p2; hi = Math.unsignedMultiplyHigh(m, p2);
        s = lo + t5; hi += ((lo & t5) | ((lo | t5) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t5 = lo; c = hi;
        lo = m * p3; hi = Math.unsignedMultiplyHigh(m, p3);
        s = lo + t6; hi += ((lo & t6) | ((lo | t6) & ~s)) >>> 63;
        lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63;
        t6 = lo; c = hi;
        s = t7 + c; m = ((t7 & c) | ((t7 | c) & ~s)) >>> 63; t7 = s + cp; cp = m + (((s & cp) | ((s | cp) & ~t7)) >>> 63);
        reduceOnce(t4, t5, t6, t7, cp, out);
    }

    private void reduceOnce(long t0, long t1, long t2, long t3, long t4, long[] out) {
        long d0 = t0 - p0;
        long br = ((~t0 & p0) | (~(t0 ^ p0) & d0)) >>> 63;
        long d1 = t1 - p1 - br;
        br = ((~t1 & p1) | (~(t1 ^ p1) & d1)) >>> 63;
        long d2 = t2 - p2 - br;
        br = ((~t2 & p2) | (~(t2 ^ p2) & d2)) >>> 63;
        long d3 = t3 - p3 - br;
        br = ((~t3 & p3) | (~(t3 ^ p3) & d3)) >>> 63;
        // keep t - p unless it borrowed and there is no fifth word
        long keepT = -((br & ~t4) & 1);
        out[0] = (t0 & keepT) | (d0 & ~keepT);
        out[1] = (t1 & keepT) | (d1 & ~keepT);
        out[2] = (t2 & keepT) | (d2 & ~keepT);
        out[3] = (t3 & keepT) | (d3 & ~keepT);
    }

    public void add(long[] a, long[] b, long[] out) {
        if (blsFr) {
            io.jamboree.bls.Fr.add(a, b, out);
            return;
        }
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
        long s0 = a0 + b0;
        long c = ((a0 & b0) | ((a0 | b0) & ~s0)) >>> 63;
        long s1 = a1 + b1 + c;
        c = ((a1 & b1) | ((a1 | b1) & ~s1)) >>> 63;
        long s2 = a2 + b2 + c;
        c = ((a2 & b2) | ((a2 | b2) & ~s2)) >>> 63;
        long s3 = a3 + b3 + c;
        c = ((a3 & b3) | ((a3 | b3) & ~s3)) >>> 63;
        reduceOnce(s0, s1, s2, s3, c, out);
    }

    public void sub(long[] a, long[] b, long[] out) {
        if (blsFr) {
            io.jamboree.bls.Fr.sub(a, b, out);
            return;
        }
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
        long d0 = a0 - b0;
        long br = ((~a0 & b0) | (~(a0 ^ b0) & d0)) >>> 63;
        long d1 = a1 - b1 - br;
        br = ((~a1 & b1) | (~(a1 ^ b1) & d1)) >>> 63;
        long d2 = a2 - b2 - br;
        br = ((~a2 & b2) | (~(a2 ^ b2) & d2)) >>> 63;
        long d3 = a3 - b3 - br;
        br = ((~a3 & b3) | (~(a3 ^ b3) & d3)) >>> 63;
        // add p back if it borrowed
        long mask = -br;
        long q0 = p0 & mask, q1 = p1 & mask, q2 = p2 & mask, q3 = p3 & mask;
        long s0 = d0 + q0;
        long c = ((d0 & q0) | ((d0 | q0) & ~s0)) >>> 63;
        long s1 = d1 + q1 + c;
        c = ((d1 & q1) | ((d1 | q1) & ~s1)) >>> 63;
        long s2 = d2 + q2 + c;
        c = ((d2 & q2) | ((d2 | q2) & ~s2)) >>> 63;
        long s3 = d3 + q3 + c;
        out[0] = s0; out[1] = s1; out[2] = s2; out[3] = s3;
    }

    /** out = -a. */
    public void neg(long[] a, long[] out) {
        if (blsFr) {
            io.jamboree.bls.Fr.neg(a, out);
            return;
        }
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
        long d0 = p0 - a0;
        long br = ((~p0 & a0) | (~(p0 ^ a0) & d0)) >>> 63;
        long d1 = p1 - a1 - br;
        br = ((~p1 & a1) | (~(p1 ^ a1) & d1)) >>> 63;
        long d2 = p2 - a2 - br;
        br = ((~p2 & a2) | (~(p2 ^ a2) & d2)) >>> 63;
        long d3 = p3 - a3;
        d3 -= br;
        // zero stays zero
        long nz = -(((a0 | a1 | a2 | a3) | -(a0 | a1 | a2 | a3)) >>> 63);
        out[0] = d0 & nz; out[1] = d1 & nz; out[2] = d2 & nz; out[3] = d3 & nz;
    }

    public static boolean isZero(long[] a) { return (a[0] | a[1] | a[2] | a[3]) == 0; }

    public static boolean eq(long[] a, long[] b) {
        return ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3])) == 0;
    }

    public boolean isOne(long[] a) { return eq(a, one); }

    public static void copy(long[] a, long[] out) { System.arraycopy(a, 0, out, 0, LIMBS); }

    public void setOne(long[] out) { copy(one, out); }

    /** Canonical (non-Montgomery) limbs of a. */
    public void fromMont(long[] a, long[] out) { mul(a, rawOne, out); }

    /** Montgomery form of canonical limbs c (c may be any value below 2^256: it is reduced). */
    public void toMont(long[] c, long[] out) { mul(c, r2, out); }

    /** out = a^e, e given as canonical little-endian limbs (any length); 4-bit fixed window. */
    public void pow(long[] a, long[] e, long[] out) {
        long[][] table = new long[16][];
        table[0] = one.clone();
        table[1] = a.clone();
        for (int i = 2; i < 16; i++) {
            table[i] = new long[LIMBS];
            mul(table[i - 1], table[1], table[i]);
        }
        long[] acc = one.clone();
        boolean started = false;
        for (int i = e.length * 16 - 1; i >= 0; i--) {
            int nib = (int) ((e[i >>> 4] >>> ((i & 15) * 4)) & 15);
            if (started) {
                sqr(acc, acc); sqr(acc, acc); sqr(acc, acc); sqr(acc, acc);
            }
            if (nib != 0) {
                mul(acc, table[nib], acc);
                started = true;
            }
        }
        copy(acc, out);
    }

    /** out = a^-1 (0 maps to 0). */
    public void inv(long[] a, long[] out) {
        if (blsFr) io.jamboree.bls.Fr.inverse(a, out);
        else pow(a, expInv, out);
    }

    /** 1 for a nonzero square, -1 for a non-square, 0 for zero. */
    public int legendre(long[] a) {
        if (isZero(a)) return 0;
        long[] c = new long[LIMBS];
        fromMont(a, c);
        return jacobi(c[0], c[1], c[2], c[3], p0, p1, p2, p3);
    }

    /** Legendre symbol by Euler's criterion a^((p-1)/2) (the reference for {@link #legendre}). */
    int legendreEuler(long[] a) {
        if (isZero(a)) return 0;
        long[] t = new long[LIMBS];
        pow(a, expLegendre, t);
        return eq(t, one) ? 1 : -1;
    }

    /**
     * Jacobi symbol (a / n) of canonical 256-bit a and odd n, by the binary algorithm (strip factors
     * of two with the (2 / n) rule, reciprocity on swap, subtract): shifts and subtractions on
     * longs, about ten times faster than Euler's criterion.
     */
    static int jacobi(long a0, long a1, long a2, long a3, long n0, long n1, long n2, long n3) {
        int t = 1;
        while ((a0 | a1 | a2 | a3) != 0) {
            while (a0 == 0) {                       // whole limbs of zeros: 64 is even, no sign change
                a0 = a1; a1 = a2; a2 = a3; a3 = 0;
            }
            int z = Long.numberOfTrailingZeros(a0);
            if (z != 0) {
                a0 = (a0 >>> z) | (a1 << (64 - z));
                a1 = (a1 >>> z) | (a2 << (64 - z));
                a2 = (a2 >>> z) | (a3 << (64 - z));
                a3 >>>= z;
                long r = n0 & 7;
                if ((z & 1) != 0 && (r == 3 || r == 5)) t = -t;
            }
            // a, n odd: make a >= n (reciprocity on swap), then a -= n (even)
            boolean less = Long.compareUnsigned(a3, n3) < 0 || a3 == n3 && (Long.compareUnsigned(a2, n2) < 0
                    || a2 == n2 && (Long.compareUnsigned(a1, n1) < 0 || a1 == n1 && Long.compareUnsigned(a0, n0) < 0));
            if (less) {
                long x;
                x = a0; a0 = n0; n0 = x;
                x = a1; a1 = n1; n1 = x;
                x = a2; a2 = n2; n2 = x;
                x = a3; a3 = n3; n3 = x;
                if ((a0 & 3) == 3 && (n0 & 3) == 3) t = -t;
            }
            long d0 = a0 - n0;
            long br = ((~a0 & n0) | (~(a0 ^ n0) & d0)) >>> 63;
            long d1 = a1 - n1 - br;
            br = ((~a1 & n1) | (~(a1 ^ n1) & d1)) >>> 63;
            long d2 = a2 - n2 - br;
            br = ((~a2 & n2) | (~(a2 ^ n2) & d2)) >>> 63;
            a3 = a3 - n3 - br;
            a0 = d0; a1 = d1; a2 = d2;
        }
        return (n0 == 1 && (n1 | n2 | n3) == 0) ? t : 0;
    }

    /** Discrete log base h (a primitive 256-th root of unity) of u; -1 if u is not such a root. */
    private int rootLog(long[] u) {
        Integer j = rootLog.get(u[0]);
        if (j != null && eq(rootPowers[j], u)) return j;
        for (int k = 0; k < 256; k++) if (eq(rootPowers[k], u)) return k;
        return -1;
    }

    /**
     * Square root; returns false (out unspecified) if a is not a square. For 2-adicity a multiple
     * of 8 (the BLS12-381 scalar field: 32) the discrete log of a^q in the 2-Sylow subgroup is
     * found 8 bits at a time with precomputed tables (Pohlig-Hellman), else Tonelli-Shanks.
     */
    public boolean sqrt(long[] a, long[] out) {
        if (isZero(a)) { Arrays.fill(out, 0L); return true; }
        if (invRootTables != null) return sqrtTables(a, out);
        return sqrtTonelliShanks(a, out);
    }

    private boolean sqrtTables(long[] a, long[] out) {
        long[] w = new long[LIMBS], x = new long[LIMBS], t = new long[LIMBS];
        pow(a, expQm1Half, w);
        mul(w, a, x);          // a^((q+1)/2)
        mul(w, x, t);          // a^q = g^e for some e < 2^s
        return sqrtFromPowers(x, t, out);
    }

    /**
     * For nonzero a and a fixed non-square z (the Elligator 2 constant Z): true with out = sqrt(a)
     * if a is a square, else false with out = sqrt(z a), from one exponentiation: (z a)^q and
     * (z a)^((q+1)/2) are a's powers times the precomputed {@code zq} = z^q and {@code zq1} = z^((q+1)/2).
     * Requires the table square root (2-adicity a multiple of 8, as the Bandersnatch base field).
     */
    public boolean sqrtOrTimesNonSquare(long[] a, long[] zq, long[] zq1, long[] out) {
        if (invRootTables == null) throw new IllegalStateException("no square-root tables for this field");
        long[] w = new long[LIMBS], x = new long[LIMBS], t = new long[LIMBS];
        pow(a, expQm1Half, w);
        mul(w, a, x);
        mul(w, x, t);
        long[] x0 = x.clone(), t0 = t.clone();
        if (sqrtFromPowers(x, t, out)) return true;
        mul(x0, zq1, x0);
        mul(t0, zq, t0);
        if (!sqrtFromPowers(x0, t0, out)) throw new IllegalArgumentException("z is not a non-square");
        return false;
    }

    /** z^q and z^((q+1)/2) for {@link #sqrtOrTimesNonSquare} (q the odd part of p - 1). */
    public long[][] nonSquarePowers(long[] z) {
        BigInteger q = modulus.subtract(BigInteger.ONE).shiftRight(twoAdicity);
        long[] zq = new long[LIMBS], zq1 = new long[LIMBS];
        pow(z, limbs(q), zq);
        pow(z, limbs(q.add(BigInteger.ONE).shiftRight(1)), zq1);
        return new long[][] {zq, zq1};
    }

    /** Square root from x = a^((q+1)/2) and t = a^q (both consumed). */
    private boolean sqrtFromPowers(long[] x, long[] t, long[] out) {
        long[] u = new long[LIMBS];
        int windows = twoAdicity / 8;
        long e = 0;
        for (int k = 0; k < windows; k++) {
            copy(t, u);
            for (int i = 0; i < twoAdicity - 8 - 8 * k; i++) sqr(u, u);
            int d = rootLog(u);
            if (d < 0) return false;
            e |= (long) d << (8 * k);
            if (d != 0) mul(t, invRootTables[k][d], t);   // t = a^q g^(-e_low)
        }
        if ((e & 1) != 0) return false;                     // odd log: a is not a square
        long half = e >>> 1;
        for (int k = 0; k < windows; k++) {
            int d = (int) ((half >>> (8 * k)) & 255);
            if (d != 0) mul(x, invRootTables[k][d], x);
        }
        copy(x, out);
        return true;
    }

    /** Tonelli-Shanks square root. */
    boolean sqrtTonelliShanks(long[] a, long[] out) {
        if (isZero(a)) { Arrays.fill(out, 0L); return true; }
        long[] w = new long[LIMBS], x = new long[LIMBS], t = new long[LIMBS];
        long[] c = nonResidueQ.clone(), b = new long[LIMBS], tt = new long[LIMBS];
        pow(a, expQm1Half, w);
        mul(w, a, x);          // a^((q+1)/2)
        mul(w, x, t);          // a^q
        int m = twoAdicity;
        while (!eq(t, one)) {
            int i = 0;
            copy(t, tt);
            while (!eq(tt, one)) {
                sqr(tt, tt);
                if (++i == m) return false;
            }
            copy(c, b);
            for (int j = 0; j < m - i - 1; j++) sqr(b, b);
            m = i;
            sqr(b, c);
            mul(t, c, t);
            mul(x, b, x);
        }
        copy(x, out);
        return true;
    }

    /** True iff the canonical value of a is odd (the sgn0 / parity of RFC 9380). */
    public boolean isOdd(long[] a) {
        long[] c = new long[LIMBS];
        fromMont(a, c);
        return (c[0] & 1) != 0;
    }

    /** True iff the canonical value of a exceeds (p-1)/2, i.e. a is lexicographically larger than -a. */
    public boolean isLexLargest(long[] a) {
        long[] c = new long[LIMBS];
        fromMont(a, c);
        return compare(c, half) > 0;
    }

    /** True iff canonical limbs c are below the modulus. */
    public boolean isCanonical(long[] c) {
        return compare(c, new long[] {p0, p1, p2, p3}) < 0;
    }

    static int compare(long[] x, long[] y) {
        for (int i = LIMBS - 1; i >= 0; i--) {
            int cmp = Long.compareUnsigned(x[i], y[i]);
            if (cmp != 0) return cmp;
        }
        return 0;
    }

    /** Reads 32 little-endian bytes as raw limbs (no reduction). */
    public static long[] rawLE(byte[] in, int off) {
        long[] c = new long[LIMBS];
        for (int i = 0; i < 32; i++) c[i >>> 3] |= (in[off + i] & 0xffL) << ((i & 7) * 8);
        return c;
    }

    /** Reads 32 big-endian bytes as raw limbs (no reduction). */
    public static long[] rawBE(byte[] in, int off) {
        long[] c = new long[LIMBS];
        for (int i = 0; i < 32; i++) c[i >>> 3] |= (in[off + 31 - i] & 0xffL) << ((i & 7) * 8);
        return c;
    }

    /** Canonical little-endian 32-byte value into Montgomery form; false if not below p. */
    public boolean fromBytesLE(byte[] in, int off, long[] out) {
        long[] c = rawLE(in, off);
        if (!isCanonical(c)) return false;
        toMont(c, out);
        return true;
    }

    /** Any little-endian byte string, reduced mod p (arkworks {@code from_le_bytes_mod_order}). */
    public long[] fromBytesLEModOrder(byte[] in, int off, int len) {
        byte[] buf = new byte[Math.max(32, (len + 31) / 32 * 32)];
        System.arraycopy(in, off, buf, 0, len);
        return reduceChunksLE(buf);
    }

    /** Any big-endian byte string, reduced mod p (arkworks {@code from_be_bytes_mod_order}). */
    public long[] fromBytesBEModOrder(byte[] in, int off, int len) {
        int n = Math.max(32, (len + 31) / 32 * 32);
        byte[] buf = new byte[n];
        for (int i = 0; i < len; i++) buf[i] = in[off + len - 1 - i];
        return reduceChunksLE(buf);
    }

    /** Horner over 32-byte little-endian chunks: acc = acc * 2^256 + chunk, in Montgomery form. */
    private long[] reduceChunksLE(byte[] buf) {
        long[] acc = new long[LIMBS];
        long[] tmp = new long[LIMBS];
        for (int k = buf.length / 32 - 1; k >= 0; k--) {
            // acc * 2^256: Montgomery form of acc*R is mul(acc, R^2)
            mul(acc, r2, acc);
            long[] raw = rawLE(buf, 32 * k);
            mul(raw, r2, tmp);     // raw may exceed p: mul tolerates one operand below 2^256
            add(acc, tmp, acc);
        }
        return acc;
    }

    /** Canonical little-endian bytes of a. */
    public void toBytesLE(long[] a, byte[] out, int off) {
        long[] c = new long[LIMBS];
        fromMont(a, c);
        for (int i = 0; i < 32; i++) out[off + i] = (byte) (c[i >>> 3] >>> ((i & 7) * 8));
    }

    public byte[] toBytesLE(long[] a) {
        byte[] out = new byte[32];
        toBytesLE(a, out, 0);
        return out;
    }

    /** Montgomery form of v mod p (constants, tests). */
    public long[] mont(BigInteger v) {
        long[] out = new long[LIMBS];
        toMont(limbs(v.mod(modulus)), out);
        return out;
    }

    /** Value of Montgomery-form a (constants, tests). */
    public BigInteger big(long[] a) {
        long[] c = new long[LIMBS];
        fromMont(a, c);
        BigInteger r = BigInteger.ZERO;
        for (int i = LIMBS - 1; i >= 0; i--) r = r.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(c[i])));
        return r;
    }

    /** Little-endian 64-bit limbs of a non-negative v below 2^256. */
    public static long[] limbs(BigInteger v) {
        long[] l = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) l[i] = v.shiftRight(64 * i).longValue();
        return l;
    }
}
