package io.jamboree.fuzz.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.trace.RawState;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.types.Hash;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up warm-up ({@link WarmUp}) with the public trace {@code traces/fallback} as its chain: every block
 * imported and its root checked against the trace's post-state roots, on each pass through a fresh importer; a
 * chain whose recorded root the importer does not reach, or a folder that is not a trace, ends the warm-up with
 * the reason and no exception.
 */
class WarmUpTest {
    private static ImporterFactory importers() {
        return FuzzImporters.inMemory(new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
    }

    @Test
    void importsEveryBlockOnEachPass() {
        WarmUp.Result r = WarmUp.run(TraceSteps.folder("fallback"), 2, importers());
        assertNull(r.problem(), r.describe());
        assertEquals(200, r.blocks(), r.describe());
        assertTrue(r.firstBlockNanos() > 0, r.describe());
        assertTrue(r.epochChangeNanos() > 0, "fallback crosses an epoch at slot 12: " + r.describe());
    }

    @Test
    void aRootTheImporterDoesNotReachStopsIt(@TempDir Path dir) throws Exception {
        Path from = TraceSteps.folder("fallback");
        Files.copy(from.resolve("genesis.bin"), dir.resolve("genesis.bin"));
        Files.copy(from.resolve("00000001.bin"), dir.resolve("00000001.bin"));
        ChainParams p = ChainParams.tiny();
        TraceStep second = TraceStep.decode(Files.readAllBytes(from.resolve("00000002.bin")), p);
        byte[] root = second.postState().stateRoot().bytes().clone();
        root[7] ^= 0x01;
        TraceStep wrong = new TraceStep(second.preState(), second.block(), new RawState(new Hash(root), second.postState().keyvals()));
        Files.write(dir.resolve("00000002.bin"), wrong.encode(p));
        Files.copy(from.resolve("00000003.bin"), dir.resolve("00000003.bin"));

        WarmUp.Result r = WarmUp.run(dir, 2, importers());
        assertEquals(1, r.blocks(), r.describe());
        assertNotNull(r.problem());
        assertTrue(r.problem().contains("slot 2: state root " + second.postState().stateRoot() + ", the chain has " + new Hash(root)),
                r.problem());
    }

    @Test
    void aFolderWithoutAChainIsReportedNotThrown(@TempDir Path dir) throws Exception {
        WarmUp.Result missing = WarmUp.run(dir.resolve("absent"), 2, importers());
        assertEquals(0, missing.blocks());
        assertTrue(missing.problem().startsWith("cannot read "), missing.problem());

        Files.write(dir.resolve("genesis.bin"), new byte[] {1, 2, 3});
        WarmUp.Result garbage = WarmUp.run(dir, 2, importers());
        assertEquals(0, garbage.blocks());
        assertTrue(garbage.problem().startsWith("cannot read "), garbage.problem());
    }
}
