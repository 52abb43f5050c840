package io.jamboree.bls;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairingTest {
    // Zcash BLS12-381 spec: compressed encoding of the G2 generator.
    static final String G2_GEN_COMPRESSED = "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
            + "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8";

    @Test
    void g2Encoding() throws Exception {
        assertTrue(G2.GENERATOR.isOnCurve());
        assertTrue(G2.GENERATOR.isInSubgroup());
        assertEquals(G2_GEN_COMPRESSED, Vectors.hex(G2.GENERATOR.toCompressed()));
        assertEquals(G2.GENERATOR, G2.fromCompressed(Vectors.hex(G2_GEN_COMPRESSED)));
        Srs s = Srs.load(Vectors.srsFile(), 4);
        assertEquals(G2.GENERATOR, G2.fromUncompressed(s.g2Bytes(0)));
        G2 t = G2.fromUncompressed(s.g2Bytes(1));
        assertEquals(t, G2.fromCompressed(t.toCompressed()));
        G2 p = G2.GENERATOR.mul(BigInteger.valueOf(5));
        assertEquals(p, G2.GENERATOR.dbl().dbl().add(G2.GENERATOR));
        assertEquals(p, G2.fromUncompressed(p.toUncompressed()));
    }

    @Test
    void bilinearity() {
        Random rng = new Random(11);
        BigInteger a = new BigInteger(250, rng), b = new BigInteger(250, rng);
        Fq12 e = Pairing.pair(G1.GENERATOR, G2.GENERATOR);
        Fq12 m = Pairing.millerLoop(G1.GENERATOR.mul(a), G2.GENERATOR);
        assertEquals(Pairing.finalExponentiationSlow(m), Pairing.finalExponentiation(m));
        assertEquals(m.pow(Fq.P), m.frobenius(1));
        assertEquals(m.mul(m), m.square());
        assertEquals(m.pow(Fq.P.multiply(Fq.P)), m.frobenius(2));
        assertFalse(e.isOne());
        assertTrue(e.pow(Fr.P).isOne());
        Fq12 eab = Pairing.pair(G1.GENERATOR.mul(a), G2.GENERATOR.mul(b));
        assertEquals(e.pow(a.multiply(b)), eab);
        assertEquals(eab, Pairing.pair(G1.GENERATOR.mul(a.multiply(b).mod(Fr.P)), G2.GENERATOR));
        assertTrue(Pairing.productIsOne(new G1[] {G1.GENERATOR.mul(a), G1.GENERATOR.neg()},
                new G2[] {G2.GENERATOR, G2.GENERATOR.mul(a)}));
        assertFalse(Pairing.productIsOne(new G1[] {G1.GENERATOR.mul(a), G1.GENERATOR.neg()},
                new G2[] {G2.GENERATOR, G2.GENERATOR.mul(b)}));
    }

    @Test
    void kzgOpenVerify() throws Exception {
        Kzg kzg = new Kzg(Srs.load(Vectors.srsFile(), 64));
        // the SRS pairs consistently: e([tau]G1, G2) == e(G1, [tau]G2)
        Srs s = Srs.load(Vectors.srsFile(), 2);
        assertTrue(Pairing.productIsOne(new G1[] {s.g1(1), G1.GENERATOR.neg()}, new G2[] {G2.GENERATOR, kzg.tauG2()}));
        Random rng = new Random(4);
        Fr[] f = new Fr[40];
        for (int i = 0; i < f.length; i++) f[i] = Fr.fromBigInteger(new BigInteger(256, rng));
        G1 c = kzg.commit(f);
        Fr z = Fr.fromBigInteger(new BigInteger(256, rng));
        Fr y = Kzg.evaluate(f, z);
        G1 pi = kzg.open(f, z);
        assertTrue(kzg.verify(c, z, y, pi));
        assertFalse(kzg.verify(c, z, y.add(Fr.ONE), pi));
    }

    @Test
    void preparedMultiMillerLoopMatchesSeparateLoops() {
        Random rng = new Random(5);
        G1 p1 = G1.GENERATOR.mul(new BigInteger(250, rng)), p2 = G1.GENERATOR.mul(new BigInteger(250, rng));
        G2 q1 = G2.GENERATOR.mul(new BigInteger(250, rng)), q2 = G2.GENERATOR;
        Pairing.Prepared[] qs = {Pairing.prepare(q1), Pairing.prepare(q2)};
        Fq12 separate = Pairing.millerLoop(p1, q1).mul(Pairing.millerLoop(p2, q2));
        assertEquals(Pairing.finalExponentiation(separate),
                Pairing.finalExponentiation(Pairing.millerLoop(new G1[] {p1, p2}, qs)));
        // e(aG1, bG2) * e(-abG1, G2) == 1
        BigInteger a = new BigInteger(200, rng), b = new BigInteger(200, rng);
        G1[] ps = {G1.GENERATOR.mul(a), G1.GENERATOR.mul(a.multiply(b)).neg()};
        Pairing.Prepared[] pq = {Pairing.prepare(G2.GENERATOR.mul(b)), Pairing.prepare(G2.GENERATOR)};
        assertTrue(Pairing.productIsOne(ps, pq));
        ps[1] = ps[1].add(G1.GENERATOR);
        assertFalse(Pairing.productIsOne(ps, pq));
    }

    @Test
    void cyclotomicSquareAgreesInTheCyclotomicSubgroup() {
        Fq12 f = Pairing.millerLoop(G1.GENERATOR.mul(BigInteger.valueOf(123456789)), G2.GENERATOR);
        Fq12 f1 = f.conjugate().mul(f.inverse());
        Fq12 m = f1.frobenius(2).mul(f1);
        for (int i = 0; i < 3; i++) {
            assertEquals(m.square(), m.cyclotomicSquare());
            m = m.mul(m.frobenius(1));
        }
    }

    private static Fq12 randomFq12(Random rng) {
        Fq2[] c = new Fq2[6];
        for (int j = 0; j < 6; j++) {
            c[j] = new Fq2(Fq.fromBigInteger(new BigInteger(380, rng)), Fq.fromBigInteger(new BigInteger(380, rng)));
        }
        return new Fq12(new Fq6(c[0], c[1], c[2]), new Fq6(c[3], c[4], c[5]));
    }

    @Test
    void limbTowerMatchesImmutableTower() {
        Random rng = new Random(19);
        Fq12Work w = new Fq12Work();
        for (int round = 0; round < 5; round++) {
            Fq12 a = randomFq12(rng), b = randomFq12(rng);
            long[][] la = Fq12Work.of(a), lb = Fq12Work.of(b), o = Fq12Work.newElement();
            w.mul(la, lb, o);
            assertEquals(a.mul(b), Fq12Work.toFq12(o));
            w.square(la, o);
            assertEquals(a.square(), Fq12Work.toFq12(o));
            w.frobenius(la, 1, o);
            assertEquals(a.frobenius(1), Fq12Work.toFq12(o));
            w.frobenius(la, 2, o);
            assertEquals(a.frobenius(2), Fq12Work.toFq12(o));
            Fq12Work.inverse(la, o);
            assertEquals(a.inverse(), Fq12Work.toFq12(o));
            // in place
            w.mul(la, lb, la);
            assertEquals(a.mul(b), Fq12Work.toFq12(la));
            // a cyclotomic element: a^((q^6 - 1)(q^2 + 1))
            Fq12 f1 = a.conjugate().mul(a.inverse());
            Fq12 m = f1.frobenius(2).mul(f1);
            long[][] lm = Fq12Work.of(m);
            w.cyclotomicSquare(lm, lm);
            assertEquals(m.square(), Fq12Work.toFq12(lm));
        }
    }
}
