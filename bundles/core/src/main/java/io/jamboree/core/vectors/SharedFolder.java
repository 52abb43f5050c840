package io.jamboree.core.vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one rule for finding the project's reference material (the {@code shared} folder beside the repository: the
 * Graypaper, the JIPs, jam-docs) for tests that check against published text, such as the jam-docs dev accounts or
 * the JIP-4 example: the system property {@code jam.shared} (the build sets it to {@code ../shared} beside the
 * repository; {@code -Djam.shared=DIR} overrides it), else the environment variable {@code JAM_SHARED}. Not a
 * Graypaper concept: the node itself never reads it.
 */
public final class SharedFolder {
    /** The system property that names the folder. */
    public static final String PROPERTY = "jam.shared";
    /** The environment variable that names the folder when the property is not set. */
    public static final String ENV = "JAM_SHARED";

    private SharedFolder() {}

    /**
     * The text of the file {@code relative} below the shared folder.
     *
     * @throws IllegalStateException naming the resolved path and the rule when the file is missing or unreadable
     */
    public static String read(String relative) {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        if (p == null || p.isBlank()) {
            throw new IllegalStateException("shared reference folder unknown: set -D" + PROPERTY + " or $" + ENV);
        }
        Path f = Path.of(p).resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("shared reference file missing: " + f + " (found by -D" + PROPERTY + ", else $" + ENV + ")");
        }
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
