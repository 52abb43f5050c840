package io.jamboree.crypto.internal.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.crypto.RingVrf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The parts of a 784-byte ring VRF signature (bandersnatch-vrf.md, ring VRF) that we can already check on
 * the 7 ring vectors: the VRF output (the ticket id, GP §6.7) and the Pedersen proof. The ring proof itself
 * is tracked as a known failure of the conformance suite until the transcript is reproduced.
 */
class RingSignatureLayoutTest {
    private static byte[] hex(JsonNode v, String field) {
        return HexFormat.of().parseHex(v.get(field).asText());
    }

    @Test
    void outputAndPedersenPartOfEveryRingVector() throws Exception {
        Path file = VectorsFolder.path().resolve("bandersnatch-vrf-0.1/assets/vectors/bandersnatch_sha-512_ell2_ring.json");
        assertTrue(Files.isRegularFile(file), "vector file missing: " + file);
        JsonNode vectors = new ObjectMapper().readTree(file.toFile());
        assertEquals(7, vectors.size());
        for (JsonNode v : vectors) {
            byte[] sig = new byte[784];
            int o = 0;
            for (String f : new String[] {"gamma", "proof_pk_com", "proof_r", "proof_ok", "proof_s", "proof_sb", "ring_proof"}) {
                byte[] part = hex(v, f);
                System.arraycopy(part, 0, sig, o, part.length);
                o += part.length;
            }
            assertEquals(784, o);
            assertArrayEquals(Arrays.copyOf(hex(v, "beta"), 32), RingVrf.output(sig), "ticket id");
            assertTrue(BandersnatchVrf.pedersenVerify(hex(v, "alpha"), hex(v, "ad"), sig), "Pedersen part");
            sig[40] ^= 1;
            assertTrue(!BandersnatchVrf.pedersenVerify(hex(v, "alpha"), hex(v, "ad"), sig), "tampered Pedersen part");
        }
    }
}
