package io.jamboree.fuzz.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.BlockImporterFactory;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.StateTransition;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.store.NodeStore;
import io.jamboree.store.NodeStoreFactory;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.List;
import java.util.Optional;

/**
 * The fuzz target's importers: one from the {@link BlockImporterFactory} service over a fresh store from a
 * {@link NodeStoreFactory} service (in-memory: fuzzing needs no persistence) per {@code initialize}, closed with the
 * session or the next initialize so that no state outlives it. Public for the replay client's tests (this package
 * is not exported).
 */
public final class Importers {
    private Importers() {}

    /** Importers with Υ {@code transition} over fresh stores of {@code stores}. */
    public static ImporterFactory fresh(BlockImporterFactory importers, NodeStoreFactory stores,
            StateTransition transition) {
        return params -> {
            NodeStore store = stores.create();
            try {
                return new StoreOwningImporter(importers.create(params, store, transition), store);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        };
    }

    /** An importer that owns its store and closes it. */
    private record StoreOwningImporter(BlockImporter delegate, NodeStore store) implements BlockImporter, AutoCloseable {
        @Override
        public ChainParams params() {
            return delegate.params();
        }

        @Override
        public Hash initialize(Header header, List<KeyValue> state, List<AncestryItem> ancestry) {
            return delegate.initialize(header, state, ancestry);
        }

        @Override
        public Hash initialize(Hash headerHash, List<KeyValue> state, List<AncestryItem> ancestry) {
            return delegate.initialize(headerHash, state, ancestry);
        }

        @Override
        public ImportOutcome importBlock(Block block) {
            return delegate.importBlock(block);
        }

        @Override
        public Optional<List<KeyValue>> state(Hash headerHash) {
            return delegate.state(headerHash);
        }

        @Override
        public Optional<Hash> bestHead() {
            return delegate.bestHead();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
