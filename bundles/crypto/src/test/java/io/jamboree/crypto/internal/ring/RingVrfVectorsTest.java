package io.jamboree.crypto.internal.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RingVrfVectorsTest {
    static Path root() { return Path.of(System.getProperty("jam.vectors", "/root/.cache/jam-vectors"), "bandersnatch-vrf-0.1/assets"); }

    static byte[] hex(JsonNode v, String f) { return HexFormat.of().parseHex(v.get(f).asText()); }

    static byte[] signature(JsonNode v) {
        byte[] sig = new byte[784];
        int o = 0;
        for (String f : new String[] {"gamma", "proof_pk_com", "proof_r", "proof_ok", "proof_s", "proof_sb", "ring_proof"}) {
            byte[] part = hex(v, f);
            System.arraycopy(part, 0, sig, o, part.length);
            o += part.length;
        }
        return sig;
    }

    @Test
    void allVectorsVerify() throws Exception {
        JsonNode vectors = new ObjectMapper().readTree(root().resolve("vectors/bandersnatch_sha-512_ell2_ring.json").toFile());
        RingVrf vrf = RingVrf.load(root().resolve("srs/zcash-srs-2-11-uncompressed.bin"), 8);
        int ok = 0;
        for (JsonNode v : vectors) {
            boolean r = vrf.verify(hex(v, "ring_pks_com"), hex(v, "alpha"), hex(v, "ad"), signature(v));
            System.out.println(v.get("comment").asText() + " " + r);
            if (r) ok++;
        }
        assertEquals(7, ok);
    }
}
