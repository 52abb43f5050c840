package io.jamboree.fuzz.internal;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.importer.internal.BlockImporterFactoryComponent;
import io.jamboree.stf.internal.RingVrfComponent;
import io.jamboree.stf.internal.StateTransitionComponent;
import io.jamboree.store.memory.MemoryStoreFactoryComponent;

/** The fuzz target's importers with the services wired by hand, as Declarative Services would, outside OSGi. */
public final class TestImporters {
    private TestImporters() {}

    /** Fresh in-memory importers with accumulation by {@code accumulation}. */
    public static ImporterFactory inMemory(Accumulation accumulation) {
        StateTransitionComponent transition = new StateTransitionComponent(accumulation, new RingVrfComponent());
        return Importers.fresh(new BlockImporterFactoryComponent(transition), new MemoryStoreFactoryComponent(),
                transition);
    }
}
