package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.Genesis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lookup-anchor ancestry check (GP §11.4, eq. 11.35; fuzz-proto "feature-ancestry"): preimages trace step 4
 * guarantees a report whose lookup anchor is the genesis block (slot 0). Started from step 4's prior state, the
 * block imports when the ancestry given includes genesis or when no ancestry is given (the ancestry is then
 * incomplete and an anchor older than the initial header cannot be known, so it is not checked), and is rejected
 * when the ancestry given (complete) leaves genesis out.
 */
class AncestryTest {
    private static final ChainParams P = ChainParams.tiny();

    private static TraceStep step(int i) {
        return TraceStep.decode(Traces.read(Traces.folder("preimages").resolve(String.format("%08d.bin", i))), P);
    }

    @Test
    void lookupAnchorMustBeAnAncestorWhenAncestryIsKnown() {
        Genesis g = Genesis.decode(Traces.read(Traces.folder("preimages").resolve("genesis.bin")), P);
        Hash genesis = g.header().hash(P);
        TraceStep s4 = step(4);
        assertEquals(genesis, s4.block().extrinsic().guarantees().guarantees().get(0).report().context().lookupAnchor());
        var h1 = step(1).block().header();
        var h2 = step(2).block().header();
        var h3 = step(3).block().header();
        AncestryItem a0 = new AncestryItem(0, genesis);
        AncestryItem a1 = new AncestryItem(h1.slot(), h1.hash(P));
        AncestryItem a2 = new AncestryItem(h2.slot(), h2.hash(P));
        BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), TraceImportTest.accumulation());

        imp.initialize(h3, s4.preState().keyvals(), List.of(a1, a2));
        ImportOutcome.Rejected r = assertInstanceOf(ImportOutcome.Rejected.class, imp.importBlock(s4.block()));
        assertTrue(r.reason().contains("lookup anchor"), r.reason());

        imp.initialize(h3, s4.preState().keyvals(), List.of(a0, a1, a2));
        ImportOutcome.Imported ok = assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(s4.block()));
        assertEquals(s4.postState().stateRoot(), ok.stateRoot());

        imp.initialize(h3, s4.preState().keyvals(), List.of());
        ok = assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(s4.block()));
        assertEquals(s4.postState().stateRoot(), ok.stateRoot());
    }
}
