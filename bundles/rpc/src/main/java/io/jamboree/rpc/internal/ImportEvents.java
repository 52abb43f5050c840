package io.jamboree.rpc.internal;

import io.jamboree.importer.BlockImportListener;
import io.jamboree.importer.ImportedBlock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Hears every block the node's importer imports (jam-importer's {@link BlockImportListener} whiteboard: authored here,
 * synced from peers, ...) and passes it to the RPC server, whose {@code subscribeBestBlock} (and other best-head)
 * subscribers and the dashboard are then pushed the new head; nothing polls the chain.
 */
@Component(service = BlockImportListener.class)
public final class ImportEvents implements BlockImportListener {
    private final List<HeadEvents> servers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
    void bind(HeadEvents e) {
        servers.add(e);
    }

    void unbind(HeadEvents e) {
        servers.remove(e);
    }

    @Override
    public void imported(ImportedBlock block) {
        for (HeadEvents e : servers) {
            e.headsChanged();
        }
    }
}
