package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportFailedException;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.merkle.StateTrie;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Stores;
import io.jamboree.store.Table;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Starting from the middle of a chain (initialize under the parent hash H_p), states lacking a component, duplicate
 * keys, the incomplete-ancestry rule for lookup anchors (GP §11.4, eq. 11.35), and internal failures as opposed to
 * rejections.
 */
class MidChainImporterTest {
    private static final ChainParams P = ChainParams.tiny();

    private static TraceStep step(String folder, int i) {
        return TraceStep.decode(Traces.read(Traces.folder(folder).resolve(String.format("%08d.bin", i))), P);
    }

    private static Map<Table, Stores.TableDigest> digest(NodeStore store) {
        try (ReadTxn r = store.read()) {
            return Stores.digest(r);
        }
    }

    @Test
    void startsUnderTheParentHashAndImportsTheNextBlocks() {
        BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), TraceImportTest.accumulation());
        TraceStep s41 = step("storage", 41);
        Hash root = imp.initialize(s41.block().header().parent(), s41.preState().keyvals(), List.of());
        assertEquals(s41.preState().stateRoot(), root);
        assertEquals(s41.block().header().parent(), imp.bestHead().orElseThrow());
        for (int i = 41; i <= 50; i++) {
            TraceStep s = step("storage", i);
            ImportOutcome out = imp.importBlock(s.block());
            if (s.preState().stateRoot().equals(s.postState().stateRoot())) {
                assertInstanceOf(ImportOutcome.Rejected.class, out, "step " + i);
            } else {
                assertEquals(s.postState().stateRoot(), assertInstanceOf(ImportOutcome.Imported.class, out).stateRoot(),
                        "step " + i);
            }
        }
    }

    @Test
    void anchorsOlderThanTheInitialStateAreNotCheckedWithoutAncestry() {
        // preimages step 4 guarantees a report anchored at genesis (slot 0); started at its parent with no ancestry,
        // the importer cannot know genesis and lets the anchor through (fuzz-proto "Ancestry")
        TraceStep s4 = step("preimages", 4);
        assertEquals(0, s4.block().extrinsic().guarantees().guarantees().get(0).report().context().lookupAnchorSlot());
        BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), TraceImportTest.accumulation());
        imp.initialize(s4.block().header().parent(), s4.preState().keyvals(), List.of());
        ImportOutcome.Imported ok = assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(s4.block()));
        assertEquals(s4.postState().stateRoot(), ok.stateRoot());
    }

    @Test
    void anEmptyStateIsStoredAndABlockOnItIsRejected() {
        NodeStore store = new MemoryNodeStore();
        BlockImporter imp = TestImporters.create(P, store, TraceImportTest.accumulation());
        TraceStep s1 = step("fallback", 1);
        Hash parent = s1.block().header().parent();
        assertEquals(Hash.ZERO, imp.initialize(parent, List.of(), List.of()), "M_σ of the empty state (GP D.2)");
        assertEquals(List.of(), imp.state(parent).orElseThrow());
        Map<Table, Stores.TableDigest> before = digest(store);
        ImportOutcome.Rejected r = assertInstanceOf(ImportOutcome.Rejected.class, imp.importBlock(s1.block()));
        assertTrue(r.reason().contains("parent state root"), r.reason()); // H_r is not the empty state's root
        assertEquals(before, digest(store));
    }

    @Test
    void aStateWithoutAlphaIsStoredAsGivenAndABlockNeedingItIsRejected() {
        NodeStore store = new MemoryNodeStore();
        BlockImporter imp = TestImporters.create(P, store, TraceImportTest.accumulation());
        TraceStep s1 = step("fallback", 1);
        List<KeyValue> noAlpha = new ArrayList<>(s1.preState().keyvals());
        assertTrue(noAlpha.removeIf(kv -> kv.key().equals(StateKey.of(1))), "the pre-state has C1");
        Map<StateKey, byte[]> m = new TreeMap<>();
        noAlpha.forEach(kv -> m.put(kv.key(), kv.value()));
        var header = new io.jamboree.types.Header(Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, null, null, 0,
                s1.block().header().entropySource(), List.of(), s1.block().header().seal());
        Hash root = imp.initialize(header, noAlpha, List.of());
        assertEquals(new Hash(StateTrie.root(m)), root);
        List<KeyValue> sorted = new ArrayList<>(noAlpha);
        sorted.sort((a, b) -> java.util.Arrays.compareUnsigned(a.key().bytes(), b.key().bytes()));
        assertEquals(sorted, imp.state(header.hash(P)).orElseThrow(), "stored exactly as given");
        // a block on top of it: H_p and H_r point at this state, so only the missing alpha stops it
        var h = s1.block().header();
        Block onTop = new Block(new io.jamboree.types.Header(header.hash(P), root, h.extrinsicHash(), h.slot(),
                h.epochMark(), h.ticketsMark(), h.authorIndex(), h.entropySource(), h.offendersMark(), h.seal()),
                s1.block().extrinsic());
        Map<Table, Stores.TableDigest> before = digest(store);
        ImportOutcome.Rejected r = assertInstanceOf(ImportOutcome.Rejected.class, imp.importBlock(onTop));
        assertTrue(r.reason().contains("state has no alpha"), r.reason());
        assertEquals(before, digest(store));
    }

    @Test
    void duplicateKeysAreRefusedAndTheStoreKept() {
        NodeStore store = new MemoryNodeStore();
        BlockImporter imp = TestImporters.create(P, store, TraceImportTest.accumulation());
        TraceStep s1 = step("fallback", 1);
        imp.initialize(s1.block().header().parent(), s1.preState().keyvals(), List.of());
        Map<Table, Stores.TableDigest> before = digest(store);
        List<KeyValue> twice = new ArrayList<>(s1.preState().keyvals());
        twice.add(new KeyValue(StateKey.of(11), new byte[4]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> imp.initialize(Hash.ZERO, twice, List.of()));
        assertTrue(e.getMessage().contains("more than once"), e.getMessage());
        assertEquals(before, digest(store));
        assertEquals(s1.postState().stateRoot(),
                assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(s1.block())).stateRoot());
    }

    @Test
    void anInternalFailureIsAnImportFailedExceptionAndTheStoreIsKept() {
        NodeStore store = new MemoryNodeStore();
        RuntimeException bug = new IllegalStateException("a bug in accumulation");
        Accumulation broken = (p, slot, prev, entropy, available, state, services) -> {
            throw bug;
        };
        BlockImporter imp = TestImporters.create(P, store, broken);
        TraceStep s1 = step("fallback", 1);
        imp.initialize(s1.block().header().parent(), s1.preState().keyvals(), List.of());
        Map<Table, Stores.TableDigest> before = digest(store);
        ImportFailedException e = assertThrows(ImportFailedException.class, () -> imp.importBlock(s1.block()));
        assertEquals(bug, e.getCause());
        assertEquals(before, digest(store));
        assertEquals(s1.block().header().parent(), imp.bestHead().orElseThrow());
    }

    /**
     * Blocks of the preimages and storage traces with random octets changed: whatever still decodes is imported or
     * rejected, never an internal failure.
     */
    @Test
    void mutatedBlocksAreImportedOrRejectedNeverFail() {
        Random random = new Random(11);
        int decoded = 0;
        for (String folder : List.of("preimages", "storage", "fallback")) {
            for (int i : new int[] {4, 13, 30}) {
                TraceStep s = step(folder, i);
                BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), TraceImportTest.accumulation());
                imp.initialize(s.block().header().parent(), s.preState().keyvals(), List.of());
                Encoder e = new Encoder(4096);
                s.block().encode(e, P);
                byte[] bytes = e.toByteArray();
                for (int m = 0; m < 25; m++) {
                    byte[] b = bytes.clone();
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {
                        b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    Block mutant;
                    try {
                        Decoder d = new Decoder(b);
                        mutant = Block.decode(d, P);
                        d.expectEnd();
                    } catch (RuntimeException notABlock) {
                        continue;
                    }
                    decoded++;
                    ImportOutcome out = imp.importBlock(mutant); // an ImportFailedException fails the test
                    assertTrue(out instanceof ImportOutcome.Imported || out instanceof ImportOutcome.Rejected);
                }
            }
        }
        assertTrue(decoded > 50, "mutants that decode: " + decoded);
    }
}
