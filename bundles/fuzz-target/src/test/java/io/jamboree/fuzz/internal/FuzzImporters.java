package io.jamboree.fuzz.internal;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.importer.internal.BlockImporterFactoryComponent;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.stf.StateTransition;
import io.jamboree.store.memory.MemoryStoreFactoryComponent;

/** The fuzz target's importers with the services wired by hand (the importer's {@link TestImporters}), outside OSGi. */
public final class FuzzImporters {
    private FuzzImporters() {}

    /** Fresh in-memory importers with accumulation by {@code accumulation}. */
    public static ImporterFactory inMemory(Accumulation accumulation) {
        StateTransition transition = TestImporters.transition(accumulation);
        return Importers.fresh(new BlockImporterFactoryComponent(transition), new MemoryStoreFactoryComponent(),
                transition);
    }
}
