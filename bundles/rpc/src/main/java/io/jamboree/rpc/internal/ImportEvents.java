package io.jamboree.rpc.internal;

import io.jamboree.importer.BlockImportListener;
import io.jamboree.importer.ImportedBlock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Hears every block the node's importer imports (jam-importer's {@link BlockImportListener} whiteboard: authored here,
 * synced from peers, ...) and passes it to the RPC server ({@link RpcEvents}), whose {@code subscribeBestBlock} (and other best-head)
 * subscribers and the dashboard are then pushed the new head; nothing polls the chain.
 */
@Component(service = BlockImportListener.class)
public final class ImportEvents implements BlockImportListener {
    private final RpcEvents events;

    @Activate
    public ImportEvents(@Reference RpcEvents events) {
        this.events = events;
    }

    @Override
    public void imported(ImportedBlock block) {
        events.headsChanged();
    }
}
