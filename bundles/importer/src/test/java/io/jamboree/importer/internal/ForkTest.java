package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.stf.state.ServiceAccounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.crypto.Jip5;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.AssurancesExtrinsic;
import io.jamboree.types.BandersnatchPublic;
import io.jamboree.types.BandersnatchVrfSignature;
import io.jamboree.types.Block;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.Extrinsic;
import io.jamboree.types.GuaranteesExtrinsic;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.PreimagesExtrinsic;
import io.jamboree.types.TicketsExtrinsic;
import io.jamboree.types.TicketsOrKeys;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forks (GP §19): blocks authored here (fallback sealing with the JIP-5 trivial-seed keys of the trace
 * validators) on top of genesis and on top of trace blocks; every branch is kept and the best head follows the
 * longest chain, ties going to the most recent import.
 */
class ForkTest {
    private static final ChainParams P = ChainParams.tiny();

    private static TraceStep step(int i) {
        return TraceStep.decode(Traces.read(Traces.folder("fallback").resolve(String.format("%08d.bin", i))), P);
    }

    /** An empty block at {@code slot} (same epoch as the parent) sealed by the slot's fallback key. */
    static Block author(BlockImporter imp, Hash parent, long slot) {
        return author(imp, parent, slot, "jam_entropy");
    }

    /** As above, with the entropy-source context string {@code entropyContext} (GP X_E = "jam_entropy"). */
    static Block author(BlockImporter imp, Hash parent, long slot, String entropyContext) {
        ChainState s = StateCodec.decode(imp.state(parent).orElseThrow(), P);
        TicketsOrKeys.Keys keys = (TicketsOrKeys.Keys) s.gamma().sealTickets();
        BandersnatchPublic key = keys.keys().get((int) (slot % P.epochLength()));
        int author = -1;
        Jip5.ValidatorKeys secret = null;
        for (int i = 0; i < P.validatorsCount(); i++) {
            Jip5.ValidatorKeys k = Jip5.derive(Jip5.trivialSeed(i));
            if (Arrays.equals(k.bandersnatchPublic(), key.bytes())) {
                secret = k;
            }
            if (s.kappa().get(i).bandersnatch().equals(key)) {
                author = i;
            }
        }
        assertTrue(secret != null && author >= 0, "trace validators use JIP-5 trivial seeds");
        Extrinsic x = new Extrinsic(new TicketsExtrinsic(List.of()), new PreimagesExtrinsic(List.of()),
                new GuaranteesExtrinsic(List.of()), new AssurancesExtrinsic(List.of()),
                new DisputesExtrinsic(List.of(), List.of(), List.of()));
        byte[] sealCtx = cat("jam_fallback_seal".getBytes(StandardCharsets.US_ASCII), s.eta().get(3).bytes());
        byte[] y = BandersnatchVrf.vrfOutput(BandersnatchVrf.ietfProve(secret.bandersnatchSecret(), sealCtx, new byte[0]));
        byte[] hv = BandersnatchVrf.ietfProve(secret.bandersnatchSecret(),
                cat(entropyContext.getBytes(StandardCharsets.US_ASCII), y), new byte[0]);
        Hash root = StateCodec.root(StateCodec.toMap(imp.state(parent).orElseThrow()));
        BandersnatchVrfSignature zero = new BandersnatchVrfSignature(new byte[96]);
        Header unsigned = new Header(parent, root, x.hash(P), slot, null, null, author,
                new BandersnatchVrfSignature(hv), List.of(), zero);
        byte[] seal = BandersnatchVrf.ietfProve(secret.bandersnatchSecret(), sealCtx, unsigned.unsignedBytes(P));
        return new Block(new Header(parent, root, x.hash(P), slot, null, null, author, new BandersnatchVrfSignature(hv),
                List.of(), new BandersnatchVrfSignature(seal)), x);
    }

    private static byte[] cat(byte[] a, byte[] b) {
        byte[] o = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }

    @Test
    void keepsForksAndFollowsTheLongestChain() {
        BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), TraceImportTest.accumulation());
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")), P);
        imp.initialize(g.header(), g.state().keyvals(), List.of());
        Hash genesis = g.header().hash(P);

        ImportOutcome.Imported b1 = assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(step(1).block()));
        Block f1 = author(imp, genesis, 2);
        ImportOutcome.Imported f1ok = assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(f1));
        assertEquals(f1ok.headerHash(), imp.bestHead().orElseThrow(), "equal height: the newer block is best");

        ImportOutcome.Imported b2 = assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(step(2).block()));
        assertEquals(step(2).postState().stateRoot(), b2.stateRoot(), "trace branch unaffected by the fork");
        assertEquals(b2.headerHash(), imp.bestHead().orElseThrow(), "the longer chain is best");

        Block f2 = author(imp, f1ok.headerHash(), 3);
        ImportOutcome.Imported f2ok = assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(f2));
        assertEquals(f2ok.headerHash(), imp.bestHead().orElseThrow());
        assertTrue(imp.state(b1.headerHash()).isPresent() && imp.state(f1ok.headerHash()).isPresent(),
                "both branches keep their states");
        // a sibling cannot reuse a slot that is not after its parent's
        assertInstanceOf(ImportOutcome.Rejected.class, imp.importBlock(author(imp, f2ok.headerHash(), 3)));
    }

    @Test
    void entropySourceMustBeTheAuthorsVrfOverTheSealOutput() {
        BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), TraceImportTest.accumulation());
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")), P);
        imp.initialize(g.header(), g.state().keyvals(), List.of());
        ImportOutcome.Rejected r = assertInstanceOf(ImportOutcome.Rejected.class,
                imp.importBlock(author(imp, g.header().hash(P), 1, "jam_entropx")));
        assertTrue(r.reason().contains("entropy source"), r.reason());
        assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(author(imp, g.header().hash(P), 1)));
    }

    @Test
    void aLateSiblingDoesNotPruneTheStatesOfItsCousins() {
        // retain only 2 blocks of states below the best head; pruning goes by height, not slot
        BlockImporter imp = new StoreBlockImporter(P, new MemoryNodeStore(),
                TestImporters.transition(TraceImportTest.accumulation()), 2);
        Genesis g = Genesis.decode(Traces.read(Traces.folder("fallback").resolve("genesis.bin")), P);
        imp.initialize(g.header(), g.state().keyvals(), List.of());
        Hash b4 = null;
        for (int i = 1; i <= 5; i++) {
            ImportOutcome.Imported ok = assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(step(i).block()));
            if (i == 4) {
                b4 = ok.headerHash();
            }
        }
        // a sibling of block 5 at the last slot of the epoch: same height, newer, so it becomes the best head
        ImportOutcome.Imported late = assertInstanceOf(ImportOutcome.Imported.class,
                imp.importBlock(author(imp, b4, 11)));
        assertEquals(late.headerHash(), imp.bestHead().orElseThrow());
        ImportOutcome.Imported b6 = assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(step(6).block()));
        assertEquals(step(6).postState().stateRoot(), b6.stateRoot());
        assertEquals(b6.headerHash(), imp.bestHead().orElseThrow(), "the longer chain is best again");
        assertTrue(imp.state(g.header().hash(P)).isEmpty(), "genesis state pruned (height 0 < 6 - 2)");
    }
}
