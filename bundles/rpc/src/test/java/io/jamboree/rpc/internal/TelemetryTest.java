package io.jamboree.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.author.AuthoredBlock;
import io.jamboree.author.SealKind;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.importer.BlockImporter;

import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JIP-3 telemetry against a small TCP server in the test that reads the length-framed messages and decodes them by
 * the JIP: the node information message, block changes of a node over the imported fallback trace, the authoring
 * events of an authored block with its block outline, and the "dropped" events of a full queue and of a reconnection.
 */
class TelemetryTest {
    private static final ChainParams P = ChainParams.tiny();

    /** One accepted connection of the test server. */
    static final class Connection implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;

        Connection(ServerSocket server) throws IOException {
            server.setSoTimeout(30_000);
            socket = server.accept();
            socket.setSoTimeout(30_000);
            in = new DataInputStream(socket.getInputStream());
        }

        /** The next message's content (u32 little-endian length, then the content). */
        byte[] next() throws IOException {
            byte[] len = new byte[4];
            in.readFully(len);
            int n = (len[0] & 0xFF) | (len[1] & 0xFF) << 8 | (len[2] & 0xFF) << 16 | (len[3] & 0xFF) << 24;
            assertTrue(n > 0 && n < 1 << 20, "message length " + n);
            byte[] b = new byte[n];
            in.readFully(b);
            return b;
        }

        /** The next event: its decoder positioned after the timestamp and discriminator, which are checked. */
        Decoder event(int discriminator) throws IOException {
            Decoder d = new Decoder(next());
            long ts = d.u64();
            long now = TelemetryMessages.now();
            assertTrue(ts > 0 && ts <= now + 1_000_000, "timestamp " + ts + " vs now " + now);
            assertEquals(discriminator, d.u8(), "event type");
            return d;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String string(Decoder d) {
        return new String(d.bytes((int) d.natural(), "string"), StandardCharsets.UTF_8);
    }

    @Test
    void nodeInfoBlockChangesAndAuthoredBlocks() throws Exception {
        Path dir = VectorsFolder.require("jam-test-vectors-0.7.2/traces/fallback");
        Decoder g = new Decoder(Files.readAllBytes(dir.resolve("genesis.bin")));
        Header genesis = Header.decode(g, P);
        Hash.decode(g);
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(), new io.jamboree.accumulate.internal.PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        importer.initialize(genesis, kvs(g), List.of());
        List<Block> blocks = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Decoder d = new Decoder(Files.readAllBytes(dir.resolve(String.format("%08d.bin", i))));
            Hash.decode(d);
            kvs(d);
            blocks.add(Block.decode(d, P));
        }
        assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(blocks.get(0)));
        assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(blocks.get(1)));
        byte[] peer = new byte[32];
        peer[0] = 7;
        try (ServerSocket server = new ServerSocket(0, 4, java.net.InetAddress.getLoopbackAddress());
                var t = new TelemetryComponent.NodeTelemetry(importer, (InetSocketAddress) server.getLocalSocketAddress(),
                        peer, "1.2.3", "test node", 64, 20, 3_600_000, 50, 200);
                Connection c = new Connection(server)) {
            Decoder info = new Decoder(c.next());
            assertEquals(0, info.u8(), "protocol version");
            assertArrayEquals(P.encodeConstants(), info.bytes(P.encodeConstants().length, "params"));
            assertEquals(P.itemDeposit(), new Decoder(P.encodeConstants()).u64(), "B_I first");
            assertEquals(genesis.hash(P), Hash.decode(info));
            assertArrayEquals(peer, info.bytes(32, "peer id"));
            info.bytes(16, "ipv6");
            info.u16();
            assertEquals(0, info.u32(), "flags: interpreter");
            assertEquals("Jamboree", string(info));
            assertEquals("1.2.3", string(info));
            assertEquals("0.7.2", string(info));
            assertEquals("test node", string(info));
            info.expectEnd();

            Decoder best = c.event(TelemetryMessages.BEST_BLOCK_CHANGED);
            assertEquals(blocks.get(1).header().slot(), best.u32());
            assertEquals(blocks.get(1).header().hash(P), Hash.decode(best));
            best.expectEnd();
            Decoder fin = c.event(TelemetryMessages.FINALIZED_BLOCK_CHANGED);
            assertEquals(genesis.slot(), fin.u32());
            assertEquals(genesis.hash(P), Hash.decode(fin));

            // a block "authored" by this node: authoring (ID 2), authored, executed, and the best block change
            Block b = blocks.get(2);
            assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(b));
            t.authored(new AuthoredBlock(b, b.header().hash(P), Hash.ZERO, SealKind.FALLBACK, 0, 30_000_000, 5_000_000));
            List<Integer> seen = new ArrayList<>();
            long authoringId = -1;
            for (int i = 0; i < 4; i++) {
                Decoder d = new Decoder(c.next());
                d.u64();
                int kind = d.u8();
                seen.add(kind);
                switch (kind) {
                    case TelemetryMessages.AUTHORING -> {
                        assertEquals(b.header().slot(), d.u32());
                        assertEquals(b.header().parent(), Hash.decode(d));
                        authoringId = 2 + seen.indexOf(TelemetryMessages.AUTHORING);
                    }
                    case TelemetryMessages.AUTHORED -> {
                        assertEquals(authoringId, d.u64(), "authored refers to the authoring event");
                        Encoder whole = new Encoder();
                        b.encode(whole, P);
                        assertEquals(whole.size(), d.u32(), "block size");
                        assertEquals(b.header().hash(P), Hash.decode(d));
                        assertEquals(b.extrinsic().tickets().tickets().size(), d.u32());
                        assertEquals(b.extrinsic().preimages().preimages().size(), d.u32());
                        d.u32();
                        assertEquals(b.extrinsic().guarantees().guarantees().size(), d.u32());
                        assertEquals(b.extrinsic().assurances().assurances().size(), d.u32());
                        assertEquals(b.extrinsic().disputes().verdicts().size(), d.u32());
                    }
                    case TelemetryMessages.BLOCK_EXECUTED -> {
                        assertEquals(authoringId, d.u64());
                        assertEquals(0, d.natural(), "no accumulation costs measured");
                    }
                    case TelemetryMessages.BEST_BLOCK_CHANGED -> {
                        assertEquals(b.header().slot(), d.u32());
                        assertEquals(b.header().hash(P), Hash.decode(d));
                    }
                    default -> throw new AssertionError("unexpected event " + kind);
                }
                d.expectEnd();
            }
            assertTrue(seen.containsAll(List.of(40, 42, 47, 11)), "events " + seen);
            assertTrue(seen.indexOf(40) < seen.indexOf(42) && seen.indexOf(42) < seen.indexOf(47), "order " + seen);
        }
    }

    @Test
    void fullQueueAndReconnectionAreSentAsDroppedEvents() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        InetSocketAddress addr = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port);
        byte[] info = {0, 42};
        try (TelemetryClient client = new TelemetryClient(addr, () -> info, 4, 50, 100)) {
            // no server yet: 4 events queue, 6 are dropped; emit never waits
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                client.emit(id -> TelemetryMessages.blockChanged(TelemetryMessages.now(), false, id, Hash.ZERO));
            }
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "emitting must not wait for the server");
            try (ServerSocket server = new ServerSocket(port, 4, java.net.InetAddress.getLoopbackAddress())) {
                try (Connection c = new Connection(server)) {
                    assertArrayEquals(info, c.next(), "node information first");
                    for (long id = 0; id < 4; id++) {
                        Decoder d = c.event(TelemetryMessages.BEST_BLOCK_CHANGED);
                        assertEquals(id, d.u32(), "queued event " + id);
                    }
                    client.emit(id -> TelemetryMessages.blockChanged(TelemetryMessages.now(), false, id, Hash.ZERO));
                    Decoder dropped = c.event(TelemetryMessages.DROPPED);
                    dropped.u64();
                    assertEquals(6, dropped.u64(), "events 4..9 dropped");
                    assertEquals(10, c.event(TelemetryMessages.BEST_BLOCK_CHANGED).u32(), "then event 10");
                }
                // the server closed the connection: the client reconnects and starts over
                try (Connection c = new Connection(server)) {
                    client.emit(id -> TelemetryMessages.blockChanged(TelemetryMessages.now(), false, id, Hash.ZERO));
                    assertArrayEquals(info, c.next(), "node information again");
                    byte[] m = c.next();
                    Decoder d = new Decoder(m);
                    d.u64();
                    int kind = d.u8();
                    if (kind == TelemetryMessages.BEST_BLOCK_CHANGED) {
                        // the event was written to the old connection before the client noticed it had gone
                        client.emit(id -> TelemetryMessages.blockChanged(TelemetryMessages.now(), false, id, Hash.ZERO));
                        d = c.event(TelemetryMessages.DROPPED);
                    } else {
                        assertEquals(TelemetryMessages.DROPPED, kind);
                    }
                    d.u64();
                    long gap = d.u64();
                    long next = c.event(TelemetryMessages.BEST_BLOCK_CHANGED).u32();
                    assertEquals(next, gap, "the dropped event covers every ID before the next event on this connection");
                    assertTrue(client.connections() >= 2);
                }
            }
        } catch (EOFException e) {
            throw new AssertionError("the client closed the connection", e);
        }
    }

    private static List<KeyValue> kvs(Decoder d) {
        int n = d.length(StateKey.LENGTH + 1, "keyvals");
        List<KeyValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new KeyValue(StateKey.ofBytes(d.bytes(StateKey.LENGTH, "key")), d.blob("value")));
        }
        return out;
    }
}
