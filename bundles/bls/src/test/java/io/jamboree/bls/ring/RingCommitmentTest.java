package io.jamboree.bls.ring;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.bls.Srs;
import io.jamboree.bls.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RingCommitmentTest {
    private static RingCommitment engine;

    static synchronized RingCommitment engine() throws Exception {
        if (engine == null) engine = new RingCommitment(Srs.load(Vectors.srsFile(), 2048));
        return engine;
    }

    @Test
    void curveConstants() {
        // generator from the bandersnatch-vrf spec must be on the curve with d from [MSZ21]
        var g = Bandersnatch.decode(Vectors.hex("664197ccb667315e6064e4ee81ad8c3586d5dcba508b7d150f3e12da9e666c2a"));
        assertNotNull(g);
        assertEquals(new java.math.BigInteger("18886178867200960497001835917649091219057080094937609519140440539760939937304"),
                io.jamboree.bls.Fr.bigOf(g.x()));
        var pad = Bandersnatch.decode(Vectors.hex("92ca79e61dd90c1573a8693f199bf6e1e86835cc715cdcf93f5ef222560023aa"));
        assertEquals(RingCommitment.PAD_X, io.jamboree.bls.Fr.bigOf(pad.x()));
        assertNull(Bandersnatch.decode(new byte[32]));
        assertEquals(512, RingCommitment.domainSize(6));
        assertEquals(2048, RingCommitment.domainSize(1023));
    }

    @Test
    void onCurveKeysOutsideTheSubgroupAreKeptNotPadded() {
        // GP 0.7.2 App. G pads only keys with no corresponding Bandersnatch point. Most curve points lie outside
        // the prime-order subgroup (cofactor 4): find one by trying small y and check decode keeps it.
        int outside = 0;
        for (int y = 2; y < 64; y++) {
            byte[] enc = new byte[32];
            enc[0] = (byte) y;
            Bandersnatch.Affine a = Bandersnatch.decode(enc);
            if (a != null && !Bandersnatch.inSubgroup(a.x(), a.y())) outside++;
        }
        assertTrue(outside > 0, "some small-y curve points lie outside the subgroup and still decode");
    }

    @Test
    void ringVectors() throws Exception {
        Path f = Vectors.root().resolve("bandersnatch-vrf-0.1/assets/vectors/bandersnatch_sha-512_ell2_ring.json");
        JsonNode arr = new ObjectMapper().readTree(f.toFile());
        assertTrue(arr.size() > 0);
        for (JsonNode v : arr) {
            byte[] pks = Vectors.hex(v.get("ring_pks").asText());
            List<byte[]> keys = new ArrayList<>();
            for (int i = 0; i < pks.length; i += 32) keys.add(java.util.Arrays.copyOfRange(pks, i, i + 32));
            assertEquals(v.get("ring_pks_com").asText(), Vectors.hex(engine().commit(keys)), v.get("comment").asText());
        }
    }

    @Test
    void ringProofsParse() throws Exception {
        Path f = Vectors.root().resolve("bandersnatch-vrf-0.1/assets/vectors/bandersnatch_sha-512_ell2_ring.json");
        JsonNode arr = new ObjectMapper().readTree(f.toFile());
        for (JsonNode v : arr) {
            RingProof p = RingProof.parse(Vectors.hex(v.get("ring_proof").asText()));
            assertFalse(p.cB().isInfinity(), v.get("comment").asText());
        }
    }

    private static List<byte[]> keys(JsonNode gammaK) {
        List<byte[]> keys = new ArrayList<>();
        for (JsonNode k : gammaK) keys.add(Vectors.hex(k.get("bandersnatch").asText()));
        return keys;
    }

    @Test
    void safroleTinyGammaZ() throws Exception {
        Path dir = Vectors.root().resolve("jam-test-vectors-0.7.2/stf/safrole/tiny");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) { files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList(); }
        assertFalse(files.isEmpty());
        int checked = 0;
        ObjectMapper om = new ObjectMapper();
        for (Path p : files) {
            JsonNode j = om.readTree(p.toFile());
            for (String st : new String[] {"pre_state", "post_state"}) {
                JsonNode s = j.get(st);
                assertEquals(s.get("gamma_z").asText().substring(2), Vectors.hex(engine().commit(keys(s.get("gamma_k")))),
                        p.getFileName() + " " + st);
                checked++;
            }
        }
        assertEquals(2 * files.size(), checked);
    }
}
