package io.jamboree.vectors.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.core.vectors.VectorsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every codec/tiny and codec/full vector pair through {@link CodecVectors}. A missing folder fails. */
class CodecVectorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Path vectorsRoot() {
        return VectorsFolder.path().resolve("jam-test-vectors-0.7.2");
    }

    static List<Path> jsonFiles(String config) throws IOException {
        Path dir = vectorsRoot().resolve("codec").resolve(config);
        assertTrue(Files.isDirectory(dir), "codec vectors folder missing: " + dir);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(out::add);
        }
        assertTrue(out.size() >= 15, "expected at least 15 codec vectors in " + dir + ", found " + out.size());
        return out;
    }

    @TestFactory
    List<DynamicTest> tiny() throws IOException {
        return vectorTests("tiny");
    }

    @TestFactory
    List<DynamicTest> full() throws IOException {
        return vectorTests("full");
    }

    @Test
    void everyVectorNameIsKnown() throws IOException {
        for (String cfg : List.of("tiny", "full")) {
            for (Path json : jsonFiles(cfg)) {
                String base = json.getFileName().toString().replace(".json", "");
                assertTrue(CodecVectors.forName(base).isPresent(), "no type for " + base);
                assertTrue(Files.exists(json.resolveSibling(base + ".bin")), "missing bin for " + base);
            }
        }
    }

    private List<DynamicTest> vectorTests(String config) throws IOException {
        ChainParams p = ChainParams.byName(config).orElseThrow();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path json : jsonFiles(config)) {
            String base = json.getFileName().toString().replace(".json", "");
            tests.add(dynamicTest(config + "/" + base, () -> check(base, json, json.resolveSibling(base + ".bin"), p)));
        }
        return tests;
    }

    private static void check(String base, Path jsonFile, Path binFile, ChainParams p) throws IOException {
        VectorType<?> type = CodecVectors.forName(base).orElseThrow(() -> new AssertionError("unknown " + base));
        JsonNode json = MAPPER.readTree(jsonFile.toFile());
        byte[] bin = Files.readAllBytes(binFile);
        run(type, json, bin, p);
    }

    private static <T> void run(VectorType<T> type, JsonNode json, byte[] bin, ChainParams p) {
        T fromJson = type.fromJson(json, p);
        assertEquals(Hex.plain(bin), Hex.plain(type.encode(fromJson, p)), "json -> encode differs from .bin");
        T fromBin = type.decode(bin, p);
        assertArrayEquals(bin, type.encode(fromBin, p), "decode -> encode differs from .bin");
        assertEquals(fromJson, fromBin, "decoded .bin differs from parsed .json");
        JsonNode back = type.toJson(fromBin, p);
        assertTrue(json.equals(NumericEquality.INSTANCE, back),
                () -> "toJson differs:\nexpected " + json + "\nactual   " + back);
    }

    /** Compares JSON numbers by value (IntNode 1 equals LongNode 1). */
    static final class NumericEquality implements java.util.Comparator<JsonNode> {
        static final NumericEquality INSTANCE = new NumericEquality();

        @Override
        public int compare(JsonNode a, JsonNode b) {
            if (a.isNumber() && b.isNumber()) {
                return a.bigIntegerValue().compareTo(b.bigIntegerValue());
            }
            return a.equals(b) ? 0 : 1;
        }
    }
}
