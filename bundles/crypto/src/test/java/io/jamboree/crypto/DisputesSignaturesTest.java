package io.jamboree.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static io.jamboree.crypto.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ed25519 judgement, culprit and fault signatures of the jam-test-vectors 0.7.2 disputes STF
 * vectors (GP §10: contexts {@code jam_valid}, {@code jam_invalid}, {@code jam_guarantee}):
 * every signature of a case whose expected output is {@code ok} verifies, and every
 * {@code bad_signature} case contains a signature that does not.
 */
class DisputesSignaturesTest {

    private static byte[] msg(String context, String target) {
        byte[] c = context.getBytes(StandardCharsets.US_ASCII), t = hex(target);
        byte[] m = new byte[c.length + t.length];
        System.arraycopy(c, 0, m, 0, c.length);
        System.arraycopy(t, 0, m, c.length, t.length);
        return m;
    }

    /** Number of signatures in the case that fail to verify. */
    private static int failures(JsonNode tc) {
        JsonNode d = tc.get("input").get("disputes"), st = tc.get("pre_state");
        int bad = 0;
        for (JsonNode v : d.get("verdicts")) {
            String target = v.get("target").asText();
            for (JsonNode j : v.get("votes")) {
                byte[] m = msg(j.get("vote").asBoolean() ? "jam_valid" : "jam_invalid", target);
                byte[] sig = hex(j.get("signature").asText());
                int idx = j.get("index").asInt();
                boolean ok = false;
                for (String set : new String[] {"kappa", "lambda"}) {
                    JsonNode keys = st.get(set);
                    if (idx < keys.size()) ok |= Ed25519.verify(hex(keys.get(idx).get("ed25519").asText()), m, sig);
                }
                if (!ok) bad++;
            }
        }
        for (JsonNode c : d.get("culprits")) {
            if (!Ed25519.verify(hex(c.get("key").asText()), msg("jam_guarantee", c.get("target").asText()), hex(c.get("signature").asText()))) bad++;
        }
        for (JsonNode f : d.get("faults")) {
            String ctx = f.get("vote").asBoolean() ? "jam_valid" : "jam_invalid";
            if (!Ed25519.verify(hex(f.get("key").asText()), msg(ctx, f.get("target").asText()), hex(f.get("signature").asText()))) bad++;
        }
        return bad;
    }

    @Test
    void disputesSignatures() throws Exception {
        int okCases = 0, badCases = 0;
        for (String size : new String[] {"tiny", "full"}) {
            Path dir = TestVectors.root().resolve("jam-test-vectors-0.7.2/stf/disputes").resolve(size);
            assertTrue(Files.isDirectory(dir), "missing " + dir);
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (Path f : files) {
                JsonNode tc = TestVectors.json(TestVectors.root().relativize(f).toString());
                JsonNode out = tc.get("output");
                if (out.has("ok")) {
                    assertTrue(failures(tc) == 0, "all signatures must verify: " + f);
                    okCases++;
                } else if ("bad_signature".equals(out.get("err").asText())) {
                    assertTrue(failures(tc) > 0, "a signature must fail: " + f);
                    badCases++;
                }
            }
        }
        assertTrue(okCases >= 8 && badCases >= 2, "ok cases " + okCases + ", bad-signature cases " + badCases);
    }
}
