package io.jamboree.merkle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.core.vectors.VectorsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the JAM 0.7.2 test vectors; a missing file fails the test (never skips). */
public final class VectorFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VectorFiles() {}

    public static Path root() {
        Path p = VectorsFolder.path().resolve("jam-test-vectors-0.7.2");
        assertTrue(Files.isDirectory(p), "JAM test vectors not found at " + p + " (" + VectorsFolder.RULE + ")");
        return p;
    }

    public static Path file(String relative) {
        Path p = root().resolve(relative);
        assertTrue(Files.isRegularFile(p), "test vector file missing: " + p);
        return p;
    }

    public static JsonNode json(String relative) throws IOException {
        return JSON.readTree(file(relative).toFile());
    }

    public static JsonNode json(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }
}
