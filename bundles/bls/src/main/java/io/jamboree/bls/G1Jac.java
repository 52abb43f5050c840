package io.jamboree.bls;

/**
 * Mutable BLS12-381 G1 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3) over {@link Fq}
 * Montgomery limbs, curve y^2 = x^3 + 4. Formulas: dbl-2009-l, madd-2007-bl, add-2007-bl
 * (Explicit-Formulas Database, a = 0). Each instance owns its scratch space, so operations
 * do not allocate. Not thread-safe.
 */
final class G1Jac {
    final long[] x = new long[6], y = new long[6], z = new long[6];
    private final long[] t0 = new long[6], t1 = new long[6], t2 = new long[6], t3 = new long[6],
            t4 = new long[6], t5 = new long[6], t6 = new long[6];

    G1Jac() { }

    boolean isInfinity() { return Fq.isZero(z); }

    void setInfinity() { Fq.setOne(x); Fq.setOne(y); Fq.setZero(z); }

    void set(G1Jac o) { Fq.copy(o.x, x); Fq.copy(o.y, y); Fq.copy(o.z, z); }

    void setAffine(long[] ax, long[] ay, boolean inf) {
        if (inf) { setInfinity(); return; }
        Fq.copy(ax, x); Fq.copy(ay, y); Fq.setOne(z);
    }

    void neg() { Fq.neg(y, y); }

    /** this = 2 * this. */
    void dbl() {
        if (isInfinity()) return;
        long[] a = t0, b = t1, c = t2, d = t3, e = t4, f = t5;
        Fq.square(x, a);
        Fq.square(y, b);
        Fq.square(b, c);
        Fq.add(x, b, d); Fq.square(d, d); Fq.sub(d, a, d); Fq.sub(d, c, d); Fq.add(d, d, d);
        Fq.add(a, a, e); Fq.add(e, a, e);
        Fq.square(e, f);
        // Z3 = 2*Y*Z (before Y is overwritten)
        Fq.mul(y, z, z); Fq.add(z, z, z);
        // X3 = F - 2D
        Fq.sub(f, d, x); Fq.sub(x, d, x);
        // Y3 = E*(D - X3) - 8C
        Fq.sub(d, x, t6); Fq.mul(e, t6, y);
        Fq.add(c, c, c); Fq.add(c, c, c); Fq.add(c, c, c);
        Fq.sub(y, c, y);
    }

    /** this += (ax, ay) affine (not infinity). */
    void addAffine(long[] ax, long[] ay) {
        if (isInfinity()) { Fq.copy(ax, x); Fq.copy(ay, y); Fq.setOne(z); return; }
        long[] z1z1 = t0, u2 = t1, s2 = t2, h = t3, hh = t4, i = t5, j = t6;
        Fq.square(z, z1z1);
        Fq.mul(ax, z1z1, u2);
        Fq.mul(ay, z, s2); Fq.mul(s2, z1z1, s2);
        Fq.sub(u2, x, h);
        Fq.sub(s2, y, s2); // s2 := S2 - Y1
        if (Fq.isZero(h)) {
            if (Fq.isZero(s2)) { dbl(); } else { setInfinity(); }
            return;
        }
        Fq.add(s2, s2, s2); // r
        Fq.square(h, hh);
        Fq.add(hh, hh, i); Fq.add(i, i, i);
        // Z3 = (Z1+H)^2 - Z1Z1 - HH
        Fq.add(z, h, z); Fq.square(z, z); Fq.sub(z, z1z1, z); Fq.sub(z, hh, z);
        Fq.mul(h, i, j);            // J
        Fq.mul(x, i, u2);           // V (u2 reused)
        // X3 = r^2 - J - 2V
        Fq.square(s2, x); Fq.sub(x, j, x); Fq.sub(x, u2, x); Fq.sub(x, u2, x);
        // Y3 = r(V - X3) - 2 Y1 J
        Fq.mul(y, j, j); Fq.add(j, j, j);
        Fq.sub(u2, x, u2); Fq.mul(s2, u2, y); Fq.sub(y, j, y);
    }

    /** this += o (Jacobian). */
    void add(G1Jac o) {
        if (o.isInfinity()) return;
        if (isInfinity()) { set(o); return; }
        long[] z1z1 = t0, z2z2 = t1, u1 = t2, u2 = t3, s1 = t4, s2 = t5, h = t6;
        Fq.square(z, z1z1);
        Fq.square(o.z, z2z2);
        Fq.mul(x, z2z2, u1);
        Fq.mul(o.x, z1z1, u2);
        Fq.mul(y, o.z, s1); Fq.mul(s1, z2z2, s1);
        Fq.mul(o.y, z, s2); Fq.mul(s2, z1z1, s2);
        Fq.sub(u2, u1, h);
        Fq.sub(s2, s1, s2);
        if (Fq.isZero(h)) {
            if (Fq.isZero(s2)) { dbl(); } else { setInfinity(); }
            return;
        }
        Fq.add(s2, s2, s2); // r
        // Z3 = ((Z1+Z2)^2 - Z1Z1 - Z2Z2) * H
        Fq.add(z, o.z, z); Fq.square(z, z); Fq.sub(z, z1z1, z); Fq.sub(z, z2z2, z); Fq.mul(z, h, z);
        long[] i = z1z1, j = z2z2;
        Fq.add(h, h, i); Fq.square(i, i);
        Fq.mul(h, i, j);
        Fq.mul(u1, i, u2); // V
        Fq.square(s2, x); Fq.sub(x, j, x); Fq.sub(x, u2, x); Fq.sub(x, u2, x);
        Fq.mul(s1, j, s1); Fq.add(s1, s1, s1);
        Fq.sub(u2, x, u2); Fq.mul(s2, u2, y); Fq.sub(y, s1, y);
    }

    /** Affine coordinates into ax, ay; returns false if infinity. */
    boolean toAffine(long[] ax, long[] ay) {
        if (isInfinity()) return false;
        long[] zi = t0, zi2 = t1;
        Fq.inverse(z, zi);
        Fq.square(zi, zi2);
        Fq.mul(x, zi2, ax);
        Fq.mul(zi2, zi, zi2);
        Fq.mul(y, zi2, ay);
        return true;
    }

    /** this = k * this for canonical little-endian scalar limbs k (double-and-add). */
    void mulScalar(long[] k) {
        G1Jac base = new G1Jac();
        base.set(this);
        setInfinity();
        int top = k.length * 64 - 1;
        while (top >= 0 && ((k[top >>> 6] >>> (top & 63)) & 1) == 0) top--;
        for (int i = top; i >= 0; i--) {
            dbl();
            if (((k[i >>> 6] >>> (i & 63)) & 1) != 0) add(base);
        }
    }

    /** this = k * (ax, ay) for an affine point (not infinity) and canonical little-endian limbs k (double-and-add, mixed additions). */
    void mulAffine(long[] ax, long[] ay, long[] k) {
        setInfinity();
        int top = k.length * 64 - 1;
        while (top >= 0 && ((k[top >>> 6] >>> (top & 63)) & 1) == 0) top--;
        for (int i = top; i >= 0; i--) {
            dbl();
            if (((k[i >>> 6] >>> (i & 63)) & 1) != 0) addAffine(ax, ay);
        }
    }

    /** this = k * this for canonical little-endian 4-limb scalar k (4-bit fixed window). */
    void mulScalarWindowed(long[] k) {
        G1Jac[] table = new G1Jac[16];
        table[1] = new G1Jac();
        table[1].set(this);
        for (int i = 2; i < 16; i++) {
            table[i] = new G1Jac();
            table[i].set(table[i - 1]);
            table[i].add(table[1]);
        }
        setInfinity();
        for (int w = 63; w >= 0; w--) {
            if (!isInfinity()) { dbl(); dbl(); dbl(); dbl(); }
            int digit = (int) ((k[w >>> 4] >>> ((w & 15) * 4)) & 15);
            if (digit != 0) add(table[digit]);
        }
    }
}
