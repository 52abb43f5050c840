package io.jamboree.vectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.Hex;
import io.jamboree.shuffle.Shuffle;
import io.jamboree.vectors.VectorFamily;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** {@code shuffle/shuffle_tests.json}: the Fisher-Yates shuffle of GP Appendix F. */
@Component(service = VectorFamily.class)
public final class ShuffleFamily implements VectorFamily {
    private static final String FILE = "shuffle_tests.json";

    @Override
    public String name() {
        return "shuffle";
    }

    @Override
    public boolean recognises(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    @Override
    public VectorReport run(Path dir) throws IOException {
        JsonNode cases = JsonFiles.read(dir.resolve(FILE));
        List<VectorResult> results = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String id = FILE + "#" + i;
            try {
                JsonNode c = cases.get(i);
                int n = c.get("input").intValue();
                byte[] entropy = Hex.decode(c.get("entropy").asText());
                int[] expected = new int[c.get("output").size()];
                for (int j = 0; j < expected.length; j++) {
                    expected[j] = c.get("output").get(j).intValue();
                }
                int[] actual = Shuffle.shuffledIndices(n, entropy);
                results.add(Arrays.equals(expected, actual)
                        ? VectorResult.pass(id)
                        : VectorResult.fail(id, "first difference at index " + Arrays.mismatch(expected, actual)
                                + " of " + n + ": got " + Arrays.toString(actual)));
            } catch (RuntimeException e) {
                results.add(VectorResult.fail(id, JsonFiles.describe(e)));
            }
        }
        return new VectorReport(name(), dir, results);
    }
}
