package io.jamboree.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.core.vectors.VectorsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Locates and parses the public test vectors; a missing folder fails the test. */
final class TestVectors {
    private TestVectors() {}

    static Path root() {
        Path p = VectorsFolder.path();
        assertTrue(Files.isDirectory(p), "vector folder missing: " + p);
        return p;
    }

    static JsonNode json(String relative) throws IOException {
        Path f = root().resolve(relative);
        assertTrue(Files.isRegularFile(f), "vector file missing: " + f);
        return new ObjectMapper().readTree(f.toFile());
    }

    static byte[] hex(String s) {
        if (s.startsWith("0x")) s = s.substring(2);
        return HexFormat.of().parseHex(s);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
