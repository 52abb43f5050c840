package io.jamboree.fuzz.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateTrie;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Transport tests only: stores the initial state and answers its root (App. D merklization, real),
 * rejects every block and records what it was given; it can be told to throw instead (an internal failure).
 * It does not implement Υ.
 */
final class FakeImporter implements BlockImporter, AutoCloseable {
    final List<Block> blocks = new ArrayList<>();
    private final ChainParams params;
    private Hash initialHeader;
    private List<KeyValue> initialState;
    boolean closed;
    /** When set, {@link #initialize} throws it (an internal failure of the importer, not a rejection). */
    volatile RuntimeException initializeFailure;
    /** When set, {@link #importBlock} throws it (an internal failure of the importer, not a rejection). */
    volatile RuntimeException importFailure;

    FakeImporter(ChainParams params) {
        this.params = params;
    }

    @Override
    public ChainParams params() {
        return params;
    }

    @Override
    public Hash initialize(Header header, List<KeyValue> state, List<AncestryItem> ancestry) {
        if (initializeFailure != null) {
            throw initializeFailure;
        }
        initialHeader = header.hash(params);
        initialState = state.stream().sorted(Comparator.comparing(KeyValue::key)).toList();
        byte[][] keys = new byte[initialState.size()][];
        byte[][] values = new byte[initialState.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = initialState.get(i).key().bytes();
            values[i] = initialState.get(i).value();
        }
        return new Hash(StateTrie.root(keys, values));
    }

    @Override
    public ImportOutcome importBlock(Block block) {
        blocks.add(block);
        if (importFailure != null) {
            throw importFailure;
        }
        return new ImportOutcome.Rejected("fake importer rejects every block");
    }

    @Override
    public Optional<List<KeyValue>> state(Hash headerHash) {
        return headerHash.equals(initialHeader) ? Optional.of(initialState) : Optional.empty();
    }

    @Override
    public Optional<Hash> bestHead() {
        return Optional.ofNullable(initialHeader);
    }

    @Override
    public void close() {
        closed = true;
    }
}
