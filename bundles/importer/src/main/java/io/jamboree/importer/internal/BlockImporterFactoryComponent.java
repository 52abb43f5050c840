package io.jamboree.importer.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.BlockImporterFactory;
import io.jamboree.stf.StateTransition;
import io.jamboree.store.NodeStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link BlockImporterFactory} service: {@link StoreBlockImporter}s over the node's Υ or a given one. */
@Component(service = BlockImporterFactory.class)
public final class BlockImporterFactoryComponent implements BlockImporterFactory {
    private final StateTransition transition;

    @Activate
    public BlockImporterFactoryComponent(@Reference StateTransition transition) {
        this.transition = transition;
    }

    @Override
    public BlockImporter create(ChainParams params, NodeStore store) {
        return create(params, store, transition);
    }

    @Override
    public BlockImporter create(ChainParams params, NodeStore store, StateTransition transition) {
        return new StoreBlockImporter(params, store, transition, (long) RETAINED_EPOCHS * params.epochLength());
    }
}
