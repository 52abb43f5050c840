package io.jamboree.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the unpacked vectors are: {@code -Djam.vectors}, else {@code $JAM_VECTORS}, else ~/.cache/jam-vectors. */
final class Vectors {
    private Vectors() {}

    static Path home() {
        String p = System.getProperty("jam.vectors");
        if (p == null || p.isBlank()) {
            p = System.getenv("JAM_VECTORS");
        }
        if (p == null || p.isBlank()) {
            p = System.getProperty("user.home") + "/.cache/jam-vectors";
        }
        return Path.of(p);
    }

    /** A vector folder, which must exist: a missing folder fails the test rather than skipping it. */
    static Path dir(String relative) {
        Path d = home().resolve(relative);
        if (!Files.isDirectory(d)) {
            throw new AssertionError("vector folder missing: " + d + " (unpack with ../shared/vectors/unpack)");
        }
        return d;
    }
}
