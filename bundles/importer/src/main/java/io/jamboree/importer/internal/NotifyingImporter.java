package io.jamboree.importer.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.List;
import java.util.Optional;

/**
 * A {@link BlockImporter} that tells its {@link ImportListeners} of every block {@code delegate} imported (GP §4.1,
 * Υ), after the import returned: the import events of the node's importer service.
 */
public final class NotifyingImporter implements BlockImporter {
    private final BlockImporter delegate;
    private final ImportListeners listeners;

    public NotifyingImporter(BlockImporter delegate, ImportListeners listeners) {
        this.delegate = delegate;
        this.listeners = listeners;
    }

    @Override
    public ImportOutcome importBlock(Block block) {
        ImportOutcome out = delegate.importBlock(block);
        if (out instanceof ImportOutcome.Imported i) {
            listeners.imported(block, i.headerHash(), i.stateRoot(), delegate.bestHead().orElse(i.headerHash()));
        }
        return out;
    }

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
    public Optional<List<KeyValue>> state(Hash headerHash) {
        return delegate.state(headerHash);
    }

    @Override
    public Optional<Hash> bestHead() {
        return delegate.bestHead();
    }

    @Override
    public Optional<Block> block(Hash headerHash) {
        return delegate.block(headerHash);
    }

    @Override
    public Optional<Header> header(Hash headerHash) {
        return delegate.header(headerHash);
    }

    @Override
    public Optional<Hash> stateRoot(Hash headerHash) {
        return delegate.stateRoot(headerHash);
    }

    @Override
    public List<Hash> leaves() {
        return delegate.leaves();
    }

    @Override
    public int pruneForks(Hash finalized) {
        return delegate.pruneForks(finalized);
    }
}
