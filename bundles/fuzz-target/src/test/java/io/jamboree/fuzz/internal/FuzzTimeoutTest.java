package io.jamboree.fuzz.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzExamples;
import io.jamboree.fuzz.FuzzFeatures;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzMessage.GetState;
import io.jamboree.fuzz.FuzzMessage.Initialize;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzMessage.StateRoot;
import io.jamboree.fuzz.Semver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-frame deadlines of {@link SessionChannel} over a real socket, with short timeouts and
 * {@link FakeImporter}: a fuzzer that stops inside a frame, never says hello, or does not take its reply
 * loses its session, and the connection waiting behind it is served; a fuzzer that merely pauses between
 * requests keeps its session when no idle timeout is set.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FuzzTimeoutTest {
    private static final ChainParams TINY = ChainParams.tiny();
    private static final PeerInfo OURS = FuzzTargetCommand.peerInfo(new Semver(0, 1, 0));
    private static final PeerInfo FUZZER = new PeerInfo(1, FuzzFeatures.FORKS, new Semver(0, 7, 2), new Semver(1, 0, 0), "test");
    private static final Duration FRAME = Duration.ofMillis(500);

    @TempDir
    Path tmp;

    private FuzzTargetServer server;
    private Thread serving;

    private void start(Duration idle) throws IOException {
        server = FuzzTargetServer.bind(tmp.resolve("t.sock"), TINY, FakeImporter::new, OURS,
                new FuzzTargetServer.Limits(1 << 24, FRAME, idle));
        serving = Thread.ofPlatform().name("fuzz-timeout-server").start(() -> {
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
    }

    @Test
    void partialLengthPrefixThenSilenceEndsTheSessionAndTheNextIsServed() throws Exception {
        start(Duration.ZERO);
        try (FuzzClient stalled = new FuzzClient(server.socket()); FuzzClient next = new FuzzClient(server.socket())) {
            stalled.exchange(FUZZER, TINY);
            long t0 = System.nanoTime();
            stalled.sendRaw(new byte[] {40, 0}); // two of the four prefix bytes, then nothing
            // the next connection waits behind the stalled one until its frame timeout fires
            assertEquals(OURS, next.exchange(FUZZER, TINY));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= FRAME.toNanos() * 9 / 10, "served only after the frame timeout: " + waited / 1_000_000 + " ms");
            assertTrue(stalled.closedByTarget(), "stalled session closed by the target");
        }
        assertEquals(2, server.sessions());
    }

    @Test
    void partialBodyThenSilenceEndsTheSessionAndTheNextIsServed() throws Exception {
        start(Duration.ZERO);
        byte[] init = FuzzCodec.encode(recordedInitialize(), TINY);
        try (FuzzClient stalled = new FuzzClient(server.socket()); FuzzClient next = new FuzzClient(server.socket())) {
            stalled.exchange(FUZZER, TINY);
            ByteBuffer part = ByteBuffer.allocate(4 + 100).order(ByteOrder.LITTLE_ENDIAN).putInt(init.length).put(init, 0, 100);
            stalled.sendRaw(part.array()); // a prefix and 100 of its bytes, then nothing
            assertEquals(OURS, next.exchange(FUZZER, TINY));
            assertInstanceOf(StateRoot.class, next.exchange(recordedInitialize(), TINY));
            assertTrue(stalled.closedByTarget(), "stalled session closed by the target");
        }
    }

    @Test
    void connectionThatNeverSendsTheHandshakeIsClosedAfterTheFrameTimeout() throws Exception {
        start(Duration.ZERO);
        try (FuzzClient silent = new FuzzClient(server.socket()); FuzzClient next = new FuzzClient(server.socket())) {
            assertEquals(OURS, next.exchange(FUZZER, TINY));
            assertTrue(silent.closedByTarget(), "silent connection closed by the target");
        }
    }

    @Test
    void pauseBetweenRequestsIsNotLimitedWithoutIdleTimeout() throws Exception {
        start(Duration.ZERO);
        try (FuzzClient c = new FuzzClient(server.socket())) {
            assertEquals(OURS, c.exchange(FUZZER, TINY));
            Thread.sleep(FRAME.toMillis() * 3);
            assertInstanceOf(StateRoot.class, c.exchange(recordedInitialize(), TINY), "still served after a long pause");
        }
    }

    @Test
    void idleTimeoutEndsASilentSessionAfterTheHandshake() throws Exception {
        start(Duration.ofMillis(800));
        try (FuzzClient c = new FuzzClient(server.socket())) {
            assertEquals(OURS, c.exchange(FUZZER, TINY));
            long t0 = System.nanoTime();
            assertTrue(c.closedByTarget(), "idle session closed by the target");
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= Duration.ofMillis(700).toNanos(), "closed after the idle timeout: " + waited / 1_000_000 + " ms");
        }
        try (FuzzClient c = new FuzzClient(server.socket())) {
            assertEquals(OURS, c.exchange(FUZZER, TINY));
        }
    }

    @Test
    void replyNotTakenByTheFuzzerEndsTheSession() throws Exception {
        start(Duration.ZERO);
        Initialize init = recordedInitialize();
        try (FuzzClient greedy = new FuzzClient(server.socket()); FuzzClient next = new FuzzClient(server.socket())) {
            greedy.exchange(FUZZER, TINY);
            greedy.exchange(init, TINY);
            // ask for the whole state again and again without reading a reply: the socket buffer fills up
            // and the target's write stalls until its frame timeout
            byte[] get = FuzzCodec.encode(new GetState(init.header().hash(TINY)), TINY);
            ByteBuffer many = ByteBuffer.allocate(64 * (4 + get.length)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 64; i++) {
                many.putInt(get.length).put(get);
            }
            greedy.sendRaw(many.array());
            assertEquals(OURS, next.exchange(FUZZER, TINY));
            assertTrue(drainsToEnd(greedy), "greedy session closed by the target");
        }
    }

    /**
     * Reads whatever the target still sent; true when the stream then ends (or is reset: the target closed
     * with requests of ours still unread).
     */
    private static boolean drainsToEnd(FuzzClient c) throws IOException {
        while (true) {
            FuzzMessage m;
            try {
                byte[] f = c.readFrame();
                if (f == null) {
                    return true;
                }
                m = FuzzCodec.decode(f, TINY);
            } catch (io.jamboree.fuzz.FuzzProtocolException cutInsideAFrame) {
                return true;
            } catch (java.net.SocketException reset) {
                assertTrue(String.valueOf(reset.getMessage()).contains("reset"), reset.toString());
                return true;
            }
            assertInstanceOf(FuzzMessage.State.class, m);
        }
    }

    private static Initialize recordedInitialize() {
        return (Initialize) FuzzCodec.decode(FuzzExamples.messages("no_forks").stream()
                .filter(r -> r.kind().equals("initialize")).findFirst().orElseThrow().bytes(), TINY);
    }
}
