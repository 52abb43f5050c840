package io.jamboree.importer;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.internal.StoreBlockImporter;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.store.NodeStore;

/**
 * Creates block importers outside OSGi (tests, the fuzz target, {@code jam import}); inside the framework use the
 * {@link BlockImporter} service.
 */
public final class BlockImporters {

    /**
     * States of blocks more than this many epochs' worth of blocks (E per epoch) below the best head's height are
     * pruned from the store (GP §19 leaves retention to the implementation; forks deeper than this cannot be
     * extended).
     */
    public static final int RETAINED_EPOCHS = 4;

    private BlockImporters() {}

    /**
     * An importer over {@code store}: reloads the block tree found there (after a restart), else is empty until
     * {@link BlockImporter#initialize}.
     */
    public static BlockImporter create(ChainParams params, NodeStore store, Accumulation accumulation) {
        return new StoreBlockImporter(params, store, accumulation, BandersnatchRing.shared(),
                (long) RETAINED_EPOCHS * params.epochLength());
    }
}
