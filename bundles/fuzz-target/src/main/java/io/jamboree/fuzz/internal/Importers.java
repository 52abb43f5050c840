package io.jamboree.fuzz.internal;

import io.jamboree.pvm.PvmEngine;

/** The fuzz target's importers: the block importer over a fresh in-memory store, accumulating on a given PVM engine. */
final class Importers {
    private Importers() {}

    static ImporterFactory inMemory(PvmEngine engine) {
        return params -> {
            throw new UnsupportedOperationException("the block importer implementation is not available yet (PVM "
                    + engine.name() + ")");
        };
    }
}
