package io.jamboree.fuzz.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;

/**
 * Makes a fresh, empty block importer for one {@code initialize}: the fuzz target never reuses an
 * importer across initializations or sessions, so nothing a session imported outlives it. If the
 * importer is {@link AutoCloseable} the session closes it when replacing or dropping it.
 */
@FunctionalInterface
public interface ImporterFactory {
    BlockImporter create(ChainParams params);
}
