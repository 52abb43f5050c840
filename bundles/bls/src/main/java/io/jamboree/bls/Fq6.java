package io.jamboree.bls;

/** Immutable element of F_q6 = F_q2[v]/(v^3 - xi), xi = 1 + u (BLS12-381 tower). */
public record Fq6(Fq2 c0, Fq2 c1, Fq2 c2) {
    public static final Fq6 ZERO = new Fq6(Fq2.ZERO, Fq2.ZERO, Fq2.ZERO);
    public static final Fq6 ONE = new Fq6(Fq2.ONE, Fq2.ZERO, Fq2.ZERO);

    public Fq6 add(Fq6 o) { return new Fq6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2)); }
    public Fq6 sub(Fq6 o) { return new Fq6(c0.sub(o.c0), c1.sub(o.c1), c2.sub(o.c2)); }
    public Fq6 neg() { return new Fq6(c0.neg(), c1.neg(), c2.neg()); }

    public Fq6 mul(Fq6 o) {
        Fq2 t0 = c0.mul(o.c0), t1 = c1.mul(o.c1), t2 = c2.mul(o.c2);
        Fq2 r0 = c1.add(c2).mul(o.c1.add(o.c2)).sub(t1).sub(t2).mulByXi().add(t0);
        Fq2 r1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1).add(t2.mulByXi());
        Fq2 r2 = c0.add(c2).mul(o.c0.add(o.c2)).sub(t0).sub(t2).add(t1);
        return new Fq6(r0, r1, r2);
    }

    public Fq6 square() { return mul(this); }

    /** Multiplication by v. */
    public Fq6 mulByV() { return new Fq6(c2.mulByXi(), c0, c1); }

    public Fq6 inverse() {
        Fq2 a = c0.square().sub(c1.mul(c2).mulByXi());
        Fq2 b = c2.square().mulByXi().sub(c0.mul(c1));
        Fq2 c = c1.square().sub(c0.mul(c2));
        Fq2 f = c0.mul(a).add(c2.mul(b).add(c1.mul(c)).mulByXi()).inverse();
        return new Fq6(a.mul(f), b.mul(f), c.mul(f));
    }

    public boolean isZero() { return c0.isZero() && c1.isZero() && c2.isZero(); }
}
