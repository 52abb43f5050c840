package io.jamboree.author.internal;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.author.AuthoredBlock;
import io.jamboree.author.SealKind;
import io.jamboree.author.SlotOutcome;
import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.internal.ChainSpecsComponent;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Authors the tiny dev chain (the jam-docs dev genesis of {@code jam run --chain tiny}) with all six JIP-5 dev
 * validators: every slot is filled,
 * every block is accepted by the importer, and after the first epoch every block is ticket-sealed.
 */
class AuthorChainTest {
    private static final ChainParams P = ChainParams.tiny();

    @Test
    void twoAndAHalfEpochs() {
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(), new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        ChainSpec spec = new ChainSpecsComponent().dev(P);
        importer.initialize(spec.genesisHeader(), spec.genesisState(), List.of());
        List<LocalKey> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(LocalKey.dev(i));
        }
        List<AuthoredBlock> blocks = new ArrayList<>();
        NodeAuthor author = new NodeAuthor(importer, keys, blocks::add);
        for (long slot = 1; slot <= 30; slot++) {
            long t0 = System.nanoTime();
            SlotOutcome out = author.authorSlot(slot);
            SlotOutcome.Authored a = assertInstanceOf(SlotOutcome.Authored.class, out, "slot " + slot + ": " + out);
            System.out.printf("slot %d %s tickets %d author %d ms import %d ms%n", slot, a.block().sealKind(),
                    a.block().ticketsIncluded(), a.block().authorNanos() / 1_000_000, a.block().importNanos() / 1_000_000);
            if (slot >= P.epochLength()) {
                assertEquals(SealKind.TICKET, a.block().sealKind(), "slot " + slot);
            }
        }
        assertEquals(30, blocks.size());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), author.validators());
    }
}
