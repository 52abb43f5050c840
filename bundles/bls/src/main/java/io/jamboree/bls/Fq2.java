package io.jamboree.bls;

import java.math.BigInteger;

/**
 * Immutable element c0 + c1*u of F_q2 = F_q[u]/(u^2 + 1) (Zcash BLS12-381 specification,
 * extension tower). Not optimised for allocation: used by G2 and the pairing.
 */
public record Fq2(Fq c0, Fq c1) {
    public static final Fq2 ZERO = new Fq2(Fq.ZERO, Fq.ZERO);
    public static final Fq2 ONE = new Fq2(Fq.ONE, Fq.ZERO);
    /** The sextic non-residue xi = 1 + u. */
    public static final Fq2 XI = new Fq2(Fq.ONE, Fq.ONE);
    private static final BigInteger Q = Fq.P;

    public Fq2 add(Fq2 o) { return new Fq2(c0.add(o.c0), c1.add(o.c1)); }
    public Fq2 sub(Fq2 o) { return new Fq2(c0.sub(o.c0), c1.sub(o.c1)); }
    public Fq2 neg() { return new Fq2(c0.neg(), c1.neg()); }
    public Fq2 dbl() { return add(this); }

    public Fq2 mul(Fq2 o) {
        Fq a = c0.mul(o.c0), b = c1.mul(o.c1);
        Fq m = c0.add(c1).mul(o.c0.add(o.c1));
        return new Fq2(a.sub(b), m.sub(a).sub(b));
    }

    public Fq2 mul(Fq s) { return new Fq2(c0.mul(s), c1.mul(s)); }

    public Fq2 square() {
        Fq a = c0.add(c1).mul(c0.sub(c1));
        Fq b = c0.mul(c1);
        return new Fq2(a, b.add(b));
    }

    /** Multiplication by xi = 1 + u. */
    public Fq2 mulByXi() { return new Fq2(c0.sub(c1), c0.add(c1)); }

    /** Conjugate, which is also the q-power Frobenius. */
    public Fq2 conjugate() { return new Fq2(c0, c1.neg()); }

    public Fq2 inverse() {
        Fq n = c0.square().add(c1.square()).inverse();
        return new Fq2(c0.mul(n), c1.neg().mul(n));
    }

    public boolean isZero() { return c0.isZero() && c1.isZero(); }

    public Fq2 pow(BigInteger e) {
        Fq2 r = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            r = r.square();
            if (e.testBit(i)) r = r.mul(this);
        }
        return r;
    }

    /** A square root (q = 3 mod 4 method), or null if none exists. */
    public Fq2 sqrt() {
        if (isZero()) return ZERO;
        Fq2 a1 = pow(Q.subtract(BigInteger.valueOf(3)).shiftRight(2));
        Fq2 alpha = a1.square().mul(this);
        Fq2 x0 = a1.mul(this);
        Fq2 minusOne = ONE.neg();
        Fq2 x;
        if (alpha.equals(minusOne)) {
            x = new Fq2(x0.c1.neg(), x0.c0); // u * x0
        } else {
            x = alpha.add(ONE).pow(Q.subtract(BigInteger.ONE).shiftRight(1)).mul(x0);
        }
        return x.square().equals(this) ? x : null;
    }

    /** Zcash "lexicographically largest": compare c1, then c0 if c1 is zero. */
    public boolean isLexLargest() {
        long[] a1 = c1.montLimbs();
        if (!Fq.isZero(a1)) return Fq.isLexLargest(a1);
        return Fq.isLexLargest(c0.montLimbs());
    }

    /** 96 bytes big-endian: c1 then c0 (Zcash order). */
    public byte[] toBytesBE() {
        byte[] o = new byte[96];
        System.arraycopy(c1.toBytesBE(), 0, o, 0, 48);
        System.arraycopy(c0.toBytesBE(), 0, o, 48, 48);
        return o;
    }
}
