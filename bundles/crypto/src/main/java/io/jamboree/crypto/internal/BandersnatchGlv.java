package io.jamboree.crypto.internal;

import java.math.BigInteger;

/**
 * GLV scalar multiplication on Bandersnatch (GP Appendix G; Masson-Sanso-Zhang 2021 §3): the curve has complex
 * multiplication by {@code sqrt(-2)}, an endomorphism psi of degree 2 that acts on the prime-order subgroup as
 * multiplication by {@link #LAMBDA} ({@code LAMBDA^2 = -2 mod r}). A 253-bit scalar k splits into k1 + k2 LAMBDA
 * with k1, k2 of about 127 bits (a short basis of the lattice {(a, b) : a + b LAMBDA = 0 mod r}), so
 * {@code k P + l Q} becomes a four-point multiplication over half as many doublings.
 * In affine coordinates psi(x, y) = (e1 x (y + e2)(y + e3) / y, f1 (y + f2)(y + f3) / ((y + g1)(y + g2)))
 * (coefficients from the curve's paper; checked at class initialisation against {@code LAMBDA * G}).
 * Only for points of the prime-order subgroup.
 */
public final class BandersnatchGlv {
    private static final MontField FQ = BandersnatchCurve.FQ;
    private static final Edwards CURVE = BandersnatchCurve.CURVE;
    private static final BigInteger R = BandersnatchCurve.R;

    /** The eigenvalue of psi on the prime-order subgroup. */
    public static final BigInteger LAMBDA =
            new BigInteger("8913659658109529928382530854484400854125314752504019737736543920008458395397");

    private static final long[] E1 = c("16179988757916560824577558193084210236647645729299773892093730683504906651604");
    private static final long[] E2 = c("37446463827641770816307242315180085052603635617490163568005256780843403514036");
    private static final long[] E3 = c("14989411347484419663140498193005880785086916883037474254598401919095177670477");
    private static final long[] F1 = c("37446463827641770816307242315180085052603635617490163568005256780843403514036");
    private static final long[] F2 = c("36553259151239542273674161596529768046449890757310263666255995151154432137034");
    private static final long[] F3 = c("15882616023886648205773578911656197791240661743217374156347663548784149047479");
    private static final long[] G1 = c("42910309089382041158038545419309140955400939872179826051492616687477682993077");
    private static final long[] G2 = c("9525566085744149321409195088876824882289612628347811771111042012460898191436");

    /** Short lattice basis (a1, b1), (a2, b2) with a + b LAMBDA = 0 mod r, and its determinant (positive). */
    private static final BigInteger A1, B1, A2, B2, DET;

    static {
        BigInteger[] basis = shortBasis(R, LAMBDA);
        BigInteger a1 = basis[0], b1 = basis[1], a2 = basis[2], b2 = basis[3];
        BigInteger det = a1.multiply(b2).subtract(a2.multiply(b1));
        if (det.signum() < 0) {            // swap the vectors so that the determinant is positive
            BigInteger t = a1; a1 = a2; a2 = t;
            t = b1; b1 = b2; b2 = t;
            det = det.negate();
        }
        A1 = a1; B1 = b1; A2 = a2; B2 = b2; DET = det;
        EdPoint psiG = psi(BandersnatchCurve.G);
        if (psiG == null || !CURVE.eq(psiG, CURVE.mul(BandersnatchCurve.G, MontField.limbs(LAMBDA)))) {
            throw new IllegalStateException("Bandersnatch endomorphism does not act as LAMBDA on G");
        }
    }

    private BandersnatchGlv() {}

    private static long[] c(String v) { return FQ.mont(new BigInteger(v)); }

    /**
     * A short basis of {(a, b) : a + b lambda = 0 mod n} by the extended Euclidean algorithm on (n, lambda)
     * (Gallant-Lambert-Vanstone 2001, §4): {a1, b1, a2, b2}.
     */
    static BigInteger[] shortBasis(BigInteger n, BigInteger lambda) {
        BigInteger sqrtN = n.sqrt();
        BigInteger rPrev = n, r = lambda, tPrev = BigInteger.ZERO, t = BigInteger.ONE;
        // r_i = s_i n + t_i lambda; stop at the first remainder below sqrt(n)
        while (r.compareTo(sqrtN) >= 0) {
            BigInteger q = rPrev.divide(r);
            BigInteger rNext = rPrev.subtract(q.multiply(r)), tNext = tPrev.subtract(q.multiply(t));
            rPrev = r; r = rNext;
            tPrev = t; t = tNext;
        }
        // (r_{m+1}, -t_{m+1}) with r_m = rPrev >= sqrt(n) > r_{m+1} = r, and the shorter of (r_m, -t_m), (r_{m+2}, -t_{m+2})
        BigInteger q = rPrev.divide(r);
        BigInteger rNext = rPrev.subtract(q.multiply(r)), tNext = tPrev.subtract(q.multiply(t));
        BigInteger a1 = r, b1 = t.negate();
        BigInteger n0 = rPrev.multiply(rPrev).add(tPrev.multiply(tPrev)), n2 = rNext.multiply(rNext).add(tNext.multiply(tNext));
        BigInteger a2, b2;
        if (n0.compareTo(n2) <= 0) {
            a2 = rPrev; b2 = tPrev.negate();
        } else {
            a2 = rNext; b2 = tNext.negate();
        }
        return new BigInteger[] {a1, b1, a2, b2};
    }

    /** Nearest integer to num / DET (DET > 0). */
    private static BigInteger roundDiv(BigInteger num) {
        BigInteger[] qr = num.shiftLeft(1).add(DET).divideAndRemainder(DET.shiftLeft(1));
        BigInteger q = qr[0];
        return qr[1].signum() < 0 ? q.subtract(BigInteger.ONE) : q;   // floor division
    }

    /** {k1, k2} with k = k1 + k2 LAMBDA mod r, both of about half the bit length of r (signed). */
    static BigInteger[] decompose(BigInteger k) {
        BigInteger c1 = roundDiv(k.multiply(B2)), c2 = roundDiv(k.multiply(B1).negate());
        BigInteger k1 = k.subtract(c1.multiply(A1)).subtract(c2.multiply(A2));
        BigInteger k2 = c1.multiply(B1).add(c2.multiply(B2)).negate();
        return new BigInteger[] {k1, k2};
    }

    /** psi(p) in extended coordinates; null at the formula's exceptional points (none in the prime-order subgroup). */
    static EdPoint psi(EdPoint p) {
        MontField f = FQ;
        long[] t1 = new long[4], t2 = new long[4], nx = new long[4], dx = new long[4], ny = new long[4], dy = new long[4];
        // x' = E1 X (Y + E2 Z)(Y + E3 Z) / (Z^2 Y)
        f.mul(E2, p.z, t1);
        f.add(p.y, t1, t1);
        f.mul(E3, p.z, t2);
        f.add(p.y, t2, t2);
        f.mul(t1, t2, nx);
        f.mul(nx, p.x, nx);
        f.mul(nx, E1, nx);
        f.sqr(p.z, dx);
        f.mul(dx, p.y, dx);
        // y' = F1 (Y + F2 Z)(Y + F3 Z) / ((Y + G1 Z)(Y + G2 Z))
        f.mul(F2, p.z, t1);
        f.add(p.y, t1, t1);
        f.mul(F3, p.z, t2);
        f.add(p.y, t2, t2);
        f.mul(t1, t2, ny);
        f.mul(ny, F1, ny);
        f.mul(G1, p.z, t1);
        f.add(p.y, t1, t1);
        f.mul(G2, p.z, t2);
        f.add(p.y, t2, t2);
        f.mul(t1, t2, dy);
        if (MontField.isZero(dx) || MontField.isZero(dy)) return null;
        EdPoint r = new EdPoint();
        f.mul(nx, dy, r.x);
        f.mul(ny, dx, r.y);
        f.mul(dx, dy, r.z);
        f.mul(nx, ny, r.t);
        return r;
    }

    /**
     * k * p + l * q for p, q in the prime-order subgroup and scalars as canonical little-endian limbs below r,
     * with half-length scalars on p, psi(p), q, psi(q).
     */
    public static EdPoint mul2(EdPoint p, long[] k, EdPoint q, long[] l) {
        EdPoint pp = psi(p), pq = psi(q);
        if (pp == null || pq == null) return CURVE.mul2(p, k, q, l);
        BigInteger[] kd = decompose(big(k)), ld = decompose(big(l));
        EdPoint[] pts = {p, pp, q, pq};
        BigInteger[] sc = {kd[0], kd[1], ld[0], ld[1]};
        EdPoint[][] tables = new EdPoint[4][];
        long[][] limbs = new long[4][];
        for (int i = 0; i < 4; i++) {
            EdPoint pt = sc[i].signum() < 0 ? CURVE.neg(pts[i]) : pts[i];
            tables[i] = CURVE.oddMultiples(pt);
            limbs[i] = MontField.limbs(sc[i].abs());
        }
        return CURVE.mulN(tables, limbs, 4);
    }

    private static BigInteger big(long[] limbs) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
        return v;
    }
}
