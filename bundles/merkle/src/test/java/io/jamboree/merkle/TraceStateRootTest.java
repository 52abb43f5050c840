package io.jamboree.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Normative check of {@code M_σ}: every state (pre, post, genesis) in the JSON block-import traces of
 * jam-test-vectors 0.7.2 ({@code traces/}) is a list of 31-octet key/value pairs with its state root.
 */
class TraceStateRootTest {

    @TestFactory
    Stream<DynamicTest> traceStateRoots() throws Exception {
        Path traces = VectorFiles.root().resolve("traces");
        List<Path> files;
        try (Stream<Path> s = Files.walk(traces)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no JSON traces under " + traces);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            String name = traces.relativize(f).toString();
            JsonNode trace = VectorFiles.json(f);
            for (String part : new String[] {"pre_state", "post_state", "state"}) {
                JsonNode state = trace.get(part);
                if (state != null) {
                    tests.add(DynamicTest.dynamicTest(name + " " + part, () -> check(state)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no states in the traces under " + traces);
        return tests.stream();
    }

    /** The pre-state leads every binary trace step: {@code state_root ⌢ ↕[key_31 ⌢ ↕value]}. */
    @TestFactory
    Stream<DynamicTest> binaryTracePreStateRoots() throws Exception {
        Path traces = VectorFiles.root().resolve("traces");
        List<Path> files;
        try (Stream<Path> s = Files.walk(traces)) {
            files = s.filter(p -> p.toString().endsWith(".bin") && !p.getFileName().toString().startsWith("genesis"))
                    .sorted().toList();
        }
        assertFalse(files.isEmpty(), "no binary traces under " + traces);
        return files.stream().map(f -> DynamicTest.dynamicTest(traces.relativize(f) + " pre_state", () -> {
            byte[] data = Files.readAllBytes(f);
            byte[] expected = Arrays.copyOfRange(data, 0, 32);
            long[] count = MerkleMountainRange.decodeNatural(data, 32);
            int pos = (int) count[1];
            byte[][] keys = new byte[(int) count[0]][];
            byte[][] values = new byte[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = Arrays.copyOfRange(data, pos, pos + 31);
                long[] len = MerkleMountainRange.decodeNatural(data, pos + 31);
                pos = (int) len[1];
                values[i] = Arrays.copyOfRange(data, pos, pos + (int) len[0]);
                pos += (int) len[0];
            }
            assertEquals(Hex.plain(expected), Hex.plain(StateTrie.root(keys, values)));
        }));
    }

    private static void check(JsonNode state) {
        String expected = Hex.plain(Hex.decode(state.get("state_root").asText()));
        Map<StateKey, byte[]> hashed = new HashMap<>();
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (JsonNode kv : state.get("keyvals")) {
            byte[] k = Hex.decode(kv.get("key").asText());
            byte[] v = Hex.decode(kv.get("value").asText());
            hashed.put(StateKey.ofBytes(k), v);
            keys.add(k);
            values.add(v);
        }
        assertEquals(expected, Hex.plain(StateTrie.root(hashed)), "HashMap input");
        assertEquals(expected, Hex.plain(StateTrie.root(new TreeMap<>(hashed))), "sorted-map input");
        assertEquals(expected, Hex.plain(StateTrie.root(keys, values)), "list input");
    }
}
