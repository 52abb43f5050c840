package io.jamboree.bls;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class G1Test {
    // Zcash BLS12-381 spec: compressed encoding of the G1 generator.
    static final String G1_GEN_COMPRESSED = "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb";

    @Test
    void generatorEncoding() {
        assertEquals(G1_GEN_COMPRESSED, Vectors.hex(G1.GENERATOR.toCompressed()));
        assertEquals(G1.GENERATOR, G1.fromCompressed(Vectors.hex(G1_GEN_COMPRESSED)));
        assertTrue(G1.GENERATOR.isOnCurve());
        assertTrue(G1.GENERATOR.isInSubgroup());
        assertEquals("c0" + "00".repeat(47), Vectors.hex(G1.INFINITY.toCompressed()));
        assertTrue(G1.fromCompressed(G1.INFINITY.toCompressed()).isInfinity());
    }

    @Test
    void groupLaws() {
        G1 g = G1.GENERATOR;
        assertEquals(g.dbl(), g.add(g));
        assertEquals(g.mul(BigInteger.valueOf(3)), g.dbl().add(g));
        assertTrue(g.mul(G1.ORDER).isInfinity());
        assertTrue(g.add(g.neg()).isInfinity());
        Random rng = new Random(5);
        for (int i = 0; i < 5; i++) {
            BigInteger a = new BigInteger(255, rng), b = new BigInteger(255, rng);
            G1 pa = g.mul(a), pb = g.mul(b);
            assertEquals(g.mul(a.add(b)), pa.add(pb));
            assertEquals(pa, G1.fromCompressed(pa.toCompressed()));
            assertEquals(pa, G1.fromUncompressed(pa.toUncompressed()));
        }
    }

    @Test
    void msmMatchesNaive() {
        Random rng = new Random(9);
        for (int n : new int[] {1, 7, 40, 300}) {
            G1[] bases = new G1[n];
            Fr[] ks = new Fr[n];
            G1 expect = G1.INFINITY;
            G1 p = G1.GENERATOR.mul(BigInteger.valueOf(12345));
            for (int i = 0; i < n; i++) {
                bases[i] = p;
                p = p.add(G1.GENERATOR.mul(BigInteger.valueOf(i + 7)));
                ks[i] = Fr.fromBigInteger(new BigInteger(256, rng));
                if (i % 11 == 3) ks[i] = Fr.ZERO;
                expect = expect.add(bases[i].mul(ks[i]));
            }
            assertEquals(expect, Msm.g1(bases, ks));
        }
    }

    @Test
    void strausMatchesNaiveOnEdgeCases() {
        Random rng = new Random(21);
        G1 p = G1.GENERATOR.mul(BigInteger.valueOf(777));
        G1 q = G1.GENERATOR.mul(new BigInteger(250, rng));
        BigInteger rMinus1 = Fr.P.subtract(BigInteger.ONE);
        G1[] bases = {p, q, G1.INFINITY, p, q, p.neg(), G1.GENERATOR, G1.GENERATOR, q};
        BigInteger[] ks = {BigInteger.ONE, BigInteger.valueOf(15), BigInteger.valueOf(12345), BigInteger.valueOf(16),
            rMinus1, BigInteger.valueOf(17), BigInteger.TWO.pow(254).add(BigInteger.valueOf(31)), BigInteger.ZERO,
            new BigInteger(255, rng).mod(Fr.P)};
        for (int n = 1; n <= bases.length; n++) {
            G1 expect = G1.INFINITY;
            Fr[] fs = new Fr[n];
            for (int i = 0; i < n; i++) {
                fs[i] = Fr.fromBigInteger(ks[i]);
                expect = expect.add(bases[i].mul(fs[i]));
            }
            assertEquals(expect, Msm.g1(java.util.Arrays.copyOf(bases, n), fs), "n = " + n);
        }
        // p + (r - 1) p = infinity, and p + p (a doubling inside the accumulator)
        assertEquals(G1.INFINITY, Msm.g1(new G1[] {p, p}, new Fr[] {Fr.ONE, Fr.fromBigInteger(rMinus1)}));
        assertEquals(p.dbl(), Msm.g1(new G1[] {p, p}, new Fr[] {Fr.ONE, Fr.ONE}));
        // wNAF digits reconstruct the scalar
        for (int t = 0; t < 20; t++) {
            BigInteger k = new BigInteger(255, rng);
            int[] d = Msm.wnaf(Fr.limbsOf(k));
            BigInteger back = BigInteger.ZERO;
            for (int i = d.length - 1; i >= 0; i--) back = back.shiftLeft(1).add(BigInteger.valueOf(d[i]));
            assertEquals(k, back);
        }
    }

    @Test
    void fftRoundTrip() {
        Domain d = new Domain(4);
        Random rng = new Random(3);
        long[][] a = new long[16][];
        Fr[] coeffs = new Fr[16];
        for (int i = 0; i < 16; i++) { coeffs[i] = Fr.fromBigInteger(new BigInteger(256, rng)); a[i] = coeffs[i].montLimbs(); }
        d.fft(a);
        for (int i = 0; i < 16; i++) {
            Fr x = d.element(i), acc = Fr.ZERO;
            for (int j = 15; j >= 0; j--) acc = acc.mul(x).add(coeffs[j]);
            assertEquals(acc, Fr.ofMontLimbs(a[i]));
        }
        d.ifft(a);
        for (int i = 0; i < 16; i++) assertEquals(coeffs[i], Fr.ofMontLimbs(a[i]));
        assertEquals(BigInteger.valueOf(7).modPow(Fr.P.subtract(BigInteger.ONE).shiftRight(4), Fr.P), d.omega().toBigInteger());
    }

    @Test
    void srsStartsWithGenerator() throws Exception {
        Srs s = Srs.load(Vectors.srsFile(), 2048);
        assertEquals(2048, s.g1Size());
        assertEquals(G1.GENERATOR, s.g1(0));
        assertTrue(s.g1(1).isInSubgroup());
    }

    @Test
    void fastSubgroupCheckAgreesWithMultiplicationByR() {
        Random rng = new Random(21);
        int outside = 0;
        for (int i = 0; i < 40; i++) {
            G1 p = G1.GENERATOR.mul(new BigInteger(255, rng));
            assertTrue(p.isInSubgroup());
            assertTrue(p.isInSubgroupSlow());
            // a curve point with random x: almost never in the subgroup (cofactor ~2^126)
            Fq x = Fq.fromBigInteger(new BigInteger(380, rng).mod(Fq.P));
            Fq y = x.square().mul(x).add(Fq.fromBigInteger(BigInteger.valueOf(4))).sqrt();
            if (y == null) continue;
            G1 q = G1.of(x, y);
            assertEquals(q.isInSubgroupSlow(), q.isInSubgroup());
            if (!q.isInSubgroupSlow()) outside++;
            // its cofactor-cleared multiple is in the subgroup
            G1 c = q.mul(new BigInteger("396c8c005555e1568c00aaab0000aaab", 16));
            assertTrue(c.isInSubgroupSlow());
            assertTrue(c.isInSubgroup());
        }
        assertTrue(outside > 5, "too few non-subgroup points tried");
    }

    @Test
    void batchAffineMsmMatchesJacobianBuckets() {
        Random rng = new Random(17);
        for (int n : new int[] {256, 700, 2100}) {
            G1[] bases = new G1[n];
            Fr[] ks = new Fr[n];
            G1 p = G1.GENERATOR.mul(BigInteger.valueOf(99));
            for (int i = 0; i < n; i++) {
                bases[i] = p;
                p = p.add(G1.GENERATOR.mul(BigInteger.valueOf(i + 3)));
                ks[i] = Fr.fromBigInteger(new BigInteger(256, rng));
            }
            // collisions inside buckets: repeated points (doubling), opposite points (identity), zeros, infinity, small scalars
            for (int i = 0; i < 40; i++) {
                bases[i + 40] = bases[i];
                ks[i + 40] = ks[i];
                bases[i + 80] = bases[i].neg();
                ks[i + 80] = ks[i];
                ks[i + 120] = Fr.ZERO;
                ks[i + 160] = Fr.of(i + 1);
            }
            bases[200] = G1.INFINITY;
            G1 fast = Msm.g1(bases, ks);
            int saved = Msm.batchAffineMin;
            Msm.batchAffineMin = Integer.MAX_VALUE;
            try {
                assertEquals(Msm.g1(bases, ks), fast, "n = " + n);
            } finally {
                Msm.batchAffineMin = saved;
            }
        }
    }
}
