package io.jamboree.crypto.internal;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limb arithmetic checked against java.math.BigInteger for all four moduli in use. */
class MontFieldTest {
    private static final BigInteger[] MODULI = {
        BandersnatchCurve.P, BandersnatchCurve.R,
        BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19)),
        BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493")),
    };

    @Test
    void arithmeticMatchesBigInteger() {
        Random rnd = new Random(42);
        for (BigInteger p : MODULI) {
            MontField f = new MontField(p);
            BigInteger[] edge = {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p.subtract(BigInteger.TWO), p.shiftRight(1)};
            for (int i = 0; i < 2000; i++) {
                BigInteger a = i < edge.length ? edge[i] : new BigInteger(p.bitLength() + 8, rnd).mod(p);
                BigInteger b = i < edge.length ? edge[edge.length - 1 - i] : new BigInteger(p.bitLength() + 8, rnd).mod(p);
                long[] am = f.mont(a), bm = f.mont(b), out = new long[4];
                f.mul(am, bm, out);
                assertEquals(a.multiply(b).mod(p), f.big(out));
                f.add(am, bm, out);
                assertEquals(a.add(b).mod(p), f.big(out));
                f.sqr(am, out);
                assertEquals(a.multiply(a).mod(p), f.big(out));
                long[] raw = MontField.limbs(new BigInteger(256, rnd));
                f.mul(raw, bm, out);   // mul tolerates one operand up to 2^256 if the other is below p
                BigInteger rawV = new BigInteger(1, toBe(raw));
                assertEquals(rawV.multiply(b).mod(p), new BigInteger(1, toBe(out)));
                f.sub(am, bm, out);
                assertEquals(a.subtract(b).mod(p), f.big(out));
                f.neg(am, out);
                assertEquals(a.negate().mod(p), f.big(out));
                if (i % 20 == 0) {
                    f.inv(am, out);
                    assertEquals(a.signum() == 0 ? BigInteger.ZERO : a.modInverse(p), f.big(out));
                    boolean isSquare = a.signum() == 0 || a.modPow(p.shiftRight(1), p).equals(BigInteger.ONE);
                    assertEquals(isSquare, f.sqrt(am, out));
                    if (isSquare) assertEquals(a, f.big(out).pow(2).mod(p));
                    assertEquals(isSquare, f.sqrtTonelliShanks(am, out));
                    if (isSquare) assertEquals(a, f.big(out).pow(2).mod(p));
                    assertEquals(a.testBit(0), f.isOdd(am));
                    assertEquals(a.compareTo(p.shiftRight(1)) > 0, f.isLexLargest(am));
                }
            }
            byte[] wide = new byte[64];
            rnd.nextBytes(wide);
            byte[] be = wide.clone();
            assertEquals(new BigInteger(1, be).mod(p), f.big(f.fromBytesBEModOrder(be, 0, 64)));
            byte[] rev = new byte[64];
            for (int i = 0; i < 64; i++) rev[i] = wide[63 - i];
            assertEquals(new BigInteger(1, be).mod(p), f.big(f.fromBytesLEModOrder(rev, 0, 64)));
            assertEquals(new BigInteger(1, java.util.Arrays.copyOf(be, 48)).mod(p), f.big(f.fromBytesBEModOrder(be, 0, 48)));
            byte[] pLe = new byte[32];
            byte[] pBe = p.toByteArray();
            for (int i = 0; i < 32 && i < pBe.length; i++) pLe[i] = pBe[pBe.length - 1 - i];
            assertFalse(f.fromBytesLE(pLe, 0, new long[4]), "p itself is not canonical");
            pLe[0]--;
            assertTrue(f.fromBytesLE(pLe, 0, new long[4]));
        }
    }

    private static byte[] toBe(long[] l) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) b[31 - i] = (byte) (l[i >>> 3] >>> ((i & 7) * 8));
        return b;
    }

    @Test
    void wnafScalarMultiplicationMatchesDoubleAndAdd() {
        Edwards c = BandersnatchCurve.CURVE;
        Random rnd = new Random(7);
        for (int i = 0; i < 20; i++) {
            BigInteger k = new BigInteger(253, rnd);
            EdPoint fast = c.mul(BandersnatchCurve.G, MontField.limbs(k));
            EdPoint slow = c.identity();
            for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
                slow = c.dbl(slow);
                if (k.testBit(bit)) slow = c.add(slow, BandersnatchCurve.G);
            }
            assertTrue(c.eq(fast, slow));
        }
    }
}
