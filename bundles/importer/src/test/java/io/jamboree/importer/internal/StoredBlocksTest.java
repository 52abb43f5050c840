package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.Genesis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Hash;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored-chain lookups {@code block}, {@code header} and {@code stateRoot} (what {@code jam export} walks) over the
 * first steps of the public {@code fallback} trace: blocks as imported, the genesis header as initialized, state roots
 * as the trace's post-state roots.
 */
class StoredBlocksTest {
    private static final ChainParams P = ChainParams.tiny();

    @Test
    void lookupsGiveWhatWasImported() {
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(), TraceImportTest.accumulation());
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")), P);
        importer.initialize(g.header(), g.state().keyvals(), List.of());
        Hash genesis = g.header().hash(P);
        assertEquals(g.header(), importer.header(genesis).orElseThrow());
        assertTrue(importer.block(genesis).isEmpty(), "the initial state has a header, no block");
        assertEquals(g.state().stateRoot(), importer.stateRoot(genesis).orElseThrow());
        for (Path p : Traces.steps("fallback").subList(0, 3)) {
            TraceStep s = TraceStep.decode(Traces.read(p), P);
            ImportOutcome.Imported i = assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(s.block()));
            assertEquals(s.block(), importer.block(i.headerHash()).orElseThrow());
            assertEquals(s.block().header(), importer.header(i.headerHash()).orElseThrow());
            assertEquals(s.postState().stateRoot(), importer.stateRoot(i.headerHash()).orElseThrow());
        }
        assertTrue(importer.block(Hash.ZERO).isEmpty() && importer.stateRoot(Hash.ZERO).isEmpty());
    }
}
