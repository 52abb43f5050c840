package io.jamboree.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Hash;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/**
 * Pruning by finality (GP §19, {@link BlockImporter#pruneForks}): with a trace branch and a fork authored beside it,
 * finalizing a block of the trace branch forgets the fork (blocks, states, tree nodes, also after a restart) and
 * keeps everything on and above the finalized block; the best head leaves the pruned fork.
 */
class PruneForksTest {
    private static final ChainParams P = ChainParams.tiny();

    private static TraceStep step(int i) {
        return TraceStep.decode(Traces.read(Traces.folder("fallback").resolve(String.format("%08d.bin", i))), P);
    }

    private static Hash imported(BlockImporter imp, io.jamboree.types.Block b) {
        return assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(b)).headerHash();
    }

    @Test
    void finalityPrunesTheForksBesideTheFinalizedChain() {
        MemoryNodeStore store = new MemoryNodeStore();
        BlockImporter imp = TestImporters.create(P, store, TraceImportTest.accumulation());
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")), P);
        imp.initialize(g.header(), g.state().keyvals(), List.of());
        Hash genesis = g.header().hash(P);

        Hash b1 = imported(imp, step(1).block());
        Hash b2 = imported(imp, step(2).block());
        // a fork from genesis, two blocks long, and a fork from b1 one block long
        Hash f1 = imported(imp, ForkTest.author(imp, genesis, 2));
        Hash f2 = imported(imp, ForkTest.author(imp, f1, 3));
        Hash c3 = imported(imp, ForkTest.author(imp, b1, 4));
        assertEquals(c3, imp.bestHead().orElseThrow(), "b2, f2 and c3 are of height 2: the newest import is best");
        assertEquals(Set.of(b2, f2, c3), new HashSet<>(imp.leaves()), "three leaves before pruning");

        assertEquals(0, imp.pruneForks(Hash.ZERO), "an unknown finalized block prunes nothing");
        // the best head on a fork: finalizing b1 prunes it, and the best head moves to the finalized chain
        Hash g3 = imported(imp, ForkTest.author(imp, f2, 4));
        assertEquals(g3, imp.bestHead().orElseThrow(), "the longest chain is the genesis fork");
        assertEquals(3, imp.pruneForks(b1), "finalizing b1 prunes the genesis fork f1, f2, g3");
        assertEquals(Set.of(b2, c3), new HashSet<>(imp.leaves()), "both children of b1 are kept");
        assertTrue(imp.header(f1).isEmpty() && imp.header(f2).isEmpty() && imp.block(g3).isEmpty(),
                "the fork's blocks are gone");
        assertTrue(imp.state(f1).isEmpty() && imp.state(f2).isEmpty(), "the fork's states are gone");
        assertTrue(imp.stateRoot(f2).isEmpty(), "the fork's tree nodes are gone");
        assertTrue(List.of(b2, c3).contains(imp.bestHead().orElseThrow()), "the best head left the pruned fork");
        assertTrue(imp.state(genesis).isPresent() && imp.state(b1).isPresent(), "the finalized chain is kept");
        Hash d5 = imported(imp, ForkTest.author(imp, b2, 5));
        assertEquals(d5, imp.bestHead().orElseThrow(), "blocks above the finalized one still import");

        // finalizing b2 prunes its sibling c3; the blocks kept survive a restart, the pruned ones stay pruned
        assertEquals(1, imp.pruneForks(b2), "finalizing b2 prunes its sibling c3");
        assertTrue(imp.header(c3).isEmpty());
        assertEquals(List.of(d5), imp.leaves());
        assertEquals(0, imp.pruneForks(b1), "an older finalized block prunes nothing more");
        BlockImporter again = TestImporters.create(P, store, TraceImportTest.accumulation());
        assertTrue(again.header(f1).isEmpty() && again.header(c3).isEmpty(), "pruned blocks stay pruned on restart");
        assertEquals(List.of(d5), again.leaves(), "the same leaves after a restart");
        assertEquals(d5, again.bestHead().orElseThrow(), "the same best head after a restart");
        assertTrue(again.header(b2).isPresent() && again.header(b1).isPresent(), "the finalized chain is kept");
    }
}
