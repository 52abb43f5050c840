package io.jamboree.importer;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.StateTransition;
import io.jamboree.store.NodeStore;

/**
 * Makes block importers (GP §4.1, Υ) over a given store, for callers that need their own chain next to the node's
 * {@link BlockImporter} service (the fuzz target's fresh in-memory chain per session). Registered as an OSGi
 * service by the importer bundle.
 */
@org.osgi.annotation.versioning.ProviderType
public interface BlockImporterFactory {

    /**
     * States of blocks more than this many epochs' worth of blocks (E per epoch) below the best head's height are
     * pruned from the store (GP §19 leaves retention to the implementation; forks deeper than this cannot be
     * extended).
     */
    int RETAINED_EPOCHS = 4;

    /**
     * An importer over {@code store} with the node's Υ (the {@link StateTransition} service): reloads the block
     * tree found there (after a restart), else is empty until {@link BlockImporter#initialize}. The caller owns
     * the store.
     */
    BlockImporter create(ChainParams params, NodeStore store);

    /** As {@link #create(ChainParams, NodeStore)} with the given Υ (e.g. accumulation on another PVM engine). */
    BlockImporter create(ChainParams params, NodeStore store, StateTransition transition);
}
