package io.jamboree.shuffle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.Hex;
import io.jamboree.merkle.VectorFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** All cases of {@code shuffle/shuffle_tests.json}. */
class ShuffleVectorsTest {

    @TestFactory
    Stream<DynamicTest> shuffleVectors() throws Exception {
        JsonNode all = VectorFiles.json("shuffle/shuffle_tests.json");
        return IntStream.range(0, all.size()).mapToObj(i -> {
            JsonNode c = all.get(i);
            int n = c.get("input").asInt();
            return DynamicTest.dynamicTest("shuffle case " + i + " (n=" + n + ")", () -> {
                byte[] entropy = Hex.decode(c.get("entropy").asText());
                int[] expected = new int[c.get("output").size()];
                for (int j = 0; j < expected.length; j++) {
                    expected[j] = c.get("output").get(j).asInt();
                }
                assertArrayEquals(expected, Shuffle.shuffledIndices(n, entropy));
                // the generic list form must agree
                List<Integer> in = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    in.add(j);
                }
                List<Integer> out = Shuffle.shuffle(in, entropy);
                for (int j = 0; j < n; j++) {
                    assertEquals(expected[j], out.get(j));
                }
            });
        });
    }

    @Test
    void shuffleVectorFileHasCases() throws Exception {
        assertEquals(8, VectorFiles.json("shuffle/shuffle_tests.json").size());
    }
}
