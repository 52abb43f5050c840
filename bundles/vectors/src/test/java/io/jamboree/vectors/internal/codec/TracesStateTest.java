package io.jamboree.vectors.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.jamboree.json.BlockJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.types.Block;
import io.jamboree.types.Header;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Uses the block-import traces (tiny) as a second source of real data: every block in the JSON must encode to the
 * block bytes inside the trace's {@code .bin}, and every state key-value for a component {@code C(1..16)} or
 * {@code C(255, s)} must decode with our types and re-encode to the same bytes (GP Appendix D.1).
 */
class TracesStateTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ChainParams P = ChainParams.tiny();

    static List<Path> traceFiles() throws IOException {
        Path dir = CodecVectorsTest.vectorsRoot().resolve("traces");
        assertTrue(Files.isDirectory(dir), "traces folder missing: " + dir);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.getFileName().toString().matches("\\d+\\.json")).sorted().forEach(out::add);
        }
        assertTrue(out.size() >= 30, "too few traces: " + out.size());
        return out;
    }

    @TestFactory
    List<DynamicTest> traces() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : traceFiles()) {
            String name = f.getParent().getFileName() + "/" + f.getFileName();
            tests.add(dynamicTest(name, () -> check(f)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> genesis() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.walk(CodecVectorsTest.vectorsRoot().resolve("traces"))) {
            for (Path f : s.filter(p -> p.getFileName().toString().equals("genesis.json")).sorted().toList()) {
                tests.add(dynamicTest(f.getParent().getFileName() + "/genesis", () -> {
                    JsonNode j = MAPPER.readTree(f.toFile());
                    byte[] bin = Files.readAllBytes(f.resolveSibling("genesis.bin"));
                    Decoder d = new Decoder(bin);
                    Header h = Header.decode(d, P);
                    skipRawState(d);
                    d.expectEnd();
                    assertEquals(BlockJson.header(j.get("header"), P), h);
                    checkKeyvals(j.get("state").get("keyvals"));
                }));
            }
        }
        return tests;
    }

    /** Each trace block's parent is the hash of the previous block's header (genesis for the first). */
    @org.junit.jupiter.api.Test
    void headerHashesChain() throws IOException {
        Path root = CodecVectorsTest.vectorsRoot().resolve("traces");
        int checked = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Header prev = BlockJson.header(MAPPER.readTree(dir.resolve("genesis.json").toFile()).get("header"), P);
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path f : s.filter(p -> p.getFileName().toString().matches("\\d+\\.json")).sorted().toList()) {
                        Header h = BlockJson.header(MAPPER.readTree(f.toFile()).get("block").get("header"), P);
                        assertEquals(prev.hash(P), h.parent(), "parent of " + f);
                        prev = h;
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 30, "checked only " + checked + " header links");
    }

    private static void skipRawState(Decoder d) {
        d.bytes(32, "state root");
        int n = d.length(32, "keyvals");
        for (int i = 0; i < n; i++) {
            d.bytes(31, "key");
            d.blob("value");
        }
    }

    private static void check(Path f) throws IOException {
        JsonNode j = MAPPER.readTree(f.toFile());
        byte[] bin = Files.readAllBytes(f.resolveSibling(f.getFileName().toString().replace(".json", ".bin")));
        Decoder d = new Decoder(bin);
        skipRawState(d);
        int start = d.position();
        Block fromBin = Block.decode(d, P);
        int end = d.position();
        skipRawState(d);
        d.expectEnd();
        Block fromJson = BlockJson.block(j.get("block"), P);
        assertEquals(fromJson, fromBin);
        assertEquals(fromBin.header().extrinsicHash(), fromBin.extrinsic().hash(P), "extrinsic hash (GP eq. 5.4)");
        Encoder e = new Encoder();
        fromJson.encode(e, P);
        assertArrayEquals(java.util.Arrays.copyOfRange(bin, start, end), e.toByteArray());
        assertTrue(j.get("block").equals(CodecVectorsTest.NumericEquality.INSTANCE, BlockJson.toJson(fromBin, P)));
        checkKeyvals(j.get("pre_state").get("keyvals"));
        checkKeyvals(j.get("post_state").get("keyvals"));
    }

    private static final java.util.Set<Integer> SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.junit.jupiter.api.Test
    void everyStateComponentIsExercised() throws IOException {
        for (Path f : traceFiles()) {
            JsonNode j = MAPPER.readTree(f.toFile());
            checkKeyvals(j.get("post_state").get("keyvals"));
        }
        for (int c = 1; c <= 16; c++) {
            assertTrue(SEEN.contains(c), "no trace exercises state component C(" + c + ")");
        }
        assertTrue(SEEN.contains(255), "no trace exercises service info C(255, s)");
    }

    private static void checkKeyvals(JsonNode keyvals) {
        for (JsonNode kv : keyvals) {
            byte[] key = Hex.decode(kv.get("key").textValue());
            byte[] value = Hex.decode(kv.get("value").textValue());
            int chapter = key[0] & 0xFF;
            boolean simple = true;
            for (int i = 1; i < key.length; i++) {
                simple &= key[i] == 0;
            }
            boolean service = chapter == 255 && key[2] == 0 && key[4] == 0 && key[6] == 0 && allZero(key, 8);
            if (!(simple && chapter >= 1 && chapter <= 16) && !service) {
                continue;
            }
            VectorType<?> t = CodecVectors.stateComponent(chapter).orElseThrow();
            SEEN.add(chapter);
            roundTrip(t, value, Hex.encode(key));
        }
    }

    private static boolean allZero(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static <T> void roundTrip(VectorType<T> t, byte[] value, String key) {
        T v = t.decode(value, P);
        assertEquals(Hex.plain(value), Hex.plain(t.encode(v, P)), "re-encoding state key " + key + " (" + t.name() + ")");
        // JSON mapping must round-trip too
        assertEquals(v, t.fromJson(t.toJson(v, P), P), "JSON round trip of " + t.name());
    }

}
