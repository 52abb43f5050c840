package io.jamboree.importer.internal;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.stf.StateTransition;
import io.jamboree.stf.internal.RingVrfComponent;
import io.jamboree.stf.internal.StateTransitionComponent;
import io.jamboree.store.NodeStore;

/** The importer's services wired by hand, as Declarative Services would wire them, for tests outside OSGi. */
public final class TestImporters {
    private TestImporters() {}

    /** The {@code StateTransition} component over {@code accumulation}. */
    public static StateTransition transition(Accumulation accumulation) {
        return new StateTransitionComponent(accumulation, new RingVrfComponent());
    }

    /** An importer from the {@code BlockImporterFactory} component. */
    public static BlockImporter create(ChainParams params, NodeStore store, Accumulation accumulation) {
        return new BlockImporterFactoryComponent(transition(accumulation)).create(params, store);
    }

    /**
     * An importer from the {@code BlockImporterFactory} component that tells {@code listener} of every block it
     * imports, as the {@code BlockImporter} component tells its whiteboard listeners.
     */
    public static BlockImporter create(ChainParams params, NodeStore store, Accumulation accumulation,
            io.jamboree.importer.BlockImportListener listener) {
        ImportListeners listeners = new ImportListeners();
        listeners.add(listener);
        return new NotifyingImporter(create(params, store, accumulation), listeners);
    }
}
