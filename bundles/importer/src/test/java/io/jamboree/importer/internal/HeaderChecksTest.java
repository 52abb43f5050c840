package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.Genesis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Stores;
import io.jamboree.store.Table;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.BandersnatchVrfSignature;
import io.jamboree.types.Block;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Header checks (GP §5, §6.4–6.5) on the fallback trace: each tampered block is rejected with a reason naming the
 * check, the store is left exactly as it was, and the genuine block still imports afterwards.
 */
class HeaderChecksTest {
    private static final ChainParams P = ChainParams.tiny();

    private NodeStore store;
    private BlockImporter importer;
    private TraceStep step1;
    private TraceStep step12;

    @BeforeEach
    void setUp() {
        store = new MemoryNodeStore();
        importer = TestImporters.create(P, store, TraceImportTest.accumulation());
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")), P);
        importer.initialize(g.header(), g.state().keyvals(), List.of());
        step1 = TraceStep.decode(Traces.read(Traces.folder("fallback").resolve("00000001.bin")), P);
        step12 = TraceStep.decode(Traces.read(Traces.folder("fallback").resolve("00000012.bin")), P);
    }

    private static Block withHeader(Block b, UnaryOperator<Header> f) {
        return new Block(f.apply(b.header()), b.extrinsic());
    }

    private static Header header(Header h, Hash parent, Hash root, Hash xt, long slot, int author,
            BandersnatchVrfSignature vrf, List<Ed25519Public> offenders, BandersnatchVrfSignature seal) {
        return new Header(parent, root, xt, slot, h.epochMark(), h.ticketsMark(), author, vrf, offenders, seal);
    }

    private static BandersnatchVrfSignature flip(BandersnatchVrfSignature s, int i) {
        byte[] b = s.bytes();
        b[i] ^= 1;
        return new BandersnatchVrfSignature(b);
    }

    private void expectRejected(Block b, String reasonPart) {
        Map<Table, Stores.TableDigest> before;
        try (ReadTxn r = store.read()) {
            before = Stores.digest(r);
        }
        var best = importer.bestHead();
        ImportOutcome out = importer.importBlock(b);
        ImportOutcome.Rejected rej = assertInstanceOf(ImportOutcome.Rejected.class, out);
        assertTrue(rej.reason().contains(reasonPart), "reason '" + rej.reason() + "' should mention " + reasonPart);
        try (ReadTxn r = store.read()) {
            assertEquals(before, Stores.digest(r), "a rejected block must leave the store as it was");
        }
        assertEquals(best, importer.bestHead());
    }

    private void expectGenuineImports() {
        ImportOutcome out = importer.importBlock(step1.block());
        ImportOutcome.Imported ok = assertInstanceOf(ImportOutcome.Imported.class, out);
        assertEquals(step1.postState().stateRoot(), ok.stateRoot());
    }

    @Test
    void unknownParent() {
        Header h = step1.block().header();
        expectRejected(withHeader(step1.block(), x -> header(x, new Hash(new byte[32]), h.parentStateRoot(),
                h.extrinsicHash(), h.slot(), h.authorIndex(), h.entropySource(), h.offendersMark(), h.seal())),
                "unknown parent");
        expectGenuineImports();
    }

    @Test
    void badParentStateRoot() {
        Header h = step1.block().header();
        expectRejected(withHeader(step1.block(), x -> header(x, h.parent(), Hash.ZERO, h.extrinsicHash(), h.slot(),
                h.authorIndex(), h.entropySource(), h.offendersMark(), h.seal())), "parent state root");
        expectGenuineImports();
    }

    @Test
    void badExtrinsicHash() {
        Header h = step1.block().header();
        expectRejected(withHeader(step1.block(), x -> header(x, h.parent(), h.parentStateRoot(), Hash.ZERO, h.slot(),
                h.authorIndex(), h.entropySource(), h.offendersMark(), h.seal())), "extrinsic hash");
        expectGenuineImports();
    }

    @Test
    void badAuthorIndex() {
        Header h = step1.block().header();
        expectRejected(withHeader(step1.block(), x -> header(x, h.parent(), h.parentStateRoot(), h.extrinsicHash(),
                h.slot(), P.validatorsCount(), h.entropySource(), h.offendersMark(), h.seal())), "author index");
        expectRejected(withHeader(step1.block(), x -> header(x, h.parent(), h.parentStateRoot(), h.extrinsicHash(),
                h.slot(), (h.authorIndex() + 1) % P.validatorsCount(), h.entropySource(), h.offendersMark(), h.seal())),
                "seal");
        expectGenuineImports();
    }

    @Test
    void badSeal() {
        Header h = step1.block().header();
        expectRejected(withHeader(step1.block(), x -> header(x, h.parent(), h.parentStateRoot(), h.extrinsicHash(),
                h.slot(), h.authorIndex(), h.entropySource(), h.offendersMark(), flip(h.seal(), 40))), "seal");
        expectGenuineImports();
    }

    @Test
    void badEntropySource() {
        // H_v is part of E_U(H), so the seal over it no longer verifies either; the seal is checked first
        Header h = step1.block().header();
        expectRejected(withHeader(step1.block(), x -> header(x, h.parent(), h.parentStateRoot(), h.extrinsicHash(),
                h.slot(), h.authorIndex(), flip(h.entropySource(), 40), h.offendersMark(), h.seal())), "seal");
        expectGenuineImports();
    }

    @Test
    void badOffendersMark() {
        Header h = step1.block().header();
        expectRejected(withHeader(step1.block(), x -> header(x, h.parent(), h.parentStateRoot(), h.extrinsicHash(),
                h.slot(), h.authorIndex(), h.entropySource(), List.of(new Ed25519Public(new byte[32])), h.seal())),
                "offenders mark");
        expectGenuineImports();
    }

    @Test
    void slotNotAfterParent() {
        Header h = step1.block().header();
        expectRejected(withHeader(step1.block(), x -> header(x, h.parent(), h.parentStateRoot(), h.extrinsicHash(),
                0, h.authorIndex(), h.entropySource(), h.offendersMark(), h.seal())), "slot");
        expectGenuineImports();
    }

    @Test
    void missingEpochMark() {
        // import up to step 11, then present step 12 (the first block of epoch 1) without its epoch mark
        for (int i = 1; i <= 11; i++) {
            TraceStep s = TraceStep.decode(Traces.read(Traces.folder("fallback").resolve(String.format("%08d.bin", i))), P);
            assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(s.block()));
        }
        Header h = step12.block().header();
        org.junit.jupiter.api.Assumptions.assumeTrue(h.epochMark() != null, "step 12 opens an epoch");
        Block noMark = new Block(new Header(h.parent(), h.parentStateRoot(), h.extrinsicHash(), h.slot(), null,
                h.ticketsMark(), h.authorIndex(), h.entropySource(), h.offendersMark(), h.seal()), step12.block().extrinsic());
        expectRejected(noMark, "epoch mark");
        assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(step12.block()));
    }
}
