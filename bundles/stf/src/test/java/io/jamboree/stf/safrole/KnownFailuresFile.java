package io.jamboree.stf.safrole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's single known-failures list (bundles/vectors), so that these unit tests tolerate exactly
 * the vectors the conformance suite tolerates, with the same reasons.
 */
final class KnownFailuresFile {
    private static final Map<String, String> ENTRIES = load();

    private KnownFailuresFile() {}

    private static Map<String, String> load() {
        Path file = Path.of("..", "vectors", "src", "main", "resources", "known-failures.txt");
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                int sp = t.indexOf(' ');
                if (!t.isEmpty() && !t.startsWith("#") && sp > 0) {
                    m.put(t.substring(0, sp), t.substring(sp + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
        return m;
    }

    /**
     * Asserts that the vector passes, unless it is listed as {@code stf/safrole/CONFIG/FILE.bin}: then it must
     * still fail (a listed vector that passes must be removed from the list) and the test is reported as
     * aborted with the recorded reason.
     */
    static void expectPass(String config, String binName, Optional<String> difference) {
        String key = "stf/safrole/" + config + "/" + binName;
        String reason = ENTRIES.get(key);
        if (reason != null) {
            assertTrue(difference.isPresent(), key + " is listed in known-failures.txt but passes: remove the entry");
            System.out.println("KNOWN FAILURE " + key + ": " + reason);
            Assumptions.abort("known failure (" + reason + "): " + difference.get());
        }
        assertEquals(Optional.empty(), difference);
    }
}
