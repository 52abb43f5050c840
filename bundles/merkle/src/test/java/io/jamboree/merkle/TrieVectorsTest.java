package io.jamboree.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * All cases of {@code trie/trie.json}: trie roots over 32-octet keys. These vectors predate the GP 0.7 switch of
 * {@code bits(·)} to most-significant-first, so they are checked in {@link TrieLayout#LEGACY_LSB_FIRST}; the
 * normative layout is checked against the block-trace state roots in {@link TraceStateRootTest}.
 */
class TrieVectorsTest {

    private static JsonNode cases() throws Exception {
        return VectorFiles.json("trie/trie.json");
    }

    @TestFactory
    Stream<DynamicTest> trieVectors() throws Exception {
        JsonNode all = cases();
        return IntStream.range(0, all.size()).mapToObj(i -> DynamicTest.dynamicTest("trie case " + i, () -> {
            JsonNode c = all.get(i);
            List<byte[]> keys = new ArrayList<>();
            List<byte[]> values = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : c.get("input").properties()) {
                keys.add(Hex.decode(e.getKey()));
                values.add(Hex.decode(e.getValue().asText()));
            }
            assertEquals(Hex.plain(Hex.decode(c.get("output").asText())),
                    Hex.plain(StateTrie.root(keys, values, TrieLayout.LEGACY_LSB_FIRST)));
        }));
    }

    @Test
    void trieVectorFileHasCases() throws Exception {
        assertEquals(11, cases().size(), "unexpected number of trie cases");
    }
}
