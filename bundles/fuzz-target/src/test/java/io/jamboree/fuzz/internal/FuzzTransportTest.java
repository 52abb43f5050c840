package io.jamboree.fuzz.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzExamples;
import io.jamboree.fuzz.FuzzExamples.Recorded;
import io.jamboree.fuzz.FuzzFeatures;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzMessage.ErrorMessage;
import io.jamboree.fuzz.FuzzMessage.GetState;
import io.jamboree.fuzz.FuzzMessage.Initialize;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzMessage.State;
import io.jamboree.fuzz.FuzzMessage.StateRoot;
import io.jamboree.fuzz.Semver;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport and session rules over a real Unix socket, with {@link FakeImporter} (it computes the
 * initial state root but imports nothing): handshake, framing, the initialize root, message fidelity,
 * and that a bad session is closed while the next one is served. The conformance replay with the real
 * importer is {@link FuzzReplayTest}.
 */
class FuzzTransportTest {
    private static final ChainParams TINY = ChainParams.tiny();
    private static final PeerInfo OURS = FuzzTargetCommand.peerInfo(new Semver(0, 1, 0));
    private static final PeerInfo FUZZER = new PeerInfo(1, FuzzFeatures.FORKS, new Semver(0, 7, 2), new Semver(1, 0, 0), "test");

    @TempDir
    Path tmp;

    private final List<FakeImporter> made = Collections.synchronizedList(new ArrayList<>());
    private FuzzTargetServer server;
    private Thread serving;
    /** Given to the next importer made: its initialize throws it. */
    private volatile RuntimeException nextInitializeFailure;

    @BeforeEach
    void start() throws IOException {
        server = FuzzTargetServer.bind(tmp.resolve("t.sock"), TINY, p -> {
            FakeImporter f = new FakeImporter(p);
            f.initializeFailure = nextInitializeFailure;
            nextInitializeFailure = null;
            made.add(f);
            return f;
        }, OURS, 1 << 24);
        serving = Thread.ofPlatform().name("fuzz-test-server").start(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        serving.join(5_000);
        assertTrue(!serving.isAlive(), "server thread ended");
        assertTrue(Files.notExists(server.socket()), "socket file removed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no_forks", "forks"})
    void recordedSessionOverTheSocket(String session) throws IOException {
        List<byte[]> sentBlocks = new ArrayList<>();
        try (FuzzClient c = new FuzzClient(server.socket())) {
            for (Recorded[] x : FuzzExamples.exchanges(session)) {
                byte[] reply = c.exchange(x[0].bytes());
                FuzzMessage m = FuzzCodec.decode(reply, TINY);
                switch (x[0].kind()) {
                    case "peer_info" -> assertEquals(OURS, m);
                    case "initialize" -> assertArrayEquals(x[1].bytes(), reply, "initial state root (App. D merklization)");
                    case "import_block" -> {
                        assertInstanceOf(ErrorMessage.class, m);
                        sentBlocks.add(x[0].bytes());
                    }
                    default -> throw new AssertionError("unexpected request kind " + x[0].kind());
                }
            }
        }
        awaitSessions(1);
        assertEquals(1, made.size());
        FakeImporter f = made.get(0);
        assertEquals(100, f.blocks.size());
        for (int i = 0; i < sentBlocks.size(); i++) {
            byte[] reencoded = FuzzCodec.encode(new FuzzMessage.ImportBlock(f.blocks.get(i)), TINY);
            assertArrayEquals(sentBlocks.get(i), reencoded, "block " + i + " reached the importer intact");
        }
        assertTrue(f.closed, "importer dropped at session end");
    }

    private void awaitSessions(long n) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (made.stream().anyMatch(f -> !f.closed) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(server.sessions() >= n);
    }

    private Initialize recordedInitialize() {
        return (Initialize) FuzzCodec.decode(FuzzExamples.messages("no_forks").stream()
                .filter(r -> r.kind().equals("initialize")).findFirst().orElseThrow().bytes(), TINY);
    }

    @Test
    void handshakeAdvertisesAncestryAndForks() throws IOException {
        try (FuzzClient c = new FuzzClient(server.socket())) {
            PeerInfo pi = (PeerInfo) c.exchange(FUZZER, TINY);
            assertEquals("jamboree", pi.appName());
            assertEquals(1, pi.fuzzVersion());
            assertEquals(FuzzFeatures.ANCESTRY | FuzzFeatures.FORKS, pi.features());
            assertEquals(new Semver(0, 7, 2), pi.jamVersion());
        }
    }

    @Test
    void initializeResetsAndGetStateAnswers() throws IOException {
        Initialize init = recordedInitialize();
        try (FuzzClient c = new FuzzClient(server.socket())) {
            c.exchange(FUZZER, TINY);
            StateRoot r1 = (StateRoot) c.exchange(init, TINY);
            StateRoot r2 = (StateRoot) c.exchange(init, TINY);
            assertEquals(r1, r2);
            assertEquals(2, made.size());
            assertTrue(made.get(0).closed, "first importer closed by the second initialize");
            State st = (State) c.exchange(new GetState(init.header().hash(TINY)), TINY);
            assertEquals(init.state().size(), st.keyValues().size());
            // unknown block: no error reply is defined for get-state, so the session ends
            assertNull(c.exchange(new GetState(Hash.ZERO), TINY));
        }
    }

    @Test
    void badSessionsAreClosedAndTheNextIsServed() throws IOException {
        // 1. garbage discriminant
        try (FuzzClient c = new FuzzClient(server.socket())) {
            assertNull(c.exchange(new byte[] {9, 9, 9}));
        }
        // 2. request before the handshake
        try (FuzzClient c = new FuzzClient(server.socket())) {
            assertNull(c.exchange(recordedInitialize(), TINY));
        }
        // 3. import before initialize
        try (FuzzClient c = new FuzzClient(server.socket())) {
            c.exchange(FUZZER, TINY);
            byte[] block = FuzzExamples.messages("no_forks").stream()
                    .filter(r -> r.kind().equals("import_block")).findFirst().orElseThrow().bytes();
            assertNull(c.exchange(block));
        }
        // 4. oversized frame: refused from its length prefix alone
        try (FuzzClient c = new FuzzClient(server.socket())) {
            c.sendRaw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((1 << 24) + 1).array());
            assertTrue(c.closedByTarget());
        }
        // 5. wrong protocol version
        try (FuzzClient c = new FuzzClient(server.socket())) {
            assertNull(c.exchange(new PeerInfo(2, 3, new Semver(0, 7, 2), new Semver(0, 0, 1), "v2"), TINY));
        }
        // 6. a target-only message from the fuzzer, after a good handshake
        try (FuzzClient c = new FuzzClient(server.socket())) {
            c.exchange(FUZZER, TINY);
            assertNull(c.exchange(new StateRoot(Hash.ZERO), TINY));
        }
        // 7. truncated frame, then the fuzzer goes away
        try (FuzzClient c = new FuzzClient(server.socket())) {
            c.sendRaw(new byte[] {10, 0, 0, 0, 0, 1});
        }
        // and a good session still works
        try (FuzzClient c = new FuzzClient(server.socket())) {
            assertEquals(OURS, c.exchange(FUZZER, TINY));
            assertInstanceOf(StateRoot.class, c.exchange(recordedInitialize(), TINY));
        }
    }

    @Test
    void internalErrorOfImportEndsTheSessionWithoutReplyAndTheNextIsServed() throws IOException {
        byte[] block = FuzzExamples.messages("no_forks").stream()
                .filter(r -> r.kind().equals("import_block")).findFirst().orElseThrow().bytes();
        try (FuzzClient c = new FuzzClient(server.socket())) {
            c.exchange(FUZZER, TINY);
            c.exchange(recordedInitialize(), TINY);
            // a rejection is answered with `error` and the session goes on
            assertInstanceOf(ErrorMessage.class, FuzzCodec.decode(c.exchange(block), TINY));
            // an exception is not a rejection: fuzz-proto forbids `error` for it, the target closes the connection
            made.get(0).importFailure = new IllegalStateException("simulated internal failure");
            assertNull(c.exchange(block), "no reply to an internal failure; connection closed");
        }
        awaitSessions(1);
        assertTrue(made.get(0).closed, "importer of the failed session dropped");
        assertEquals(2, made.get(0).blocks.size());
        try (FuzzClient c = new FuzzClient(server.socket())) {
            assertEquals(OURS, c.exchange(FUZZER, TINY));
            assertInstanceOf(StateRoot.class, c.exchange(recordedInitialize(), TINY));
            assertInstanceOf(ErrorMessage.class, FuzzCodec.decode(c.exchange(block), TINY));
        }
        assertEquals(2, server.sessions());
    }

    @Test
    void internalErrorOfInitializeEndsTheSessionWithoutReplyAndTheNextIsServed() throws IOException {
        nextInitializeFailure = new IllegalArgumentException("simulated internal failure");
        try (FuzzClient c = new FuzzClient(server.socket())) {
            c.exchange(FUZZER, TINY);
            assertNull(c.exchange(recordedInitialize(), TINY), "no reply to an internal failure; connection closed");
        }
        awaitSessions(1);
        assertTrue(made.get(0).closed, "importer whose initialize failed is closed");
        try (FuzzClient c = new FuzzClient(server.socket())) {
            assertEquals(OURS, c.exchange(FUZZER, TINY));
            Initialize init = recordedInitialize();
            StateRoot root = (StateRoot) c.exchange(init, TINY);
            byte[] expected = FuzzExamples.messages("no_forks").stream()
                    .filter(r -> r.kind().equals("state_root")).findFirst().orElseThrow().bytes();
            assertArrayEquals(expected, FuzzCodec.encode(root, TINY), "recorded initial state root");
        }
    }

    @Test
    void staleSocketReplacedButLiveOrRegularFileRefused() throws IOException {
        Path stale = tmp.resolve("stale.sock");
        try (ServerSocketChannel old = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            old.bind(UnixDomainSocketAddress.of(stale));
            // live: someone listens
            var live = assertThrows(IOException.class, () -> FuzzTargetServer.bind(stale, TINY, FakeImporter::new, OURS, 1 << 20));
            assertTrue(live.getMessage().contains("another process"), live.getMessage());
        }
        assertTrue(Files.exists(stale), "closing a server channel leaves its socket file");
        try (FuzzTargetServer s = FuzzTargetServer.bind(stale, TINY, FakeImporter::new, OURS, 1 << 20)) {
            assertEquals(stale.toAbsolutePath(), s.socket());
        }
        Path regular = Files.writeString(tmp.resolve("file.sock"), "x");
        var e = assertThrows(IOException.class, () -> FuzzTargetServer.bind(regular, TINY, FakeImporter::new, OURS, 1 << 20));
        assertTrue(e.getMessage().contains("not a socket"), e.getMessage());
        assertTrue(Files.exists(regular));
    }

    @Test
    void blockReachesImporterUnchanged() throws IOException {
        Block b = ((FuzzMessage.ImportBlock) FuzzCodec.decode(FuzzExamples.messages("forks").stream()
                .filter(r -> r.kind().equals("import_block")).findFirst().orElseThrow().bytes(), TINY)).block();
        try (FuzzClient c = new FuzzClient(server.socket())) {
            c.exchange(FUZZER, TINY);
            c.exchange(recordedInitialize(), TINY);
            assertInstanceOf(ErrorMessage.class, c.exchange(new FuzzMessage.ImportBlock(b), TINY));
        }
        assertEquals(b.header().hash(TINY), made.get(0).blocks.get(0).header().hash(TINY));
    }
}
