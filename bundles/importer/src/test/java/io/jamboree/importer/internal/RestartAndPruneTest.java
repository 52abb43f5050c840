package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.Genesis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Table;
import io.jamboree.store.lmdb.LmdbNodeStore;
import io.jamboree.types.Hash;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Block-tree persistence: the tree and best head survive a restart (LMDB); old states are pruned. */
class RestartAndPruneTest {
    private static final ChainParams P = ChainParams.tiny();

    @TempDir
    Path dir;

    private static TraceStep step(int i) {
        return TraceStep.decode(Traces.read(Traces.folder("fallback").resolve(String.format("%08d.bin", i))), P);
    }

    @Test
    void reloadsTreeAfterRestart() {
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")), P);
        Hash head;
        List<KeyValue> headState;
        try (NodeStore store = LmdbNodeStore.open(dir, 1)) {
            BlockImporter imp = TestImporters.create(P, store, TraceImportTest.accumulation());
            imp.initialize(g.header(), g.state().keyvals(), List.of());
            for (int i = 1; i <= 20; i++) {
                assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(step(i).block()));
            }
            head = imp.bestHead().orElseThrow();
            headState = imp.state(head).orElseThrow();
        }
        try (NodeStore store = LmdbNodeStore.open(dir, 1)) {
            BlockImporter imp = TestImporters.create(P, store, TraceImportTest.accumulation());
            assertEquals(head, imp.bestHead().orElseThrow(), "best head after restart");
            assertEquals(headState, imp.state(head).orElseThrow(), "head state after restart");
            for (int i = 21; i <= 30; i++) {
                TraceStep s = step(i);
                ImportOutcome.Imported ok = assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(s.block()));
                assertEquals(s.postState().stateRoot(), ok.stateRoot());
            }
            // importing a known block again is idempotent
            assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(step(30).block()));
        }
    }

    @Test
    void prunesStatesFarBehindTheHead() {
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")), P);
        try (NodeStore store = LmdbNodeStore.open(dir, 1)) {
            BlockImporter imp = TestImporters.create(P, store, TraceImportTest.accumulation());
            Hash genesis = imp.initialize(g.header(), g.state().keyvals(), List.of()) == null ? null
                    : g.header().hash(P);
            for (int i = 1; i <= 100; i++) {
                assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(step(i).block()));
            }
            long retained = (long) io.jamboree.importer.BlockImporterFactory.RETAINED_EPOCHS * P.epochLength();
            assertTrue(imp.state(genesis).isEmpty(), "genesis state pruned");
            try (ReadTxn r = store.read()) {
                assertTrue(r.count(Table.STATES) <= retained + 1, "states kept: " + r.count(Table.STATES));
                assertEquals(101, r.count(Table.BLOCKS), "blocks are all kept");
            }
        }
    }
}
