package io.jamboree.vectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.Hex;
import io.jamboree.merkle.StateTrie;
import io.jamboree.merkle.TrieLayout;
import io.jamboree.vectors.VectorFamily;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * {@code trie/trie.json}: state-trie roots (GP Appendix D.2, eq. D.3–D.4) of key/value maps.
 *
 * <p>Discrepancy, GP 0.7.2 Appendix D.2: the trie.json of jam-test-vectors 0.7.2 was not regenerated when
 * 0.7 made {@code bits(·)} most-significant-first; it still has 32-byte keys and the older
 * least-significant-first node layout. We run it with {@link TrieLayout#LEGACY_LSB_FIRST}. The normative
 * {@link TrieLayout#GRAYPAPER} layout is checked against the state roots of the block-import traces of the
 * same release (jam-merkle's TraceStateRootTest, and every import of the trace importer).
 */
@Component(service = VectorFamily.class)
public final class TrieFamily implements VectorFamily {
    private static final String FILE = "trie.json";

    @Override
    public String name() {
        return "trie";
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
                List<byte[]> keys = new ArrayList<>();
                List<byte[]> values = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = c.get("input").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    keys.add(Hex.decode(e.getKey()));
                    values.add(Hex.decode(e.getValue().asText()));
                }
                byte[] expected = Hex.decode(c.get("output").asText());
                byte[] actual = StateTrie.root(keys, values, TrieLayout.LEGACY_LSB_FIRST);
                results.add(Arrays.equals(expected, actual)
                        ? VectorResult.pass(id)
                        : VectorResult.fail(id, "root " + Hex.plain(actual) + ", expected " + Hex.plain(expected)));
            } catch (RuntimeException e) {
                results.add(VectorResult.fail(id, JsonFiles.describe(e)));
            }
        }
        return new VectorReport(name(), dir, results);
    }
}
