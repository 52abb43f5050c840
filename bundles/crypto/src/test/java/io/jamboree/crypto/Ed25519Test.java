package io.jamboree.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.jamboree.crypto.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ed25519Test {

    @Test
    void allZip215VectorsVerify() throws Exception {
        JsonNode cases = TestVectors.json("ed25519-zip215/vectors.json");
        assertEquals(196, cases.size());
        int ok = 0;
        StringBuilder failed = new StringBuilder();
        for (JsonNode c : cases) {
            byte[] sig = new byte[64];
            System.arraycopy(hex(c.get("r").asText()), 0, sig, 0, 32);
            System.arraycopy(hex(c.get("s").asText()), 0, sig, 32, 32);
            if (Ed25519.verify(hex(c.get("pk").asText()), hex(c.get("msg").asText()), sig)) ok++;
            else failed.append(c.get("number").asInt()).append(' ');
        }
        assertEquals(196, ok, "failed cases: " + failed);
    }

    /**
     * ZIP-215 requires batch and single verification to agree: the 196 vectors (small-order and
     * non-canonical points included) pass as one batch and in slices; a batch with one tampered
     * signature or one swapped message fails.
     */
    @Test
    void zip215VectorsVerifyAsBatch() throws Exception {
        JsonNode cases = TestVectors.json("ed25519-zip215/vectors.json");
        int n = cases.size();
        byte[][] pks = new byte[n][], msgs = new byte[n][], sigs = new byte[n][];
        for (int i = 0; i < n; i++) {
            JsonNode c = cases.get(i);
            sigs[i] = new byte[64];
            System.arraycopy(hex(c.get("r").asText()), 0, sigs[i], 0, 32);
            System.arraycopy(hex(c.get("s").asText()), 0, sigs[i], 32, 32);
            pks[i] = hex(c.get("pk").asText());
            msgs[i] = hex(c.get("msg").asText());
        }
        assertEquals(196, n);
        assertTrue(Ed25519.verifyBatch(pks, msgs, sigs));
        for (int from = 0; from < n; from += 7) {
            int to = Math.min(n, from + 7);
            assertTrue(Ed25519.verifyBatch(java.util.Arrays.copyOfRange(pks, from, to),
                    java.util.Arrays.copyOfRange(msgs, from, to), java.util.Arrays.copyOfRange(sigs, from, to)), "slice " + from);
        }
        byte[] sk = hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        byte[][] gp = new byte[12][], gm = new byte[12][], gs = new byte[12][];
        for (int i = 0; i < 12; i++) {
            byte[] seed = sk.clone();
            seed[0] = (byte) i;
            gp[i] = Ed25519.publicKey(seed);
            gm[i] = ("jam_guarantee message " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            gs[i] = Ed25519.sign(seed, gm[i]);
        }
        assertTrue(Ed25519.verifyBatch(gp, gm, gs));
        for (int bad = 0; bad < 12; bad += 5) {
            byte[][] t = gs.clone();
            t[bad] = gs[bad].clone();
            t[bad][40] ^= 1;
            assertFalse(Ed25519.verify(gp[bad], gm[bad], t[bad]));
            assertFalse(Ed25519.verifyBatch(gp, gm, t), "tampered signature " + bad);
            byte[][] m = gm.clone();
            m[bad] = gm[(bad + 1) % 12];
            assertFalse(Ed25519.verifyBatch(gp, m, gs), "swapped message " + bad);
        }
        byte[][] shortSig = gs.clone();
        shortSig[3] = new byte[63];
        assertFalse(Ed25519.verifyBatch(gp, gm, shortSig));
        assertTrue(Ed25519.verifyBatch(new byte[0][], new byte[0][], new byte[0][]));
    }

    /** RFC 8032 §7.1 test vectors 1-3. */
    @Test
    void rfc8032Vectors() {
        String[][] v = {
            {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
             "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
             "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
            {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
             "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
             "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
            {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
             "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
             "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
        };
        for (String[] t : v) {
            byte[] sk = hex(t[0]), pk = hex(t[1]), msg = hex(t[2]), sig = hex(t[3]);
            assertArrayEquals(pk, Ed25519.publicKey(sk));
            assertArrayEquals(sig, Ed25519.sign(sk, msg));
            assertTrue(Ed25519.verify(pk, msg, sig));
        }
    }

    @Test
    void tamperedSignatureFails() {
        byte[] sk = hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        byte[] pk = Ed25519.publicKey(sk);
        byte[] msg = hex("72");
        byte[] sig = Ed25519.sign(sk, msg);
        assertTrue(Ed25519.verify(pk, msg, sig));
        for (int i : new int[] {0, 17, 31, 32, 45, 62}) {
            byte[] bad = sig.clone();
            bad[i] ^= 1;
            assertFalse(Ed25519.verify(pk, msg, bad), "bit flip at " + i);
        }
        assertFalse(Ed25519.verify(pk, hex("73"), sig));
        byte[] badPk = pk.clone();
        badPk[3] ^= 4;
        assertFalse(Ed25519.verify(badPk, msg, sig));
        // s >= L must be rejected even though s - L would verify
        byte[] sPlusL = sig.clone();
        java.math.BigInteger s = new java.math.BigInteger(1, reverse(java.util.Arrays.copyOfRange(sig, 32, 64)));
        java.math.BigInteger l = java.math.BigInteger.ONE.shiftLeft(252).add(new java.math.BigInteger("27742317777372353535851937790883648493"));
        byte[] enc = reverse(leftPad(s.add(l).toByteArray()));
        System.arraycopy(enc, 0, sPlusL, 32, 32);
        assertFalse(Ed25519.verify(pk, msg, sPlusL));
        assertFalse(Ed25519.verify(pk, msg, new byte[63]));
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) r[i] = b[b.length - 1 - i];
        return r;
    }

    private static byte[] leftPad(byte[] be) {
        byte[] r = new byte[32];
        int n = Math.min(32, be.length);
        System.arraycopy(be, be.length - n, r, 32 - n, n);
        return r;
    }
}
