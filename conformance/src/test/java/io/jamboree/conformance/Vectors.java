package io.jamboree.conformance;

import io.jamboree.core.vectors.VectorsFolder;
import java.nio.file.Path;

/** Where the unpacked vectors are: the one rule of {@link VectorsFolder}. */
final class Vectors {
    private Vectors() {}

    static Path home() {
        return VectorsFolder.path();
    }

    /** A vector folder, which must exist: a missing folder fails the test rather than skipping it. */
    static Path dir(String relative) {
        try {
            return VectorsFolder.require(relative);
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
