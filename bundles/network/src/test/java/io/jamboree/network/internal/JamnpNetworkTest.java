package io.jamboree.network.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.keystore.DevKeys;
import io.jamboree.network.PeerId;
import io.jamboree.network.PeerInfo;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.network.StreamKind;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two and three JAMNP-S endpoints on real QUIC sockets on localhost. */
@Timeout(120)
final class JamnpNetworkTest {
    private static final StreamKind ECHO = StreamKind.of(200);
    private static final StreamKind UP = StreamKind.of(7);
    private final List<JamnpNetwork> nodes = new ArrayList<>();

    private JamnpNetwork node(NetworkSettings s, StreamHandlers h) throws Exception {
        JamnpNetwork n = new JamnpNetwork(s, h);
        nodes.add(n);
        return n;
    }

    @AfterEach
    void close() {
        nodes.forEach(JamnpNetwork::close);
    }

    /** A CE echo: reads messages until FIN, answers each, finishes. */
    private static StreamHandlers echoHandlers(int max) {
        StreamHandlers h = new StreamHandlers();
        h.add(s -> {
            for (byte[] m = s.read(); m != null; m = s.read()) {
                s.write(m);
            }
            s.finish();
        }, ECHO, max);
        return h;
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> f) throws Exception {
        return f.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void handshakeAndCeEcho() throws Exception {
        JamnpNetwork a = node(Nodes.settings(0), echoHandlers(1 << 20));
        JamnpNetwork b = node(Nodes.settings(1), echoHandlers(1 << 20));
        PeerInfo pi = get(b.connect(a.localAddress(), a.localId()));
        assertEquals(a.localId(), pi.id());
        assertEquals(PeerInfo.Direction.OUTBOUND, pi.direction());
        assertEquals(PeerId.of(DevKeys.secrets(0).ed25519()), pi.id());
        // the acceptor sees the initiator's key
        waitFor(() -> a.peer(b.localId()).isPresent(), "a sees b");
        assertEquals(PeerInfo.Direction.INBOUND, a.peer(b.localId()).orElseThrow().direction());

        Stream s = get(b.openStream(a.localId(), ECHO));
        byte[] m1 = "hello".getBytes();
        byte[] m2 = new byte[100_000];
        for (int i = 0; i < m2.length; i++) {
            m2[i] = (byte) i;
        }
        s.write(m1);
        s.write(new byte[0]);
        s.write(m2);
        s.finish();
        assertArrayEquals(m1, s.read());
        assertArrayEquals(new byte[0], s.read());
        assertArrayEquals(m2, s.read());
        s.readFin();
        assertNull(s.read());
        // the acceptor of the connection opens streams too
        Stream back = get(a.openStream(b.localId(), ECHO));
        back.write(m1);
        back.finish();
        assertArrayEquals(m1, back.read());
        back.readFin();
    }

    @Test
    void upStreamOpenedByInitiatorBothSidesTalk() throws Exception {
        LinkedBlockingQueue<String> atA = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> atB = new LinkedBlockingQueue<>();
        StreamHandlers ha = new StreamHandlers();
        ha.add(s -> {
            s.write(("hello from a, local=" + s.isLocal()).getBytes());
            for (byte[] m = s.read(); m != null; m = s.read()) {
                atA.add(new String(m));
            }
        }, UP, 1024);
        StreamHandlers hb = new StreamHandlers();
        hb.add(s -> {
            s.write(("hello from b, local=" + s.isLocal()).getBytes());
            for (byte[] m = s.read(); m != null; m = s.read()) {
                atB.add(new String(m));
            }
        }, UP, 1024);
        JamnpNetwork a = node(Nodes.settings(0), ha);
        JamnpNetwork b = node(Nodes.settings(1), hb);
        get(b.connect(a.localAddress(), a.localId()));
        assertEquals("hello from a, local=false", atB.poll(20, TimeUnit.SECONDS));
        assertEquals("hello from b, local=true", atA.poll(20, TimeUnit.SECONDS));
        // later messages through upStream() from other threads
        waitFor(() -> a.upStream(b.localId(), UP).isPresent(), "a's UP stream");
        a.upStream(b.localId(), UP).orElseThrow().write("announce 1".getBytes());
        b.upStream(a.localId(), UP).orElseThrow().write("announce 2".getBytes());
        assertEquals("announce 1", atB.poll(20, TimeUnit.SECONDS));
        assertEquals("announce 2", atA.poll(20, TimeUnit.SECONDS));
        assertThrows(IllegalArgumentException.class, () -> b.openStream(a.localId(), UP));
    }

    @Test
    void wrongAlpnIsRefused() throws Exception {
        JamnpNetwork a = node(Nodes.settings(0), echoHandlers(1024));
        JamnpNetwork b = node(Nodes.settings(1).withAlpn("jamnp-s/0/deadbeef"), echoHandlers(1024));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> b.connect(a.localAddress(), a.localId()).toCompletableFuture().get(20, TimeUnit.SECONDS));
        System.out.println("wrong ALPN: " + e.getCause());
        // TLS alert 120, no_application_protocol (RFC 8446 §6.2)
        assertTrue(e.getCause().getMessage().contains("TLS alert 120"), e.getCause().getMessage());
        assertTrue(a.peers().isEmpty());
        assertTrue(b.peers().isEmpty());
        // the right ALPN plus /builder is accepted and marked as a builder
        JamnpNetwork c = node(Nodes.settings(2).withAlpn(a.alpn() + "/builder"), echoHandlers(1024));
        get(c.connect(a.localAddress(), a.localId()));
        waitFor(() -> a.peer(c.localId()).isPresent(), "a sees the builder");
        assertTrue(a.peer(c.localId()).orElseThrow().builder());
    }

    @Test
    void certificateWhoseAltNameIsNotItsKeyIsRefused() throws Exception {
        JamnpNetwork a = node(Nodes.settings(0), echoHandlers(1024));
        var s1 = DevKeys.secrets(1);
        NodeCertificate lying = NodeCertificate.withAltName(s1.ed25519SecretSeed(), s1.ed25519Public(),
                DevKeys.secrets(2).altName());
        JamnpNetwork b = node(new NetworkSettings(lying, Nodes.GENESIS, Nodes.settings(1).listen(), List.of(), 10_000, 10,
                5_000, null), echoHandlers(1024));
        // as a client: the server refuses it (after the client's TLS 1.3 handshake completed)
        assertThrows(ExecutionException.class,
                () -> b.connect(a.localAddress(), a.localId()).toCompletableFuture().get(20, TimeUnit.SECONDS));
        Thread.sleep(300);
        assertTrue(a.peers().isEmpty(), "the server accepted a lying certificate");
        assertTrue(b.peers().isEmpty(), "the client believes it is connected");
        // as a server: the client refuses it
        JamnpNetwork c = node(Nodes.settings(2), echoHandlers(1024));
        assertThrows(ExecutionException.class,
                () -> c.connect(b.localAddress(), null).toCompletableFuture().get(20, TimeUnit.SECONDS));
        assertTrue(c.peers().isEmpty());
    }

    @Test
    void unexpectedKeyIsRefused() throws Exception {
        JamnpNetwork a = node(Nodes.settings(0), echoHandlers(1024));
        JamnpNetwork b = node(Nodes.settings(1), echoHandlers(1024));
        PeerId someoneElse = PeerId.of(DevKeys.secrets(5).ed25519());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> b.connect(a.localAddress(), someoneElse).toCompletableFuture().get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("expected key"), e.getCause().getMessage());
        Thread.sleep(300);
        assertTrue(b.peers().isEmpty());
    }

    /** The raw channel of a stream, to send what the framing never would. */
    private static void raw(Stream s, byte... bytes) {
        ((QuicStream) s).channel().writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    @Test
    void badInputResetsTheStreamAndTheNodeKeepsServingOthers() throws Exception {
        JamnpNetwork a = node(Nodes.settings(0).withStreamTimeoutMs(1_000).withMaxViolations(100), echoHandlers(1024));
        JamnpNetwork bad = node(Nodes.settings(1), echoHandlers(1024));
        JamnpNetwork good = node(Nodes.settings(2), echoHandlers(1024));
        get(bad.connect(a.localAddress(), a.localId()));
        get(good.connect(a.localAddress(), a.localId()));
        waitFor(() -> a.peers().size() == 2, "a has two peers");

        // a length prefix of 2^31
        Stream s1 = get(bad.openStream(a.localId(), ECHO));
        raw(s1, (byte) 0, (byte) 0, (byte) 0, (byte) 0x80, (byte) 1, (byte) 2);
        assertRefused(s1);
        // longer than the kind's maximum (1024)
        Stream s2 = get(bad.openStream(a.localId(), ECHO));
        raw(s2, (byte) 0x01, (byte) 0x04, (byte) 0, (byte) 0);
        assertRefused(s2);
        // an unknown stream kind
        Stream s3 = get(bad.openStream(a.localId(), StreamKind.of(250)));
        raw(s3, (byte) 1, (byte) 0, (byte) 0, (byte) 0, (byte) 1); // the reset may already be on its way
        assertRefused(s3);
        // half a message, then silence: reset after the stream timeout (1 s)
        Stream s4 = get(bad.openStream(a.localId(), ECHO));
        raw(s4, (byte) 10, (byte) 0, (byte) 0, (byte) 0, (byte) 1, (byte) 2, (byte) 3);
        // meanwhile the other peer is served
        for (int i = 0; i < 5; i++) {
            Stream g = get(good.openStream(a.localId(), ECHO));
            g.write(new byte[] {(byte) i});
            g.finish();
            assertArrayEquals(new byte[] {(byte) i}, g.read());
            g.readFin();
        }
        assertRefused(s4);
        // half a message then FIN
        Stream s5 = get(bad.openStream(a.localId(), ECHO));
        raw(s5, (byte) 10, (byte) 0, (byte) 0, (byte) 0, (byte) 1);
        s5.finish();
        assertRefused(s5);
        waitFor(() -> a.peer(bad.localId()).map(PeerInfo::violations).orElse(0) == 5, "5 violations counted");
        assertEquals(0, a.peer(good.localId()).orElseThrow().violations());
        // the bad peer is still connected (threshold 100) and still served when it behaves
        Stream ok = get(bad.openStream(a.localId(), ECHO));
        ok.write(new byte[] {42});
        ok.finish();
        assertArrayEquals(new byte[] {42}, ok.read());
    }

    @Test
    void aPeerOverTheViolationThresholdIsDisconnected() throws Exception {
        JamnpNetwork a = node(Nodes.settings(0).withMaxViolations(3), echoHandlers(1024));
        JamnpNetwork bad = node(Nodes.settings(1), echoHandlers(1024));
        get(bad.connect(a.localAddress(), a.localId()));
        waitFor(() -> a.peer(bad.localId()).isPresent(), "connected");
        for (int i = 0; i < 3; i++) {
            Stream s = get(bad.openStream(a.localId(), StreamKind.of(251)));
            try {
                s.write(new byte[] {1});
            } catch (StreamException e) {
                // the reset may come before the write
            }
        }
        waitFor(() -> a.peer(bad.localId()).isEmpty(), "a dropped the bad peer");
        waitFor(() -> bad.peer(a.localId()).isEmpty(), "the bad peer saw the close");
    }

    @Test
    void requiredValidatorsConnectByThemselves() throws Exception {
        JamnpNetwork[] n = new JamnpNetwork[3];
        for (int i = 0; i < 3; i++) {
            n[i] = node(Nodes.settings(i), echoHandlers(1024)); // 5 s grace: the Preferred Initiator connects first
        }
        List<io.jamboree.network.ValidatorPeer> vs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            vs.add(new io.jamboree.network.ValidatorPeer(n[i].localId(), n[i].localAddress(), i));
        }
        for (JamnpNetwork x : n) {
            x.setValidators(vs);
        }
        waitFor(() -> n[0].peers().size() == 2 && n[1].peers().size() == 2 && n[2].peers().size() == 2, "full mesh");
        // one connection per pair, opened by the Preferred Initiator
        for (int i = 0; i < 3; i++) {
            for (PeerInfo p : n[i].peers()) {
                PeerId pref = PeerId.preferredInitiator(n[i].localId(), p.id());
                assertEquals(pref.equals(n[i].localId()) ? PeerInfo.Direction.OUTBOUND : PeerInfo.Direction.INBOUND,
                        p.direction(), "direction of " + i + " to " + p.validatorIndex());
                assertTrue(p.validatorIndex().isPresent());
            }
        }
        // a lost connection comes back
        n[0].disconnect(n[1].localId(), "test");
        waitFor(() -> n[0].peer(n[1].localId()).isEmpty() || n[0].peers().size() == 2, "dropped");
        waitFor(() -> n[0].peers().size() == 2 && n[1].peers().size() == 2, "reconnected");
    }

    /** A peer that restarts with its key connects again at once, though the old connection may look alive. */
    @Test
    void aRestartedPeerIsAcceptedAgain() throws Exception {
        JamnpNetwork a = node(Nodes.settings(0), echoHandlers(1024));
        JamnpNetwork b = node(Nodes.settings(1), echoHandlers(1024));
        get(b.connect(a.localAddress(), a.localId()));
        waitFor(() -> a.peer(b.localId()).isPresent(), "a sees b");
        b.crash();
        JamnpNetwork b2 = node(Nodes.settings(1), echoHandlers(1024));
        long t0 = System.nanoTime();
        get(b2.connect(a.localAddress(), a.localId()));
        waitFor(() -> a.peer(b2.localId()).isPresent(), "a sees b again");
        Stream s = get(b2.openStream(a.localId(), ECHO));
        s.write(new byte[] {5});
        s.finish();
        assertArrayEquals(new byte[] {5}, s.read());
        Stream back = get(a.openStream(b2.localId(), ECHO));
        back.write(new byte[] {6});
        back.finish();
        assertArrayEquals(new byte[] {6}, back.read());
        System.out.printf("restarted peer served again after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Keep-alives hold an idle connection open past the QUIC idle timeout (30 s without a packet). */
    @Test
    void anIdleConnectionStaysOpen() throws Exception {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        JamnpNetwork a = node(Nodes.settings(0), echoHandlers(1024));
        JamnpNetwork b = new JamnpNetwork(Nodes.settings(1), echoHandlers(1024), new java.util.concurrent.CopyOnWriteArrayList<>(
                List.of(new io.jamboree.network.PeerListener() {
                    @Override
                    public void connected(PeerInfo peer) {
                        events.add("connected " + peer.id());
                    }

                    @Override
                    public void disconnected(PeerInfo peer, String reason) {
                        events.add("disconnected " + peer.id() + ": " + reason);
                    }
                })));
        nodes.add(b);
        get(b.connect(a.localAddress(), a.localId()));
        Thread.sleep((QuicSetup.IDLE_TIMEOUT_S + 5) * 1000);
        assertTrue(b.peer(a.localId()).isPresent(), "dropped while idle: " + events);
        assertEquals(List.of("connected " + a.localId()), events);
    }

    /** A handler that finds the content malformed: the stream is reset and the violation counted. */
    @Test
    void malformedContentFoundByTheHandler() throws Exception {
        StreamKind fourOctets = StreamKind.of(201);
        StreamHandlers h = echoHandlers(1024);
        h.add(s -> {
            byte[] m = s.read();
            if (m == null || m.length != 4) {
                throw new io.jamboree.network.ProtocolViolationException("expected 4 octets, got "
                        + (m == null ? "FIN" : m.length));
            }
            s.write(m);
        }, fourOctets, 1024);
        JamnpNetwork a = node(Nodes.settings(0), h);
        JamnpNetwork b = node(Nodes.settings(1), echoHandlers(1024));
        get(b.connect(a.localAddress(), a.localId()));
        Stream bad = get(b.openStream(a.localId(), fourOctets));
        bad.write(new byte[] {1, 2, 3});
        assertRefused(bad);
        waitFor(() -> a.peer(b.localId()).map(PeerInfo::violations).orElse(0) == 1, "one violation");
        Stream good = get(b.openStream(a.localId(), fourOctets));
        good.write(new byte[] {1, 2, 3, 4});
        good.finish();
        assertArrayEquals(new byte[] {1, 2, 3, 4}, good.read());
    }

    /** Random datagrams at the QUIC socket are dropped; connections still work. */
    @Test
    void udpGarbageIsIgnored() throws Exception {
        JamnpNetwork a = node(Nodes.settings(0), echoHandlers(1024));
        java.util.Random r = new java.util.Random(7);
        try (java.net.DatagramSocket u = new java.net.DatagramSocket()) {
            for (int i = 0; i < 500; i++) {
                byte[] junk = new byte[1 + r.nextInt(1400)];
                r.nextBytes(junk);
                if (i % 2 == 0) {
                    junk[0] = (byte) 0xc0; // looks like a long-header QUIC packet
                }
                u.send(new java.net.DatagramPacket(junk, junk.length, a.localAddress()));
            }
        }
        JamnpNetwork b = node(Nodes.settings(1), echoHandlers(1024));
        get(b.connect(a.localAddress(), a.localId()));
        Stream s = get(b.openStream(a.localId(), ECHO));
        s.write(new byte[] {9});
        s.finish();
        assertArrayEquals(new byte[] {9}, s.read());
        assertTrue(a.peers().size() == 1, "only the real peer: " + a.peers());
    }

    @Test
    void epollWithGsoAndNioTalkToEachOther() throws Exception {
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        // the test classpath carries netty-transport-native-epoll for linux-x86_64
        assertEquals(linuxX64, NativeTransport.available(), "epoll: " + NativeTransport.unavailability());
        JamnpNetwork nat = node(Nodes.settings(0), echoHandlers(1 << 20));
        JamnpNetwork nio = node(Nodes.settings(1).withNativeTransport(false), echoHandlers(1 << 20));
        assertEquals(linuxX64, nat.nativeTransport());
        assertTrue(!nio.nativeTransport(), "NIO when asked");
        get(nio.connect(nat.localAddress(), nat.localId()));
        waitFor(() -> nat.peer(nio.localId()).isPresent(), "the epoll side sees the NIO side");
        byte[] m = new byte[1 << 20]; // many full-size packets: GSO batches on the epoll side
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (i * 31);
        }
        for (JamnpNetwork[] pair : new JamnpNetwork[][] {{nio, nat}, {nat, nio}}) {
            Stream s = get(pair[0].openStream(pair[1].localId(), ECHO));
            for (int i = 0; i < 4; i++) {
                s.write(m);
            }
            s.finish();
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(m, s.read());
            }
            s.readFin();
        }
    }

    /** A UP handler that is also an {@link io.jamboree.network.UpStreamPolicy}, switched by a flag. */
    private static final class PolicyHandler implements io.jamboree.network.StreamHandler, io.jamboree.network.UpStreamPolicy {
        volatile boolean wanted;
        final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        final LinkedBlockingQueue<String> ended = new LinkedBlockingQueue<>();

        @Override
        public boolean opensTo(PeerId peer) {
            return wanted;
        }

        @Override
        public void handle(Stream s) throws Exception {
            opened.incrementAndGet();
            try {
                while (s.read() != null) {
                    // hold it open
                }
                ended.add("fin");
            } catch (StreamException e) {
                ended.add("reset: " + e.getMessage());
            }
        }
    }

    @Test
    void upStreamPolicyDecidesAndRefreshApplies() throws Exception {
        PolicyHandler pa = new PolicyHandler();
        PolicyHandler pb = new PolicyHandler();
        StreamHandlers ha = new StreamHandlers();
        ha.add(pa, UP, 1024);
        StreamHandlers hb = new StreamHandlers();
        hb.add(pb, UP, 1024);
        JamnpNetwork a = node(Nodes.settings(0), ha);
        JamnpNetwork b = node(Nodes.settings(1), hb);
        // b initiates but its policy says no: no UP stream on either side
        get(b.connect(a.localAddress(), a.localId()));
        Stream ce = get(b.openStream(a.localId(), StreamKind.of(250)));
        assertRefused(ce); // a round trip after the handshake: a UP stream would have been opened by now
        assertTrue(b.upStream(a.localId(), UP).isEmpty(), "b opened no UP stream");
        assertTrue(a.upStream(b.localId(), UP).isEmpty(), "a got no UP stream");
        assertEquals(0, pa.opened.get() + pb.opened.get());
        // the policy changes (an epoch transition): refresh opens it
        pb.wanted = true;
        b.refreshUpStreams();
        waitFor(() -> a.upStream(b.localId(), UP).isPresent() && b.upStream(a.localId(), UP).isPresent(), "UP open");
        // the handlers start on their own virtual threads, just after the streams are installed
        waitFor(() -> pa.opened.get() == 1 && pb.opened.get() == 1, "both handlers called once");
        // a refresh with the policy unchanged opens no second stream
        b.refreshUpStreams();
        Thread.sleep(200);
        assertEquals(1, pb.opened.get());
        // and back: refresh resets the stream b opened; a's side sees the reset
        pb.wanted = false;
        b.refreshUpStreams();
        String atB = pb.ended.poll(20, TimeUnit.SECONDS);
        String atA = pa.ended.poll(20, TimeUnit.SECONDS);
        assertTrue(atB != null && atB.startsWith("reset"), "b's side ended by the reset: " + atB);
        assertTrue(atA != null && atA.startsWith("reset"), "a's side saw the reset: " + atA);
        waitFor(() -> b.upStream(a.localId(), UP).isEmpty(), "b's UP stream gone");
        assertTrue(b.peer(a.localId()).isPresent(), "the connection stays");
    }

    private static void assertRefused(Stream s) {
        StreamException e = assertThrows(StreamException.class, () -> {
            while (true) {
                if (s.read(Duration.ofSeconds(20)) == null) {
                    throw new AssertionError("clean FIN instead of a reset");
                }
            }
        });
        System.out.println("refused: " + e.getMessage());
    }

    private static void waitFor(java.util.function.BooleanSupplier c, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
