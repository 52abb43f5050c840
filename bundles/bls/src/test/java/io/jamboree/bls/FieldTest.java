package io.jamboree.bls;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldTest {
    private static final BigInteger R = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
    private static final BigInteger Q = new BigInteger("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);

    private static BigInteger rnd(Random rng, BigInteger p) {
        int k = rng.nextInt(8);
        if (k == 0) return p.subtract(BigInteger.valueOf(rng.nextInt(3) + 1));
        if (k == 1) return BigInteger.valueOf(rng.nextInt(3));
        return new BigInteger(p.bitLength() + 8, rng).mod(p);
    }

    @Test
    void frMatchesBigInteger() {
        Random rng = new Random(1);
        for (int it = 0; it < 3000; it++) {
            BigInteger a = rnd(rng, R), b = rnd(rng, R);
            Fr x = Fr.fromBigInteger(a), y = Fr.fromBigInteger(b);
            assertEquals(a, x.toBigInteger());
            assertEquals(a.add(b).mod(R), x.add(y).toBigInteger());
            assertEquals(a.subtract(b).mod(R), x.sub(y).toBigInteger());
            assertEquals(a.multiply(b).mod(R), x.mul(y).toBigInteger());
            assertEquals(a.multiply(a).mod(R), x.square().toBigInteger());
            assertEquals(a.negate().mod(R), x.neg().toBigInteger());
            if (a.signum() != 0 && it < 300) {
                assertEquals(a.modInverse(R), x.inverse().toBigInteger());
                long[] f = new long[4];
                Fr.inverseFermat(x.montLimbs(), f);
                assertEquals(a.modInverse(R), Fr.bigOf(f));
                int leg = a.modPow(R.shiftRight(1), R).equals(BigInteger.ONE) ? 1 : -1;
                assertEquals(leg, x.legendre());
                Fr s = x.sqrt();
                if (leg == 1) assertEquals(x, s.square()); else assertNull(s);
            }
            byte[] le = x.toBytesLE();
            assertEquals(x, Fr.fromBytesLE(le));
            byte[] be = a.toByteArray();
            for (int i = 0; i < 32; i++) assertEquals(i < be.length ? be[be.length - 1 - i] : (a.signum() < 0 ? -1 : 0), le[i]);
        }
        byte[] r = new byte[32];
        byte[] rb = R.toByteArray();
        for (int i = 0; i < 32; i++) r[i] = rb[rb.length - 1 - i];
        assertThrows(IllegalArgumentException.class, () -> Fr.fromBytesLE(r));
        Fr w = Fr.rootOfUnity(32);
        assertTrue(w.pow(BigInteger.ONE.shiftLeft(32)).isOne());
        assertFalse(w.pow(BigInteger.ONE.shiftLeft(31)).isOne());
        assertEquals(Fr.ONE, Fr.of(1));
        assertTrue(Fr.ZERO.isZero());
        assertEquals(R.subtract(BigInteger.ONE), Fr.of(-1).toBigInteger());
    }

    @Test
    void fqMatchesBigInteger() {
        Random rng = new Random(2);
        for (int it = 0; it < 3000; it++) {
            BigInteger a = rnd(rng, Q), b = rnd(rng, Q);
            Fq x = Fq.fromBigInteger(a), y = Fq.fromBigInteger(b);
            assertEquals(a, x.toBigInteger());
            assertEquals(a.add(b).mod(Q), x.add(y).toBigInteger());
            assertEquals(a.subtract(b).mod(Q), x.sub(y).toBigInteger());
            assertEquals(a.multiply(b).mod(Q), x.mul(y).toBigInteger());
            assertEquals(a.negate().mod(Q), x.neg().toBigInteger());
            if (a.signum() != 0 && it < 300) {
                assertEquals(a.modInverse(Q), x.inverse().toBigInteger());
                Fq s = x.sqrt();
                int leg = a.modPow(Q.shiftRight(1), Q).equals(BigInteger.ONE) ? 1 : -1;
                assertEquals(leg, x.legendre());
                if (leg == 1) assertEquals(x, s.square()); else assertNull(s);
            }
            assertEquals(x, Fq.fromBytesBE(x.toBytesBE()));
        }
    }

    @Test
    void windowedPowMatchesBigInteger() {
        Random rng = new Random(23);
        for (int bits : new int[] {0, 1, 5, 63, 64, 65, 127, 200, 254, 255, 381}) {
            for (int it = 0; it < 20; it++) {
                BigInteger e = bits == 0 ? BigInteger.ZERO : new BigInteger(bits, rng).setBit(bits - 1);
                BigInteger a = rnd(rng, Q), b = rnd(rng, R);
                assertEquals(a.modPow(e, Q), Fq.fromBigInteger(a).pow(e).toBigInteger(), "q, " + bits + " bits");
                if (bits <= 255) assertEquals(b.modPow(e, R), Fr.fromBigInteger(b).pow(e).toBigInteger(), "r, " + bits + " bits");
            }
        }
    }
}
