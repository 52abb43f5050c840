package io.jamboree.author.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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

    @Test
    void authorsOnTheChosenHeadAndBackOnTheImportersWithoutOne() {
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(),
                new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        ChainSpec spec = new ChainSpecsComponent().dev(P);
        importer.initialize(spec.genesisHeader(), spec.genesisState(), List.of());
        Hash genesis = spec.genesisHeader().hash(P);
        List<LocalKey> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(LocalKey.dev(i));
        }
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

    private static Hash authored(NodeAuthor author, long slot) {
        SlotOutcome out = author.authorSlot(slot);
        return assertInstanceOf(SlotOutcome.Authored.class, out, "slot " + slot + ": " + out).block().headerHash();
    }
}
