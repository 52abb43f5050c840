package io.jamboree.store.memory;

import io.jamboree.store.NodeStore;
import io.jamboree.store.NodeStoreContract;

class MemoryNodeStoreTest extends NodeStoreContract {
    @Override
    protected NodeStore newStore() {
        return new MemoryNodeStore();
    }

    @Override
    protected String expectedKind() {
        return "memory";
    }
}
