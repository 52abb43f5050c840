package io.jamboree.vectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs vector folders with whichever registered {@link VectorFamily} recognises each. */
@org.osgi.annotation.versioning.ProviderType
public interface VectorRunner {
    /**
     * Runs the vectors in {@code dir}.
     *
     * @throws IllegalArgumentException if no family recognises the folder
     */
    VectorReport run(Path dir) throws IOException;

    /** Names of the families currently registered. */
    List<String> families();
}
