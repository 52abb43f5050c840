package io.jamboree.stf;

import io.jamboree.core.vectors.VectorsFolder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the test-vector release in the {@link VectorsFolder} folder (the schemas the error enums are
 * checked against). The vector checks of the STF subsystems live in the vectors bundle's tests.
 */
public final class VectorFiles {

    private VectorFiles() {}

    /** The {@code jam-test-vectors-0.7.2} folder (or the vectors folder itself when it is that release). */
    public static Path root() {
        Path base = VectorsFolder.path();
        Path p = base.resolve("jam-test-vectors-0.7.2");
        return Files.isDirectory(p) ? p : base;
    }
}
