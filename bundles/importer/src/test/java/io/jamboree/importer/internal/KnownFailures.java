package io.jamboree.importer.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

/**
 * The project's single known-failures list (bundles/vectors/src/main/resources/known-failures.txt): a trace step
 * listed there as {@code traces/FOLDER/NNNNNNNN} must still fail (it is then reported as aborted with its reason);
 * a listed step that passes fails the test so that the entry gets removed.
 */
final class KnownFailures {
    private static final Map<String, String> ENTRIES = load();

    private KnownFailures() {}

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

    /** Judges a step: {@code problem} empty means it passed. */
    static void expectPass(String id, Optional<String> problem) {
        String reason = ENTRIES.get(id);
        if (reason == null) {
            problem.ifPresent(p -> fail(id + ": " + p));
            return;
        }
        Assertions.assertTrue(problem.isPresent(), id + " is listed in known-failures.txt but passes: remove the entry");
        throw new TestAbortedException("known failure " + id + " (" + reason + "): " + problem.get());
    }
}
