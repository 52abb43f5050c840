package io.jamboree.importer.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;

/**
 * The project's single known-failures list (bundles/vectors/src/main/resources/known-failures.txt, read through
 * {@link io.jamboree.vectors.KnownFailures}): a trace step listed there as {@code traces/FOLDER/NNNNNNNN} must still
 * fail (it is then reported as aborted with its reason); a listed step that passes fails the test so that the
 * entry gets removed.
 */
final class KnownFailures {
    private static final Map<String, String> ENTRIES = io.jamboree.vectors.KnownFailures.bundled().all();

    private KnownFailures() {}

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
