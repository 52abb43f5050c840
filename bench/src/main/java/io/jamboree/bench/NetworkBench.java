package io.jamboree.bench;

import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamKind;
import io.jamboree.network.internal.JamnpNetwork;
import io.jamboree.network.internal.NetworkSettings;
import io.jamboree.network.internal.NodeCertificate;
import io.jamboree.network.internal.StreamHandlers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JAMNP-S over QUIC on localhost (two endpoints in one JVM, real UDP sockets): the TLS 1.3 handshake of a new
 * connection with Ed25519 certificates, and one 10 MB transfer on a CE stream in 64 KB messages (MB/s = 10 / the
 * time per operation in seconds). {@code -p transport=epoll|nio}: Linux epoll with UDP GSO/GRO (where available) or
 * Java NIO for the sockets of both endpoints.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class NetworkBench {
    static final StreamKind SINK = StreamKind.of(250);
    static final int MESSAGE = 64 << 10;
    static final int TRANSFER = 10 << 20;

    private JamnpNetwork server;
    private JamnpNetwork client;
    private PeerId serverId;
    private final byte[] chunk = new byte[MESSAGE];

    /** The sockets' transport: {@code epoll} (native, with GSO/GRO, where available) or {@code nio}. */
    @Param({"epoll", "nio"})
    public String transport;

    static JamnpNetwork node(int dev, StreamHandlers h) throws Exception {
        return node(dev, h, true);
    }

    static JamnpNetwork node(int dev, StreamHandlers h, boolean nativeTransport) throws Exception {
        ValidatorSecrets s = DevKeys.secrets(dev);
        byte[] genesis = new byte[32];
        return new JamnpNetwork(NetworkSettings.of(NodeCertificate.selfSigned(s.ed25519SecretSeed(), s.ed25519Public()),
                genesis, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).withStreamTimeoutMs(30_000)
                .withNativeTransport(nativeTransport), h);
    }

    /** A sink: reads messages until FIN, answers with the octets it got (u64 LE). */
    static StreamHandlers sink() {
        StreamHandlers h = new StreamHandlers();
        h.add(st -> {
            long n = 0;
            for (byte[] m = st.read(); m != null; m = st.read()) {
                n += m.length;
            }
            st.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array());
            st.finish();
        }, SINK, MESSAGE);
        return h;
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        boolean nat = "epoll".equals(transport);
        server = node(0, sink(), nat);
        client = node(1, sink(), nat);
        if (server.nativeTransport() != nat) {
            throw new IllegalStateException("transport " + transport + " is not available here");
        }
        serverId = server.localId();
        connect();
    }

    private void connect() throws Exception {
        client.connect(server.localAddress(), serverId).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.close();
    }

    /** One 10 MB transfer in 64 KB messages on a new CE stream, acknowledged by the receiver. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long transfer10MB() throws Exception {
        if (client.peer(serverId).isEmpty()) {
            connect();
        }
        Stream s = client.openStream(serverId, SINK).toCompletableFuture().get(20, TimeUnit.SECONDS);
        for (int sent = 0; sent < TRANSFER; sent += MESSAGE) {
            s.write(chunk);
        }
        s.finish();
        byte[] ack = s.read();
        long got = ByteBuffer.wrap(ack).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (got != TRANSFER) {
            throw new IllegalStateException("the receiver got " + got + " octets of " + TRANSFER);
        }
        return got;
    }

    /** Handshake: the state of a fresh client per measured connect. */
    @State(Scope.Thread)
    public static class Handshake {
        JamnpNetwork server;
        JamnpNetwork client;

        @Setup(Level.Trial)
        public void start() throws Exception {
            server = node(2, new StreamHandlers());
            client = node(3, new StreamHandlers());
        }

        /** Before each connect: no connection (the previous one closed on both sides). */
        @Setup(Level.Invocation)
        public void disconnected() throws Exception {
            client.disconnect(server.localId(), "bench");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((client.peer(server.localId()).isPresent() || server.peer(client.localId()).isPresent())
                    && System.nanoTime() < end) {
                Thread.sleep(1);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            server.close();
        }
    }

    /** One QUIC + TLS 1.3 handshake with Ed25519 certificates, until the server's confirmation. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 20, batchSize = 1)
    @Measurement(iterations = 100, batchSize = 1)
    public Object handshake(Handshake h) throws Exception {
        return h.client.connect(h.server.localAddress(), h.server.localId()).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
