package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.Genesis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.store.ActiveStore;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Stores;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import io.jamboree.store.memory.MemoryNodeStore;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The DS component outside the framework: configuration, delegation to the store-backed importer. */
class BlockImporterComponentTest {

    private static BlockImporterComponent.Config config(String chain) {
        return new BlockImporterComponent.Config() {
            @Override
            public String chain() {
                return chain;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return BlockImporterComponent.Config.class;
            }
        };
    }

    /** An ActiveStore over one in-memory store. */
    private static final class OneStore implements ActiveStore {
        private final NodeStore store = new MemoryNodeStore();

        @Override
        public Set<String> availableKinds() {
            return Set.of(store.kind());
        }

        @Override
        public Map<Table, Long> sizes() {
            return Map.of();
        }

        @Override
        public Stores.CopyReport switchTo(String kind) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String kind() {
            return store.kind();
        }

        @Override
        public ReadTxn read() {
            return store.read();
        }

        @Override
        public WriteTxn write() {
            return store.write();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @Test
    void importsThroughTheComponent() {
        BlockImporterComponent c = new BlockImporterComponent(new OneStore(), TestImporters.transition(TraceImportTest.accumulation()),
                config("tiny"));
        assertEquals(ChainParams.tiny(), c.params());
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")),
                ChainParams.tiny());
        assertEquals(g.state().stateRoot(), c.initialize(g.header(), g.state().keyvals(), List.of()));
        TraceStep s = TraceStep.decode(Traces.read(Traces.folder("fallback").resolve("00000001.bin")), ChainParams.tiny());
        ImportOutcome.Imported ok = assertInstanceOf(ImportOutcome.Imported.class, c.importBlock(s.block()));
        assertEquals(s.postState().stateRoot(), ok.stateRoot());
        assertEquals(ok.headerHash(), c.bestHead().orElseThrow());
        assertEquals(s.postState().keyvals().size(), c.state(ok.headerHash()).orElseThrow().size());
    }

    /**
     * Import events: every bound listener is told of an imported block on the importing thread, before
     * {@code importBlock} returns (no timer involved); a throwing listener stops neither the import nor the others; a
     * rejected block and an unbound listener get no event.
     */
    @Test
    void importedBlocksReachTheWhiteboardListeners() {
        BlockImporterComponent c = new BlockImporterComponent(new OneStore(), TestImporters.transition(TraceImportTest.accumulation()),
                config("tiny"));
        java.util.List<io.jamboree.importer.ImportedBlock> seen = new java.util.ArrayList<>();
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        io.jamboree.importer.BlockImportListener failing = b -> {
            throw new IllegalStateException("listener bug");
        };
        io.jamboree.importer.BlockImportListener recording = b -> {
            seen.add(b);
            threads.add(Thread.currentThread());
        };
        java.util.List<io.jamboree.importer.ImportedBlock> unbound = new java.util.ArrayList<>();
        io.jamboree.importer.BlockImportListener gone = unbound::add;
        c.bindListener(failing);
        c.bindListener(recording);
        c.bindListener(gone);
        c.unbindListener(gone);
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")), ChainParams.tiny());
        c.initialize(g.header(), g.state().keyvals(), List.of());
        TraceStep s = TraceStep.decode(Traces.read(Traces.folder("fallback").resolve("00000001.bin")), ChainParams.tiny());
        ImportOutcome.Imported ok = assertInstanceOf(ImportOutcome.Imported.class, c.importBlock(s.block()));
        assertEquals(1, seen.size(), "one event, delivered before importBlock returned");
        assertEquals(Thread.currentThread(), threads.get(0));
        assertEquals(ok.headerHash(), seen.get(0).headerHash());
        assertEquals(s.block().header().slot(), seen.get(0).slot());
        assertEquals(s.postState().stateRoot(), seen.get(0).stateRoot());
        assertEquals(ok.headerHash(), seen.get(0).bestHead());
        TraceStep third = TraceStep.decode(Traces.read(Traces.folder("fallback").resolve("00000003.bin")), ChainParams.tiny());
        assertInstanceOf(ImportOutcome.Rejected.class, c.importBlock(third.block()), "the parent (block 2) is unknown");
        assertEquals(1, seen.size(), "no event for a rejected block");
        assertEquals(List.of(), unbound);
    }

    /**
     * The component passes the fork tree on (GP §19: the best-chain rule reads {@code leaves}, finality calls
     * {@code pruneForks}); the interface's defaults would know the best head alone and prune nothing.
     */
    @Test
    void leavesAndPruningReachTheStoreImporter() {
        BlockImporterComponent c = new BlockImporterComponent(new OneStore(), TestImporters.transition(TraceImportTest.accumulation()),
                config("tiny"));
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")), ChainParams.tiny());
        c.initialize(g.header(), g.state().keyvals(), List.of());
        io.jamboree.types.Hash genesis = g.header().hash(ChainParams.tiny());
        TraceStep s = TraceStep.decode(Traces.read(Traces.folder("fallback").resolve("00000001.bin")), ChainParams.tiny());
        io.jamboree.types.Hash b1 = assertInstanceOf(ImportOutcome.Imported.class, c.importBlock(s.block())).headerHash();
        io.jamboree.types.Hash f1 = assertInstanceOf(ImportOutcome.Imported.class,
                c.importBlock(ForkTest.author(c, genesis, 2))).headerHash();
        assertEquals(Set.of(b1, f1), Set.copyOf(c.leaves()), "both children of genesis are leaves");
        assertEquals(1, c.pruneForks(b1), "finalizing b1 prunes the fork f1");
        assertEquals(List.of(b1), c.leaves());
    }

    @Test
    void unknownChainIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BlockImporterComponent(new OneStore(), TestImporters.transition(TraceImportTest.accumulation()), config("huge")));
        assertEquals("unknown chain 'huge': use tiny or full", e.getMessage());
    }
}
