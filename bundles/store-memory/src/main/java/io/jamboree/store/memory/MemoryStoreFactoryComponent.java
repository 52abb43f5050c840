package io.jamboree.store.memory;

import io.jamboree.store.NodeStore;
import io.jamboree.store.NodeStoreFactory;
import org.osgi.service.component.annotations.Component;

/** The {@link NodeStoreFactory} of in-memory stores (store.kind=memory): each one new, empty and the caller's. */
@Component(service = NodeStoreFactory.class, property = NodeStore.KIND_PROPERTY + "=memory")
public final class MemoryStoreFactoryComponent implements NodeStoreFactory {

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public NodeStore create() {
        return new MemoryNodeStore();
    }
}
