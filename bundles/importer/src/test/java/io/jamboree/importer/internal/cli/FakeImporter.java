package io.jamboree.importer.internal.cli;

import io.jamboree.stf.state.StateCodec;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the real importer in tests of the CLI logic only: it does not execute blocks but
 * answers each block with the post-state it is told ({@link #answer}), or rejects it. It keeps the
 * block tree in memory, so a second run over the same instance sees the blocks of the first.
 */
final class FakeImporter implements BlockImporter {
    private final ChainParams params = ChainParams.tiny();
    private final Map<Hash, List<KeyValue>> states = new HashMap<>();
    private final Map<Hash, List<KeyValue>> answers = new HashMap<>();
    private Hash best;
    /** Thrown by the next initialisation or import, if set. */
    RuntimeException breakdown;
    int initializations;
    int imports;
    final List<List<AncestryItem>> ancestries = new ArrayList<>();

    /** The block with {@code hash} produces {@code post}; null means it is rejected. */
    void answer(Hash hash, List<KeyValue> post) {
        answers.put(hash, post);
    }

    /** Forgets the state of one block, as an importer that prunes old states does. */
    void prune(Hash hash) {
        states.remove(hash);
    }

    @Override
    public ChainParams params() {
        return params;
    }

    @Override
    public Hash initialize(Header header, List<KeyValue> state, List<AncestryItem> ancestry) {
        if (breakdown != null) {
            throw breakdown;
        }
        initializations++;
        ancestries.add(ancestry);
        states.clear();
        Hash h = header.hash(params);
        states.put(h, List.copyOf(state));
        best = h;
        return StateCodec.root(StateCodec.toMap(state));
    }

    @Override
    public Hash initialize(Hash headerHash, List<KeyValue> state, List<AncestryItem> ancestry) {
        if (breakdown != null) {
            throw breakdown;
        }
        initializations++;
        ancestries.add(ancestry);
        states.clear();
        states.put(headerHash, List.copyOf(state));
        best = headerHash;
        return StateCodec.root(StateCodec.toMap(state));
    }

    @Override
    public ImportOutcome importBlock(Block block) {
        if (breakdown != null) {
            throw breakdown;
        }
        imports++;
        Hash h = block.header().hash(params);
        if (!states.containsKey(block.header().parent())) {
            return new ImportOutcome.Rejected("unknown parent");
        }
        List<KeyValue> post = answers.get(h);
        if (post == null) {
            return new ImportOutcome.Rejected("told to reject");
        }
        states.put(h, post);
        best = h;
        return new ImportOutcome.Imported(h, StateCodec.root(StateCodec.toMap(post)));
    }

    @Override
    public Optional<List<KeyValue>> state(Hash headerHash) {
        return Optional.ofNullable(states.get(headerHash));
    }

    @Override
    public Optional<Hash> bestHead() {
        return Optional.ofNullable(best);
    }
}
