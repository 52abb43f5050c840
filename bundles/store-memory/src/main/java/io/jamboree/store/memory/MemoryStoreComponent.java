package io.jamboree.store.memory;

import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.WriteTxn;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The memory NodeStore as a service (store.kind=memory). Its data lives as long as the bundle. */
@Component(service = NodeStore.class, property = NodeStore.KIND_PROPERTY + "=memory", immediate = true)
public final class MemoryStoreComponent implements NodeStore {
    private final MemoryNodeStore store = new MemoryNodeStore();

    @Override
    public String kind() {
        return store.kind();
    }

    @Override
    public ReadTxn read() {
        return store.read();
    }

    @Override
    public WriteTxn write() {
        return store.write();
    }

    @Override
    public void close() {
        // owned by the component: closed on deactivation only
    }

    @Deactivate
    void deactivate() {
        store.close();
    }
}
