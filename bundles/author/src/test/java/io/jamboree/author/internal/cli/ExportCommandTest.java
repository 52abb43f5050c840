package io.jamboree.author.internal.cli;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.author.SlotOutcome;
import io.jamboree.author.internal.LocalKey;
import io.jamboree.author.internal.NodeAuthor;
import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.internal.ChainSpecsComponent;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jam export} on a chain longer than the importer keeps states for (4 epochs = 48 tiny blocks): 60 fallback
 * blocks without tickets; the states up to height 11 are pruned, so the trace starts mid-chain at block 13 (whose
 * parent state is kept), without genesis, and numbers its steps by height.
 */
class ExportCommandTest {
    private static final ChainParams P = ChainParams.tiny();

    @TempDir
    Path tmp;

    @Test
    void prunedChainExportsFromTheFirstKeptParentState() throws Exception {
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(), new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        ChainSpec spec = new ChainSpecsComponent().dev(P);
        importer.initialize(spec.genesisHeader(), spec.genesisState(), List.of());
        List<LocalKey> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(LocalKey.dev(i));
        }
        NodeAuthor author = new NodeAuthor(importer, keys, b -> { }, false);
        for (long slot = 1; slot <= 60; slot++) {
            assertInstanceOf(SlotOutcome.Authored.class, author.authorSlot(slot));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path dir = tmp.resolve("trace");
        int code = new ExportCommand(importer).run(List.of("--trace", dir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("exported 48 blocks to "), text);
        assertTrue(text.contains("the first 12 blocks' parent states were pruned"), text);
        assertTrue(text.contains("slots 13-60: 48 of 48 slots filled"), text);
        assertFalse(Files.exists(dir.resolve("genesis.bin")), "no genesis for a mid-chain trace");
        assertTrue(Files.exists(dir.resolve("00000013.bin")) && Files.exists(dir.resolve("00000060.json")));
        assertFalse(Files.exists(dir.resolve("00000012.bin")));
    }

    @Test
    void missingTraceFolderIsABadInput() {
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(), new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ExportCommand(importer).run(List.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--trace DIR is required"));
    }
}
