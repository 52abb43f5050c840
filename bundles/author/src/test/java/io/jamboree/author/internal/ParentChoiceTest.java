package io.jamboree.author.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import io.jamboree.author.SlotOutcome;
import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.internal.ChainSpecsComponent;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The parent of an authored block is the head the best-chain rule gives ({@link NodeAuthor#parentChoice}, GP §19),
 * not the importer's longest chain: a fork below it is left alone.
 */
class ParentChoiceTest {
    private static final ChainParams P = ChainParams.tiny();
    private static final ChainSpec SPEC = new ChainSpecsComponent().dev(P);

    /** An in-memory importer at the tiny dev genesis. */
    private static BlockImporter devImporter() {
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(),
                new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        importer.initialize(SPEC.genesisHeader(), SPEC.genesisState(), List.of());
        return importer;
    }

    /** The six tiny dev validators' keys. */
    private static List<LocalKey> devKeys() {
        List<LocalKey> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(LocalKey.dev(i));
        }
        return keys;
    }

    @Test
    void authorsOnTheChosenHeadAndBackOnTheImportersWithoutOne() {
        BlockImporter importer = devImporter();
        Hash genesis = SPEC.genesisHeader().hash(P);
        List<LocalKey> keys = devKeys();
        NodeAuthor author = new NodeAuthor(importer, keys, b -> { });
        Hash a1 = authored(author, 1);
        Hash a2 = authored(author, 2);
        assertEquals(a1, importer.header(a2).orElseThrow().parent(), "on the importer's best head by default");

        // the best-chain rule says a1 (say a2's slot had an equivocation): the next block forks from a1
        author.parentChoice(() -> Optional.of(a1));
        Hash b3 = authored(author, 3);
        assertEquals(a1, importer.header(b3).orElseThrow().parent(), "on the chosen head");
        author.parentChoice(() -> Optional.of(genesis));
        Hash c4 = authored(author, 4);
        assertEquals(genesis, importer.header(c4).orElseThrow().parent(), "on the chosen head, below the longest");

        // no choice (GRANDPA gone): the importer's best head again
        author.parentChoice(null);
        Hash best = importer.bestHead().orElseThrow();
        Hash d5 = authored(author, 5);
        assertEquals(best, importer.header(d5).orElseThrow().parent());
    }

    /**
     * GRANDPA finalizes another fork while our block is built, and the importer prunes the fork our parent is on: the
     * import is refused for an unknown parent. That is a race, not a bug: the slot is skipped (ParentPruned, a warning)
     * and the store is as it was (testnet node 0 once exited with "BUG: ... unknown parent" on a loaded machine).
     */
    @Test
    void aParentPrunedWhileTheBlockIsBuiltSkipsTheSlot() {
        BlockImporter real = devImporter();
        Hash genesis = SPEC.genesisHeader().hash(P);
        java.util.concurrent.atomic.AtomicReference<Hash> finalizeFirst = new java.util.concurrent.atomic.AtomicReference<>();
        BlockImporter importer = new BlockImporter() {
            @Override public ChainParams params() { return real.params(); }
            @Override public Hash initialize(io.jamboree.types.Header h, List<io.jamboree.stf.state.KeyValue> st,
                    List<io.jamboree.importer.AncestryItem> a) { return real.initialize(h, st, a); }
            @Override public io.jamboree.importer.ImportOutcome importBlock(io.jamboree.types.Block b) {
                Hash f = finalizeFirst.getAndSet(null);
                if (f != null) {
                    real.pruneForks(f); // finality arrives between the build and the import
                }
                return real.importBlock(b);
            }
            @Override public Optional<List<io.jamboree.stf.state.KeyValue>> state(Hash h) { return real.state(h); }
            @Override public Optional<Hash> bestHead() { return real.bestHead(); }
            @Override public Optional<io.jamboree.types.Block> block(Hash h) { return real.block(h); }
            @Override public Optional<io.jamboree.types.Header> header(Hash h) { return real.header(h); }
            @Override public Optional<Hash> stateRoot(Hash h) { return real.stateRoot(h); }
            @Override public List<Hash> leaves() { return real.leaves(); }
            @Override public int pruneForks(Hash f) { return real.pruneForks(f); }
        };
        List<LocalKey> keys = devKeys();
        NodeAuthor author = new NodeAuthor(importer, keys, b -> { });
        Hash a1 = authored(author, 1);
        Hash a2 = authored(author, 2);
        author.parentChoice(() -> Optional.of(genesis));
        Hash b3 = authored(author, 3); // a fork from genesis
        author.parentChoice(() -> Optional.of(b3));
        finalizeFirst.set(a2); // a2 finalized: b3's fork goes
        SlotOutcome out = author.authorSlot(4);
        SlotOutcome.ParentPruned pp = assertInstanceOf(SlotOutcome.ParentPruned.class, out, "slot 4: " + out);
        assertEquals(b3, pp.parent());
        assertEquals(4, pp.slot());
        assertEquals(Optional.of(a2), real.bestHead(), "the store keeps the finalized chain");
        assertTrue(real.stateRoot(b3).isEmpty(), "b3 pruned");
        assertTrue(real.stateRoot(a1).isPresent());

        // the next slot builds on the new best head
        author.parentChoice(null);
        Hash a5 = authored(author, 5);
        assertEquals(a2, importer.header(a5).orElseThrow().parent());
    }

    private static Hash authored(NodeAuthor author, long slot) {
        SlotOutcome out = author.authorSlot(slot);
        return assertInstanceOf(SlotOutcome.Authored.class, out, "slot " + slot + ": " + out).block().headerHash();
    }
}
