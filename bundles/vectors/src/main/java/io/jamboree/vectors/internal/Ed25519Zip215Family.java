package io.jamboree.vectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.Hex;
import io.jamboree.crypto.Ed25519;
import io.jamboree.vectors.VectorFamily;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ed25519-zip215}: the 196 ZIP-215 edge cases (small-order and non-canonical points). Every one
 * must verify under ZIP-215 rules, which the JAM conformance fuzzer expects (see crypto-notes.md).
 */
@Component(service = VectorFamily.class)
public final class Ed25519Zip215Family implements VectorFamily {
    @Override
    public String name() {
        return "ed25519-zip215";
    }

    @Override
    public boolean recognises(Path dir) {
        Path readme = dir.resolve("README.md");
        try {
            return Files.isRegularFile(dir.resolve("vectors.json")) && Files.isRegularFile(readme)
                    && Files.readString(readme).contains("ZIP 215");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public VectorReport run(Path dir) throws IOException {
        List<VectorResult> results = new ArrayList<>();
        for (JsonNode c : JsonFiles.read(dir.resolve("vectors.json"))) {
            String id = "#" + c.get("number").asText();
            try {
                byte[] sig = new byte[64];
                System.arraycopy(Hex.decode(c.get("r").asText()), 0, sig, 0, 32);
                System.arraycopy(Hex.decode(c.get("s").asText()), 0, sig, 32, 32);
                boolean ok = Ed25519.verify(Hex.decode(c.get("pk").asText()), Hex.decode(c.get("msg").asText()), sig);
                results.add(ok ? VectorResult.pass(id) : VectorResult.fail(id, "rejected (" + c.get("desc").asText() + ")"));
            } catch (RuntimeException e) {
                results.add(VectorResult.fail(id, JsonFiles.describe(e)));
            }
        }
        return new VectorReport(name(), dir, results);
    }
}
