package io.jamboree.crypto.internal;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pieces of the fast Bandersnatch verification checked against independent references: the
 * binary Jacobi symbol against Euler's criterion (BigInteger.modPow), the fixed-base table against
 * the width-5 NAF multiplication, the non-square square root against BigInteger squaring.
 */
class FastVerificationPiecesTest {
    private static final MontField FQ = BandersnatchCurve.FQ;
    private static final Edwards CURVE = BandersnatchCurve.CURVE;

    @Test
    void legendreMatchesEulersCriterion() {
        Random rnd = new Random(7);
        for (BigInteger p : new BigInteger[] {BandersnatchCurve.P, BandersnatchCurve.R,
                BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19))}) {
            MontField f = new MontField(p);
            BigInteger half = p.subtract(BigInteger.ONE).shiftRight(1);
            int squares = 0;
            for (int i = 0; i < 3000; i++) {
                BigInteger a = i < 3 ? BigInteger.valueOf(i) : i == 3 ? p.subtract(BigInteger.ONE)
                        : i < 40 ? BigInteger.ONE.shiftLeft(i * 5).mod(p)   // long runs of zero limbs
                        : new BigInteger(p.bitLength() + 8, rnd).mod(p);
                BigInteger e = a.modPow(half, p);
                int expected = a.signum() == 0 ? 0 : e.equals(BigInteger.ONE) ? 1 : -1;
                assertEquals(expected, f.legendre(f.mont(a)), () -> "legendre of " + a + " mod " + p);
                assertEquals(expected, f.legendreEuler(f.mont(a)));
                if (expected == 1) squares++;
            }
            assertTrue(squares > 1000 && squares < 2000, "about half are squares: " + squares);
        }
    }

    @Test
    void sqrtOrTimesNonSquare() {
        long[] z = FQ.mont(BigInteger.valueOf(5));
        long[][] zp = FQ.nonSquarePowers(z);
        BigInteger p = BandersnatchCurve.P;
        Random rnd = new Random(11);
        int nonSquares = 0;
        for (int i = 0; i < 500; i++) {
            BigInteger a = new BigInteger(300, rnd).mod(p);
            if (a.signum() == 0) continue;
            long[] out = new long[4];
            boolean square = FQ.sqrtOrTimesNonSquare(FQ.mont(a), zp[0], zp[1], out);
            BigInteger r = FQ.big(out), r2 = r.multiply(r).mod(p);
            if (square) {
                assertEquals(a, r2);
            } else {
                nonSquares++;
                assertEquals(a.multiply(BigInteger.valueOf(5)).mod(p), r2);
                assertFalse(FQ.sqrt(FQ.mont(a), new long[4]));
            }
        }
        assertTrue(nonSquares > 100, "both branches exercised: " + nonSquares);
    }

    @Test
    void fixedBaseTableMatchesNafMultiplication() {
        Random rnd = new Random(3);
        EdPoint p = CURVE.mul(BandersnatchCurve.G, MontField.limbs(BigInteger.valueOf(987654321)));
        FixedBaseTable table = FixedBaseTable.of(CURVE, p);
        BigInteger r = BandersnatchCurve.R;
        BigInteger[] edge = {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(8), BigInteger.valueOf(15),
            r.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(252), BigInteger.ONE.shiftLeft(254).subtract(BigInteger.ONE)};
        for (int i = 0; i < 60; i++) {
            BigInteger k = i < edge.length ? edge[i] : new BigInteger(253, rnd);
            long[] limbs = MontField.limbs(k);
            EdPoint expected = CURVE.mul(p, limbs);
            assertTrue(CURVE.eq(expected, table.mul(limbs)), () -> "k = " + k);
            EdPoint acc = CURVE.dbl(BandersnatchCurve.G);
            table.mulAdd(limbs, acc);
            assertTrue(CURVE.eq(CURVE.add(expected, CURVE.dbl(BandersnatchCurve.G)), acc));
        }
    }

    @Test
    void glvMatchesPlainDoubleScalarMultiplication() {
        BigInteger r = BandersnatchCurve.R;
        BigInteger lambda = BandersnatchGlv.LAMBDA;
        assertEquals(BigInteger.ZERO, lambda.multiply(lambda).add(BigInteger.TWO).mod(r));
        Random rnd = new Random(5);
        EdPoint p = CURVE.mul(BandersnatchCurve.G, MontField.limbs(BigInteger.valueOf(31337)));
        EdPoint q = BandersnatchCurve.hashToCurve(new byte[] {1, 2, 3}, new byte[] {4});
        // psi acts as lambda on points other than G too
        assertTrue(CURVE.eq(BandersnatchGlv.psi(q), CURVE.mul(q, MontField.limbs(lambda))));
        BigInteger[] edge = {BigInteger.ZERO, BigInteger.ONE, r.subtract(BigInteger.ONE), lambda, r.subtract(lambda)};
        for (int i = 0; i < 60; i++) {
            BigInteger k = i < edge.length ? edge[i] : new BigInteger(260, rnd).mod(r);
            BigInteger l = i < edge.length ? edge[edge.length - 1 - i] : new BigInteger(260, rnd).mod(r);
            BigInteger[] d = BandersnatchGlv.decompose(k);
            assertEquals(k.mod(r), d[0].add(d[1].multiply(lambda)).mod(r));
            assertTrue(d[0].bitLength() <= 128 && d[1].bitLength() <= 128, () -> "short: " + d[0] + ", " + d[1]);
            EdPoint expected = CURVE.mul2(p, MontField.limbs(k), q, MontField.limbs(l));
            assertTrue(CURVE.eq(expected, BandersnatchGlv.mul2(p, MontField.limbs(k), q, MontField.limbs(l))), () -> "k = " + k);
        }
    }
}
