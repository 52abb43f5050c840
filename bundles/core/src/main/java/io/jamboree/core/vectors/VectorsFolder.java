package io.jamboree.core.vectors;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one rule for finding the unpacked test vectors (not a Graypaper concept: the node itself never
 * needs them): the system property {@code jam.vectors}, else the environment variable
 * {@code JAM_VECTORS}, else {@code .cache/jam-vectors} in the running user's home: {@code $HOME} as the shell's
 * {@code ~} (the JVM's {@code user.home} comes from the password database and may differ), else {@code user.home}.
 * {@code ../shared/vectors/unpack} writes to the same place.
 */
public final class VectorsFolder {
    /** The system property that names the folder. */
    public static final String PROPERTY = "jam.vectors";
    /** The environment variable that names the folder when the property is not set. */
    public static final String ENV = "JAM_VECTORS";
    /** The rule in words, for error messages. */
    public static final String RULE = "-D" + PROPERTY + ", else $" + ENV + ", else ~/.cache/jam-vectors";

    private VectorsFolder() {}

    /** The folder the rule names; it may not exist. */
    public static Path path() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        if (p == null || p.isBlank()) {
            String home = System.getenv("HOME");
            if (home == null || home.isBlank()) {
                home = System.getProperty("user.home");
            }
            return Path.of(home, ".cache", "jam-vectors");
        }
        return Path.of(p);
    }

    /**
     * The folder {@code relative} below {@link #path()}, which must exist.
     *
     * @throws IllegalStateException naming the resolved path and the rule when it is missing
     */
    public static Path require(String relative) {
        Path d = path().resolve(relative);
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("vector folder missing: " + d + " (found by the rule " + RULE
                    + "; unpack with ../shared/vectors/unpack)");
        }
        return d;
    }
}
