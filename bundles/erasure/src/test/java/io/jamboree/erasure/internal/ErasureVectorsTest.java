package io.jamboree.erasure.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.erasure.ErasureCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code erasure/tiny} and {@code erasure/full} vectors of jam-test-vectors 0.7.2: encoding is byte-exact, and
 * the data comes back from the systematic shards, from recovery shards only, and from random sufficient subsets.
 */
class ErasureVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> vectors() throws IOException {
        Path root = VectorsFolder.path().resolve("jam-test-vectors-0.7.2/erasure");
        assertTrue(Files.isDirectory(root), "erasure vectors not found at " + root + " (" + VectorsFolder.RULE + ")");
        List<Path> files = new ArrayList<>();
        for (String chain : new String[] {"tiny", "full"}) {
            try (Stream<Path> s = Files.list(root.resolve(chain))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        assertEquals(12, files.size(), "expected six vectors per chain");
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encodesAndRecovers(Path file) throws IOException {
        ChainParams params = file.getParent().getFileName().toString().equals("tiny") ? ChainParams.tiny() : ChainParams.full();
        ErasureCode code = new AdditiveFftErasureCoding().code(params);
        JsonNode v = JSON.readTree(file.toFile());
        byte[] data = Hex.decode(v.get("data").asText());
        byte[][] expected = new byte[v.get("shards").size()][];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Hex.decode(v.get("shards").get(i).asText());
        }
        assertEquals(params.validatorsCount(), expected.length);
        int piece = code.pieceSize();
        byte[] padded = Arrays.copyOf(data, (data.length + piece - 1) / piece * piece);

        byte[][] shards = code.encode(padded);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], shards[i], "shard " + i + " of " + file.getFileName());
        }

        int n = code.shardCount();
        int need = code.dataShards();
        int[] last = new int[need];
        for (int j = 0; j < need; j++) {
            last[j] = n - need + j;
        }
        assertArrayEquals(padded, recover(code, expected, last), "from the last " + need + " shards");
        Random random = new Random(file.getFileName().toString().hashCode());
        for (int round = 0; round < 5; round++) {
            int[] subset = randomSubset(random, n, need);
            assertArrayEquals(padded, recover(code, expected, subset), "from shards " + Arrays.toString(subset));
        }
    }

    static byte[] recover(ErasureCode code, byte[][] all, int[] subset) {
        byte[][] given = new byte[subset.length][];
        for (int j = 0; j < subset.length; j++) {
            given[j] = all[subset[j]];
        }
        return code.reconstruct(subset, given);
    }

    static int[] randomSubset(Random random, int n, int size) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, size);
    }
}
