package io.jamboree.vectors;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One family of conformance vectors (codec, trie, shuffle, an STF subsystem, ...), registered as an
 * OSGi service. The runner asks every family whether it {@link #recognises} a folder and lets the
 * first that does run all the vectors in it. Plugins may register families of their own.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface VectorFamily {
    /** Short name, e.g. {@code codec} or {@code stf/safrole}. */
    String name();

    /** Whether {@code dir} holds vectors of this family (judged by its path and contents, not by running them). */
    boolean recognises(Path dir);

    /**
     * Runs every vector in {@code dir}. A vector whose input cannot be read is a failed vector, not an
     * exception; {@link IOException} is for a folder that cannot be listed at all.
     */
    VectorReport run(Path dir) throws IOException;
}
