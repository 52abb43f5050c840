package io.jamboree.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.network.PeerId;
import io.jamboree.network.StreamHandler;
import io.jamboree.network.StreamKind;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.sync.internal.protocol.BlockRequest;
import io.jamboree.sync.internal.protocol.SyncMessages;
import io.jamboree.types.Blob;
import io.jamboree.types.Block;
import io.jamboree.types.Extrinsic;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.Preimage;
import io.jamboree.types.PreimagesExtrinsic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockSync} over an in-memory network ({@link FakeNetwork}) with real importers and the published blocks of
 * jam-test-vectors-0.7.2/traces/fallback: a node that knows only the genesis is told of block 8 and fetches the chain
 * with CE 128 ({@link BlockRequestHandler} of a node holding it), importing it up to the published post-state root; a
 * block the importer rejects is not imported, not announced, not fetched again, and its peer is penalised and
 * disconnected at the third offence.
 */
class BlockSyncTest {
    private static final ChainParams P = ChainParams.tiny();
    private static final Path TRACE = VectorsFolder.require("jam-test-vectors-0.7.2/traces/fallback");
    private static final PeerId A = new PeerId(filled(1));
    private static final PeerId B = new PeerId(filled(2));
    private static final PeerId C = new PeerId(filled(3));
    private static final PeerId D = new PeerId(filled(4));

    private static byte[] filled(int b) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) b);
        return k;
    }

    private record Step(Block block, Hash postRoot) {}

    private static BlockImporter genesisImporter() throws IOException {
        Decoder d = new Decoder(Files.readAllBytes(TRACE.resolve("genesis.bin")));
        Header h = Header.decode(d, P);
        Hash.decode(d);
        List<KeyValue> kvs = keyvals(d);
        BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), new io.jamboree.accumulate.internal.PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        imp.initialize(h, kvs, List.of());
        return imp;
    }

    private static List<KeyValue> keyvals(Decoder d) {
        int n = d.length(StateKey.LENGTH + 1, "keyvals");
        List<KeyValue> kvs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            kvs.add(new KeyValue(StateKey.ofBytes(d.bytes(StateKey.LENGTH, "key")), d.blob("value")));
        }
        return kvs;
    }

    private static List<Step> steps(int n) throws IOException {
        List<Step> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Decoder d = new Decoder(Files.readAllBytes(TRACE.resolve(String.format("%08d.bin", i))));
            Hash.decode(d);
            keyvals(d);
            Block b = Block.decode(d, P);
            Hash post = Hash.decode(d);
            out.add(new Step(b, post));
        }
        return out;
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long end = System.currentTimeMillis() + 120_000;
        while (!cond.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < end, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void aNodeBehindFetchesTheAnnouncedChainAndImportsIt() throws Exception {
        List<Step> steps = steps(8);
        BlockImporter a = genesisImporter();
        for (Step s : steps) {
            assertTrue(a.importBlock(s.block()) instanceof ImportOutcome.Imported);
        }
        BlockSync syncA = new BlockSync(a);
        BlockImporter b = genesisImporter();
        BlockSync syncB = new BlockSync(b);
        FakeNetwork net = new FakeNetwork(B);
        net.addPeer(A, Map.of(128, new BlockRequestHandler(syncA)));
        syncB.bindNetwork(net);
        PipeStream[] up = PipeStream.pair(B, D, StreamKind.of(0));
        syncB.opened(D, up[0]);

        Block last = steps.get(7).block();
        Hash head = last.header().hash(P);
        syncB.announced(A, head, last.header().slot(), true);
        await("block 8 imported", () -> b.header(head).isPresent());
        assertEquals(head, b.bestHead().orElseThrow());
        assertEquals(steps.get(7).postRoot(), b.stateRoot(head).orElseThrow(), "the published post-state root");
        assertEquals(1, net.opened.get(), "one CE 128 request of up to 64 blocks");
        await("the announcement-to-imported latency recorded", () -> syncB.latency().count() == 1);
        // the 8 imported blocks are announced to the other peer (D), oldest first
        for (Step s : steps) {
            byte[] m = up[1].read(Duration.ofSeconds(10));
            assertEquals(s.block().header().hash(P), SyncMessages.decodeAnnouncement(m, P).header().hash(P));
        }
        syncA.deactivate();
        syncB.deactivate();
    }

    @Test
    void anInvalidBlockIsNotImportedNorAnnouncedAndItsPeerIsPenalised() throws Exception {
        Block good = steps(1).get(0).block();
        Hash hash = good.header().hash(P);
        // the same header over another extrinsic: its extrinsic hash H_x no longer matches (GP eq. 5.4)
        Extrinsic x = good.extrinsic();
        Block tampered = new Block(good.header(), new Extrinsic(x.tickets(),
                new PreimagesExtrinsic(List.of(new Preimage(0, new Blob(new byte[] {1, 2, 3})))), x.guarantees(),
                x.assurances(), x.disputes()));
        StreamHandler liar = s -> {
            BlockRequest r = SyncMessages.decodeBlockRequest(s.read());
            s.readFin();
            s.write(SyncMessages.encodeBlocks(r.hash().equals(hash) ? List.of(tampered) : List.of(good), P));
            s.finish();
        };
        BlockImporter b = genesisImporter();
        BlockSync sync = new BlockSync(b);
        FakeNetwork net = new FakeNetwork(B);
        net.addPeer(C, Map.of(128, liar));
        sync.bindNetwork(net);
        PipeStream[] up = PipeStream.pair(B, D, StreamKind.of(0));
        sync.opened(D, up[0]);
        Hash genesis = b.bestHead().orElseThrow();

        sync.announced(C, hash, good.header().slot(), true);
        await("the first penalty", () -> sync.penalties(C) == 1);
        assertFalse(b.header(hash).isPresent());
        assertEquals(genesis, b.bestHead().orElseThrow());
        assertNull(pollAnnouncement(up[1]), "an invalid block is not announced");
        // announced again: known invalid, not fetched again
        sync.announced(C, hash, good.header().slot(), true);
        Thread.sleep(300);
        assertEquals(1, net.opened.get());
        // two more offences (blocks that are not the ones asked for) and the peer is disconnected
        sync.announced(C, new Hash(filled(7)), 5, true);
        await("the second penalty", () -> sync.penalties(C) == 2);
        sync.announced(C, new Hash(filled(8)), 6, true);
        await("the disconnect", () -> !net.disconnects.isEmpty());
        assertTrue(net.disconnects.get(0).startsWith(C.toString()), net.disconnects.toString());
        sync.deactivate();
    }

    private static byte[] pollAnnouncement(PipeStream s) {
        try {
            return s.read(Duration.ofMillis(300));
        } catch (io.jamboree.network.StreamException e) {
            return null; // nothing within the wait
        }
    }
}
