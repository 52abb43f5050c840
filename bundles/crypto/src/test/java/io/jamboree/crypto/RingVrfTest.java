package io.jamboree.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ring VRF (GP §3.8.2, bandersnatch-vrf spec §4) on the 7 cases of
 * {@code bandersnatch-vrf-0.1/assets/vectors/bandersnatch_sha-512_ell2_ring.json} (rings of 8 keys,
 * domain 512) and the Zcash SRS of the same folder.
 */
class RingVrfTest {
    private static JsonNode vectors;
    private static RingVrf vrf;

    @BeforeAll
    static void load() throws Exception {
        vectors = TestVectors.json("bandersnatch-vrf-0.1/assets/vectors/bandersnatch_sha-512_ell2_ring.json");
        assertEquals(7, vectors.size());
        vrf = RingVrf.load(TestVectors.root().resolve("bandersnatch-vrf-0.1/assets/srs/zcash-srs-2-11-uncompressed.bin"), 8);
        assertEquals(512, vrf.domainSize());
    }

    private static byte[] hex(JsonNode v, String f) { return TestVectors.hex(v.get(f).asText()); }

    static byte[] signature(JsonNode v) {
        byte[] sig = new byte[RingVrf.SIGNATURE_BYTES];
        int o = 0;
        for (String f : new String[] {"gamma", "proof_pk_com", "proof_r", "proof_ok", "proof_s", "proof_sb", "ring_proof"}) {
            byte[] part = hex(v, f);
            System.arraycopy(part, 0, sig, o, part.length);
            o += part.length;
        }
        assertEquals(RingVrf.SIGNATURE_BYTES, o);
        return sig;
    }

    static List<byte[]> ring(JsonNode v) {
        byte[] pks = hex(v, "ring_pks");
        List<byte[]> keys = new ArrayList<>();
        for (int o = 0; o < pks.length; o += 32) keys.add(Arrays.copyOfRange(pks, o, o + 32));
        return keys;
    }

    private static int indexOf(List<byte[]> ring, byte[] pk) {
        for (int i = 0; i < ring.size(); i++) if (Arrays.equals(ring.get(i), pk)) return i;
        throw new AssertionError("signer not in ring");
    }

    @Test
    void everyVectorVerifiesWithItsOutput() {
        for (JsonNode v : vectors) {
            String name = v.get("comment").asText();
            assertArrayEquals(hex(v, "ring_pks_com"), vrf.commitment(ring(v)), name + " commitment");
            Optional<byte[]> out = vrf.verify(hex(v, "ring_pks_com"), hex(v, "alpha"), hex(v, "ad"), signature(v));
            assertTrue(out.isPresent(), name + " verifies");
            assertArrayEquals(Arrays.copyOf(hex(v, "beta"), 32), out.get(), name + " output");
        }
    }

    @Test
    void tamperedSignaturesFail() {
        JsonNode v = vectors.get(2);
        byte[] com = hex(v, "ring_pks_com"), alpha = hex(v, "alpha"), ad = hex(v, "ad"), sig = signature(v);
        // every 48/32-byte element of the ring proof, the output and each Pedersen field
        int[] offsets = {0, 40, 70, 100, 130, 170,
            192, 240, 288, 336, 384, 416, 448, 480, 512, 544, 576, 608, 656, 688, 736};
        for (int off : offsets) {
            byte[] bad = sig.clone();
            bad[off + 5] ^= 0x10;
            assertFalse(vrf.verify(com, alpha, ad, bad).isPresent(), "tampered byte " + (off + 5));
        }
        assertFalse(vrf.verify(com, alpha, ad, Arrays.copyOf(sig, 783)).isPresent(), "short signature");
        assertFalse(vrf.verify(com, Arrays.copyOf(alpha, alpha.length + 1), ad, sig).isPresent(), "other input");
        assertFalse(vrf.verify(com, alpha, new byte[] {1}, sig).isPresent(), "other additional data");
        // another ring: the vectors share one ring, so drop a key
        List<byte[]> other = new ArrayList<>(ring(v));
        other.remove(0);
        assertFalse(vrf.verify(vrf.commitment(other), alpha, ad, sig).isPresent(), "other ring root");
        byte[] badCom = com.clone();
        badCom[100] ^= 1;
        assertFalse(vrf.verify(badCom, alpha, ad, sig).isPresent(), "corrupted ring root");
        // a valid ring proof of another vector with this vector's Pedersen part
        byte[] mixed = sig.clone();
        byte[] otherSig = signature(vectors.get(3));
        System.arraycopy(otherSig, 192, mixed, 192, 592);
        assertFalse(vrf.verify(com, alpha, ad, mixed).isPresent(), "ring proof of another key commitment");
    }

    @Test
    void batchVerificationGivesEveryOutputAndFindsTheBadProofs() {
        // one ring of the seven vectors' signers (and one padding key); each signs its vector's input and
        // data, so each output must be the vector's beta
        List<byte[]> ring = new ArrayList<>();
        for (JsonNode v : vectors) ring.add(hex(v, "pk"));
        ring.add(new byte[32]);
        byte[] com = vrf.commitment(ring);
        List<byte[]> inputs = new ArrayList<>(), ads = new ArrayList<>(), sigs = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            JsonNode v = vectors.get(i);
            inputs.add(hex(v, "alpha"));
            ads.add(hex(v, "ad"));
            sigs.add(vrf.prove(hex(v, "sk"), ring, i, hex(v, "alpha"), hex(v, "ad")));
        }
        byte[][] out = vrf.verifyBatch(com, inputs, ads, sigs);
        for (int i = 0; i < vectors.size(); i++) {
            assertArrayEquals(Arrays.copyOf(hex(vectors.get(i), "beta"), 32), out[i], "output of vector " + i);
        }
        // a ring proof evaluation tampered (the proof still parses: only the pairing check fails), and a
        // Pedersen field tampered; the others still verify in the same batch
        List<byte[]> bad = new ArrayList<>(sigs);
        byte[] evalTampered = sigs.get(1).clone();
        evalTampered[608 + 5] ^= 0x10;
        byte[] pedersenTampered = sigs.get(4).clone();
        pedersenTampered[130] ^= 0x10;
        bad.set(1, evalTampered);
        bad.set(4, pedersenTampered);
        assertFalse(vrf.verify(com, inputs.get(1), ads.get(1), evalTampered).isPresent(), "tampered alone");
        byte[][] out2 = vrf.verifyBatch(com, inputs, ads, bad);
        for (int i = 0; i < vectors.size(); i++) {
            if (i == 1 || i == 4) {
                assertEquals(null, out2[i], "tampered signature " + i);
            } else {
                assertArrayEquals(Arrays.copyOf(hex(vectors.get(i), "beta"), 32), out2[i], "output of vector " + i);
            }
        }
        // two signatures whose ring proofs are swapped: each opening is well-formed, the batch must fail
        List<byte[]> swapped = new ArrayList<>(sigs);
        byte[] a = sigs.get(2).clone(), b = sigs.get(3).clone();
        System.arraycopy(sigs.get(3), 192, a, 192, 592);
        System.arraycopy(sigs.get(2), 192, b, 192, 592);
        swapped.set(2, a);
        swapped.set(3, b);
        byte[][] out3 = vrf.verifyBatch(com, inputs, ads, swapped);
        assertEquals(null, out3[2]);
        assertEquals(null, out3[3]);
        assertArrayEquals(Arrays.copyOf(hex(vectors.get(0), "beta"), 32), out3[0]);
    }

    @Test
    void deterministicProofsMatchTheVectorsByteForByte() {
        for (JsonNode v : vectors) {
            String name = v.get("comment").asText();
            List<byte[]> ring = ring(v);
            byte[] sk = hex(v, "sk");
            int k = indexOf(ring, hex(v, "pk"));
            byte[] sig = vrf.proveDeterministic(sk, ring, k, hex(v, "alpha"), hex(v, "ad"));
            assertEquals(TestVectors.hex(signature(v)), TestVectors.hex(sig), name + " proof bytes");
        }
    }

    @Test
    void zeroKnowledgeProofsVerify() {
        for (JsonNode v : new JsonNode[] {vectors.get(0), vectors.get(6)}) {
            String name = v.get("comment").asText();
            List<byte[]> ring = ring(v);
            byte[] sk = hex(v, "sk"), alpha = hex(v, "alpha"), ad = hex(v, "ad");
            int k = indexOf(ring, hex(v, "pk"));
            byte[] sig = vrf.prove(sk, ring, k, alpha, ad);
            assertNotEquals(TestVectors.hex(signature(v)), TestVectors.hex(sig), name + " blinded proof differs");
            Optional<byte[]> out = vrf.verify(hex(v, "ring_pks_com"), alpha, ad, sig);
            assertTrue(out.isPresent(), name + " own proof verifies");
            assertArrayEquals(Arrays.copyOf(hex(v, "beta"), 32), out.get(), name + " output");
        }
    }

    @Test
    void proverRejectsAWrongIndex() {
        JsonNode v = vectors.get(0);
        List<byte[]> ring = ring(v);
        int k = indexOf(ring, hex(v, "pk"));
        assertThrows(IllegalArgumentException.class,
                () -> vrf.proveDeterministic(hex(v, "sk"), ring, (k + 1) % ring.size(), new byte[0], new byte[0]));
    }

    @Test
    void fullSizeRingWithOffendersProvesAndVerifies() throws Exception {
        // GP's full configuration: 1023 validators (domain 2048); two offenders' keys zeroed (padding rows)
        RingVrf full = RingVrf.load(TestVectors.root().resolve("bandersnatch-vrf-0.1/assets/srs/zcash-srs-2-11-uncompressed.bin"), 1023);
        assertEquals(2048, full.domainSize());
        List<byte[]> ring = new ArrayList<>();
        byte[] sk = null;
        int index = 700;
        for (int i = 0; i < 1023; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            seed[1] = (byte) (i >> 8);
            byte[] s = Bandersnatch.secretFromSeed(seed);
            if (i == index) sk = s;
            ring.add(i == 5 || i == 900 ? new byte[32] : Bandersnatch.publicKey(s));
        }
        byte[] com = full.commitment(ring);
        byte[] input = "jam_ticket_seal-full".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sig = full.prove(sk, ring, index, input, new byte[0]);
        Optional<byte[]> out = full.verify(com, input, new byte[0], sig);
        assertTrue(out.isPresent(), "full-size proof verifies");
        assertArrayEquals(RingVrf.output(sig), out.get());
        byte[] bad = sig.clone();
        bad[300] ^= 4;
        assertFalse(full.verify(com, input, new byte[0], bad).isPresent(), "tampered full-size proof");
    }
}
