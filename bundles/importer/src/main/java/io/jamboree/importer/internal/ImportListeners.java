package io.jamboree.importer.internal;

import io.jamboree.importer.BlockImportListener;
import io.jamboree.importer.ImportedBlock;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link BlockImportListener}s of an importer (the whiteboard services bound to the {@code BlockImporter}
 * component, or listeners added by hand outside OSGi): each is told of every imported block, on the importing thread;
 * one that throws is logged and does not stop the others or the import.
 */
public final class ImportListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ImportListeners.class);

    private final List<BlockImportListener> listeners = new CopyOnWriteArrayList<>();

    public void add(BlockImportListener l) {
        listeners.add(l);
    }

    public void remove(BlockImportListener l) {
        listeners.remove(l);
    }

    /** Tells every listener that {@code block}, with header hash {@code hash}, was imported. */
    void imported(Block block, Hash hash, Hash stateRoot, Hash bestHead) {
        if (listeners.isEmpty()) {
            return;
        }
        ImportedBlock event = new ImportedBlock(hash, block.header().slot(), stateRoot, bestHead);
        for (BlockImportListener l : listeners) {
            try {
                l.imported(event);
            } catch (RuntimeException e) {
                LOG.warn("import listener {} failed on block {}: {}", l.getClass().getName(), hash, e.toString());
            }
        }
    }
}
