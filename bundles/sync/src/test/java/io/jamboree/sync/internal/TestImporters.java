package io.jamboree.sync.internal;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.internal.BlockImporterFactoryComponent;
import io.jamboree.stf.internal.RingVrfComponent;
import io.jamboree.stf.internal.StateTransitionComponent;
import io.jamboree.store.NodeStore;

/** Block importers with the services wired by hand, as Declarative Services would wire them, for tests outside OSGi. */
public final class TestImporters {
    private TestImporters() {}

    /** An importer from the {@code BlockImporterFactory} component, with Υ over {@code accumulation}. */
    public static BlockImporter create(ChainParams params, NodeStore store, Accumulation accumulation) {
        return new BlockImporterFactoryComponent(new StateTransitionComponent(accumulation, new RingVrfComponent()))
                .create(params, store);
    }
}
