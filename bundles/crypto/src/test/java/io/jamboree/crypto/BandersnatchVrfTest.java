package io.jamboree.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.jamboree.crypto.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bandersnatch-vrf-spec 0.1 vectors (ark-vrf), suite Bandersnatch_SHA-512_ELL2. */
class BandersnatchVrfTest {
    private static final String DIR = "bandersnatch-vrf-0.1/assets/vectors/";

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] r = new byte[n];
        int o = 0;
        for (byte[] p : parts) { System.arraycopy(p, 0, r, o, p.length); o += p.length; }
        return r;
    }

    private static void commonChecks(JsonNode v, String name) {
        byte[] sk = hex(v.get("sk").asText());
        assertArrayEquals(hex(v.get("pk").asText()), Bandersnatch.publicKey(sk), name + " pk");
        assertTrue(Bandersnatch.isValidPublicKey(hex(v.get("pk").asText())), name + " pk valid");
        assertArrayEquals(hex(v.get("h").asText()), BandersnatchVrf.inputPoint(hex(v.get("alpha").asText())), name + " h");
        byte[] beta = hex(v.get("beta").asText());
        assertArrayEquals(beta, BandersnatchVrf.outputHash(hex(v.get("gamma").asText())), name + " beta");
        byte[] y = new byte[32];
        System.arraycopy(beta, 0, y, 0, 32);
        assertArrayEquals(y, BandersnatchVrf.vrfOutput(hex(v.get("gamma").asText())), name + " Y");
    }

    @Test
    void ietfVectors() throws Exception {
        JsonNode vs = TestVectors.json(DIR + "bandersnatch_sha-512_ell2_ietf.json");
        assertEquals(7, vs.size());
        int passed = 0;
        for (JsonNode v : vs) {
            String name = v.get("comment").asText();
            commonChecks(v, name);
            byte[] sk = hex(v.get("sk").asText()), pk = hex(v.get("pk").asText());
            byte[] alpha = hex(v.get("alpha").asText()), ad = hex(v.get("ad").asText());
            byte[] expected = concat(hex(v.get("gamma").asText()), hex(v.get("proof_c").asText()), hex(v.get("proof_s").asText()));
            assertArrayEquals(expected, BandersnatchVrf.ietfProve(sk, alpha, ad), name + " prove");
            assertTrue(BandersnatchVrf.ietfVerify(pk, alpha, ad, expected), name + " verify");
            // tampering
            assertFalse(BandersnatchVrf.ietfVerify(pk, concat(alpha, new byte[] {1}), ad, expected), name + " other input");
            assertFalse(BandersnatchVrf.ietfVerify(pk, alpha, concat(ad, new byte[] {1}), expected), name + " other ad");
            for (int i : new int[] {0, 33, 70, 95}) {
                byte[] bad = expected.clone();
                bad[i] ^= 2;
                assertFalse(BandersnatchVrf.ietfVerify(pk, alpha, ad, bad), name + " flip " + i);
            }
            byte[] otherPk = Bandersnatch.publicKey(Bandersnatch.secretFromSeed(new byte[] {7}));
            assertFalse(BandersnatchVrf.ietfVerify(otherPk, alpha, ad, expected), name + " other key");
            passed++;
        }
        assertEquals(7, passed);
    }

    @Test
    void pedersenVectors() throws Exception {
        JsonNode vs = TestVectors.json(DIR + "bandersnatch_sha-512_ell2_pedersen.json");
        assertEquals(7, vs.size());
        int passed = 0;
        for (JsonNode v : vs) {
            String name = v.get("comment").asText();
            commonChecks(v, name);
            byte[] sk = hex(v.get("sk").asText()), blinding = hex(v.get("blinding").asText());
            byte[] alpha = hex(v.get("alpha").asText()), ad = hex(v.get("ad").asText());
            byte[] expected = concat(hex(v.get("gamma").asText()), hex(v.get("proof_pk_com").asText()), hex(v.get("proof_r").asText()),
                    hex(v.get("proof_ok").asText()), hex(v.get("proof_s").asText()), hex(v.get("proof_sb").asText()));
            assertArrayEquals(expected, BandersnatchVrf.pedersenProve(sk, blinding, alpha, ad), name + " prove");
            assertArrayEquals(blinding, BandersnatchVrf.pedersenBlinding(sk, alpha, ad), name + " derived blinding");
            assertArrayEquals(expected, BandersnatchVrf.pedersenProve(sk, alpha, ad), name + " prove, derived blinding");
            assertTrue(BandersnatchVrf.pedersenVerify(alpha, ad, expected), name + " verify");
            assertArrayEquals(hex(v.get("proof_pk_com").asText()), BandersnatchVrf.keyCommitment(expected));
            assertFalse(BandersnatchVrf.pedersenVerify(concat(alpha, new byte[] {1}), ad, expected), name + " other input");
            assertFalse(BandersnatchVrf.pedersenVerify(alpha, concat(ad, new byte[] {1}), expected), name + " other ad");
            for (int i : new int[] {0, 40, 70, 100, 130, 170}) {
                byte[] bad = expected.clone();
                bad[i] ^= 2;
                assertFalse(BandersnatchVrf.pedersenVerify(alpha, ad, bad), name + " flip " + i);
            }
            passed++;
        }
        assertEquals(7, passed);
    }

    /** The Pedersen part of each ring vector (first 192 bytes) verifies too. */
    @Test
    void ringVectorsPedersenPart() throws Exception {
        JsonNode vs = TestVectors.json(DIR + "bandersnatch_sha-512_ell2_ring.json");
        for (JsonNode v : vs) {
            byte[] sig = concat(hex(v.get("gamma").asText()), hex(v.get("proof_pk_com").asText()), hex(v.get("proof_r").asText()),
                    hex(v.get("proof_ok").asText()), hex(v.get("proof_s").asText()), hex(v.get("proof_sb").asText()));
            assertTrue(BandersnatchVrf.pedersenVerify(hex(v.get("alpha").asText()), hex(v.get("ad").asText()), sig), v.get("comment").asText());
        }
    }

    @Test
    void invalidPublicKeysRejected() {
        // P + (0,-1) = (-x, -y) is on the curve but outside the prime-order subgroup
        byte[] pk = Bandersnatch.publicKey(Bandersnatch.secretFromSeed(new byte[] {1}));
        assertTrue(Bandersnatch.isValidPublicKey(pk));
        java.math.BigInteger p = new java.math.BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
        byte[] le = pk.clone();
        boolean sign = (le[31] & 0x80) != 0;
        le[31] &= 0x7f;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) be[i] = le[31 - i];
        java.math.BigInteger y = new java.math.BigInteger(1, be);
        byte[] negYbe = p.subtract(y).toByteArray();
        byte[] torsioned = new byte[32];
        for (int i = 0; i < Math.min(32, negYbe.length); i++) torsioned[i] = negYbe[negYbe.length - 1 - i];
        if (!sign) torsioned[31] |= (byte) 0x80;
        assertFalse(Bandersnatch.isValidPublicKey(torsioned), "point with 2-torsion component");
        byte[] ff = new byte[32];
        java.util.Arrays.fill(ff, (byte) 0xff);
        assertFalse(Bandersnatch.isValidPublicKey(ff));
        // identity (x=0,y=1) is in the subgroup; a 2-torsion point (0,-1) is not
        byte[] minusOne = hex("00000000fffffffffe5bfeff02a4bd5305d8a10908d83933487d9d2953a7ed73");
        assertFalse(Bandersnatch.isValidPublicKey(minusOne));
        // identity (0, 1) is canonical only without the sign bit
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertTrue(Bandersnatch.isValidPublicKey(identity));
        identity[31] = (byte) 0x80;
        assertFalse(Bandersnatch.isValidPublicKey(identity));
        assertFalse(Bandersnatch.isValidPublicKey(new byte[31]));
    }
}
