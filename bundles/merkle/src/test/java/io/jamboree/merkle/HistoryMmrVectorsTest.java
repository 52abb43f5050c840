package io.jamboree.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The MMR of the recent-history STF vectors ({@code stf/history}): appending {@code accumulate_root} with
 * Keccak-256 to the pre-state peaks gives the post-state peaks, whose super-peak is the newest {@code beefy_root}.
 */
class HistoryMmrVectorsTest {

    @TestFactory
    Stream<DynamicTest> historyMmr() throws Exception {
        Path dir = VectorFiles.root().resolve("stf/history");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no history vectors under " + dir);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(dir.relativize(f).toString(), () -> {
                JsonNode c = VectorFiles.json(f);
                MerkleMountainRange pre = peaks(c.get("pre_state").get("beta").get("mmr").get("peaks"));
                MerkleMountainRange post = peaks(c.get("post_state").get("beta").get("mmr").get("peaks"));
                byte[] leaf = Hex.decode(c.get("input").get("accumulate_root").asText());
                assertEquals(post, pre.appendKeccak(leaf));
                JsonNode history = c.get("post_state").get("beta").get("history");
                String beefy = history.get(history.size() - 1).get("beefy_root").asText();
                assertEquals(Hex.plain(Hex.decode(beefy)), Hex.plain(post.superPeak()));
                assertEquals(post, MerkleMountainRange.decode(post.encode()));
            }));
        }
        return tests.stream();
    }

    private static MerkleMountainRange peaks(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode p : array) {
            out.add(p.isNull() ? null : Hex.decode(p.asText()));
        }
        return new MerkleMountainRange(out);
    }
}
