package io.jamboree.network.internal;

import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.PeerInfo;
import io.jamboree.network.PeerListener;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.network.StreamHandler;
import io.jamboree.network.StreamKind;
import io.jamboree.network.UpStreamPolicy;
import io.jamboree.network.ValidatorPeer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicChannelOption;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicConnectionCloseEvent;
import io.netty.handler.codec.quic.QuicServerCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.handler.codec.quic.InsecureQuicTokenHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAMNP-S endpoint ({@link Network}) on Netty's QUIC codec: one UDP socket accepting connections (server codec)
 * and one initiating them (client codec), one event-loop thread, TLS 1.3 by BoringSSL with the node's Ed25519
 * certificate ({@link NodeCertificate}), peers checked by {@link CertificateCheck}; stream handlers run on virtual
 * threads. A maintenance task keeps the required connections (validators, bootnodes) up with exponential backoff.
 */
public final class JamnpNetwork implements Network, AutoCloseable {
    static final Logger LOG = LoggerFactory.getLogger(JamnpNetwork.class);

    private static final AttributeKey<PeerConnection> CONN = AttributeKey.valueOf("jamnp.connection");
    /** QUIC application error code of a connection closed by this node. */
    private static final int CLOSE_CODE = 0;
    private static final long CONNECT_TIMEOUT_MS = 10_000;

    private final NetworkSettings settings;
    private final StreamHandlers handlers;
    private final PeerId localId;
    private final List<PeerListener> listeners;
    private final Map<PeerId, PeerConnection> peers = new ConcurrentHashMap<>();
    private final RequiredPeers required;
    /** Connections under way to a known key: a second connect to it joins the first. */
    private final Map<PeerId, CompletableFuture<PeerInfo>> connecting = new ConcurrentHashMap<>();
    private final ExecutorService events;
    private final EventLoopGroup group;
    private final Channel server;
    private final Channel client;
    private final InetSocketAddress localAddress;
    private final ScheduledFuture<?> maintenance;
    /** Whether the sockets run on Linux epoll with GSO ({@link NativeTransport}) rather than Java NIO. */
    private final boolean epoll;
    private volatile boolean closed;

    /**
     * Binds the socket and starts. Stream handlers come from {@code handlers}, which the caller may change at any
     * time.
     *
     * @throws StreamException if the socket cannot be bound or TLS cannot be set up
     */
    public JamnpNetwork(NetworkSettings settings, StreamHandlers handlers) throws StreamException {
        this(settings, handlers, new CopyOnWriteArrayList<>());
    }

    /**
     * Binds the socket and starts, telling the peer listeners in {@code listeners}, a thread-safe list the caller
     * may change at any time.
     */
    public JamnpNetwork(NetworkSettings settings, StreamHandlers handlers, List<PeerListener> listeners) throws StreamException {
        this.settings = settings;
        this.handlers = handlers;
        this.listeners = listeners;
        this.localId = new PeerId(settings.identity().key());
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jamnp-events-" + localId.altName().substring(0, 8));
            t.setDaemon(true);
            return t;
        });
        this.epoll = settings.nativeTransport() && NativeTransport.available();
        this.group = new MultiThreadIoEventLoopGroup(1, epoll ? NativeTransport.ioHandler() : NioIoHandler.newFactory());
        try {
            String alpn = settings.alpn();
            QuicSslContext serverSsl = QuicSetup.serverSsl(settings.identity(), alpn);
            QuicSslContext clientSsl = QuicSetup.clientSsl(settings.identity(), alpn);
            QuicServerCodecBuilder serverBuilder = QuicSetup.transport(new QuicServerCodecBuilder().sslContext(serverSsl))
                    .tokenHandler(InsecureQuicTokenHandler.INSTANCE)
                    .handler(new ChannelInitializer<QuicChannel>() {
                        @Override
                        protected void initChannel(QuicChannel ch) {
                            InetSocketAddress remote = ch.remoteSocketAddress() instanceof InetSocketAddress a ? a : null;
                            PeerConnection c = new PeerConnection(ch, PeerInfo.Direction.INBOUND, null, remote);
                            ch.attr(CONN).set(c);
                            ch.pipeline().addLast(new ConnectionHandler(c));
                        }
                    })
                    .streamOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .streamOption(ChannelOption.WRITE_BUFFER_WATER_MARK, QuicSetup.WATER_MARK)
                    .streamHandler(new IncomingStreams());
            if (epoll) {
                serverBuilder.option(QuicChannelOption.SEGMENTED_DATAGRAM_PACKET_ALLOCATOR, NativeTransport.gso());
            }
            ChannelHandler serverCodec = serverBuilder.build();
            ChannelHandler clientCodec = QuicSetup.transport(new QuicClientCodecBuilder().sslContext(clientSsl)).build();
            InetSocketAddress listen = settings.listen();
            this.server = QuicSetup.datagram(group, serverCodec, epoll).bind(listen).sync().channel();
            this.client = QuicSetup.datagram(group, clientCodec, epoll).bind(new InetSocketAddress(listen.getAddress(), 0)).sync().channel();
            InetSocketAddress bound = (InetSocketAddress) server.localAddress();
            InetAddress shown = bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound.getAddress();
            this.localAddress = new InetSocketAddress(shown, bound.getPort());
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            events.shutdownNow();
            throw new StreamException("cannot start JAMNP-S on " + settings.listen() + ": " + e, e);
        }
        this.required = new RequiredPeers(localId, settings.bootnodes(), settings.initiatorGraceMs());
        handlers.onAdded(this::kindAdded);
        this.maintenance = group.next().scheduleAtFixedRate(this::maintain, 100, 250, TimeUnit.MILLISECONDS);
        LOG.info("JAMNP-S listening on {} as {} (ALPN {}, {})", localAddress, localId.altName(), settings.alpn(),
                epoll ? "epoll with UDP GSO/GRO" : "Java NIO" + (settings.nativeTransport()
                        ? ": epoll unavailable, " + NativeTransport.unavailability() : ""));
    }

    NetworkSettings settings() {
        return settings;
    }

    /** Whether the sockets run on Linux epoll with GSO/GRO ({@link NativeTransport}) rather than Java NIO. */
    public boolean nativeTransport() {
        return epoll;
    }

    /** Registers a peer listener (the component does it from the whiteboard). */
    public void addListener(PeerListener l) {
        listeners.add(l);
    }

    public void removeListener(PeerListener l) {
        listeners.remove(l);
    }

    // ---------------------------------------------------------------- Network

    @Override
    public PeerId localId() {
        return localId;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public String alpn() {
        return settings.alpn();
    }

    @Override
    public CompletionStage<PeerInfo> connect(InetSocketAddress address, PeerId expected) {
        if (closed) {
            return CompletableFuture.failedFuture(new StreamException("the network is closed"));
        }
        if (expected != null) {
            if (expected.equals(localId)) {
                return CompletableFuture.failedFuture(new StreamException("will not connect to itself"));
            }
            PeerConnection existing = peers.get(expected);
            if (existing != null) {
                return CompletableFuture.completedFuture(info(existing));
            }
        }
        CompletableFuture<PeerInfo> result = new CompletableFuture<>();
        if (expected != null) {
            CompletableFuture<PeerInfo> under = connecting.putIfAbsent(expected, result);
            if (under != null) {
                return under;
            }
            result.whenComplete((i, e) -> connecting.remove(expected, result));
        }
        java.util.concurrent.atomic.AtomicReference<PeerConnection> made = new java.util.concurrent.atomic.AtomicReference<>();
        io.netty.handler.codec.quic.QuicChannelBootstrap boot = QuicChannel.newBootstrap(client);
        if (epoll) {
            boot.option(QuicChannelOption.SEGMENTED_DATAGRAM_PACKET_ALLOCATOR, NativeTransport.gso());
        }
        boot.handler(new ChannelInitializer<QuicChannel>() {
                    @Override
                    protected void initChannel(QuicChannel ch) {
                        PeerConnection c = new PeerConnection(ch, PeerInfo.Direction.OUTBOUND, expected, address);
                        made.set(c);
                        ch.attr(CONN).set(c);
                        c.established().whenComplete((i, e) -> {
                            if (e != null) {
                                result.completeExceptionally(e);
                            } else {
                                result.complete(i);
                            }
                        });
                        ch.pipeline().addLast(new ConnectionHandler(c));
                    }
                })
                .streamOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .streamOption(ChannelOption.WRITE_BUFFER_WATER_MARK, QuicSetup.WATER_MARK)
                .streamHandler(new IncomingStreams())
                .remoteAddress(address)
                .connect()
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        PeerConnection c = made.get();
                        String why = c != null && c.closeReason() != null ? c.closeReason() : String.valueOf(f.cause());
                        LOG.info("connection to {} failed: {}", address, why);
                        result.completeExceptionally(new StreamException("connection to " + address + " failed: " + why,
                                f.cause()));
                    }
                });
        group.next().schedule(() -> {
            if (result.completeExceptionally(new StreamException("connection to " + address + " timed out"))) {
                LOG.debug("connection to {} timed out", address);
            }
        }, CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return result;
    }

    @Override
    public List<PeerInfo> peers() {
        List<PeerInfo> out = new ArrayList<>();
        for (PeerConnection c : peers.values()) {
            if (c.state() == PeerInfo.State.CONNECTED) {
                out.add(info(c));
            }
        }
        return out;
    }

    @Override
    public Optional<PeerInfo> peer(PeerId id) {
        PeerConnection c = peers.get(id);
        return c == null || c.state() != PeerInfo.State.CONNECTED ? Optional.empty() : Optional.of(info(c));
    }

    @Override
    public CompletionStage<Stream> openStream(PeerId peer, StreamKind kind) {
        if (kind.isUnique()) {
            throw new IllegalArgumentException(kind + " is a UP kind: the network opens UP streams itself");
        }
        PeerConnection c = peers.get(peer);
        if (c == null || c.state() != PeerInfo.State.CONNECTED) {
            return CompletableFuture.failedFuture(new StreamException("not connected to " + peer.altName()));
        }
        StreamHandlers.Entry e = handlers.get(kind.value());
        int max = e == null ? StreamHandler.DEFAULT_MAX_MESSAGE : e.maxMessage();
        return open(c, kind, max, settings.streamTimeoutMs());
    }

    private CompletableFuture<Stream> open(PeerConnection c, StreamKind kind, int max, long timeoutMs) {
        CompletableFuture<Stream> result = new CompletableFuture<>();
        StreamChannelHandler h = new StreamChannelHandler(this, c);
        c.quic().newStreamBootstrap()
                .type(QuicStreamType.BIDIRECTIONAL)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, QuicSetup.WATER_MARK)
                .handler(h)
                .create()
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        result.completeExceptionally(new StreamException("cannot open a " + kind + " stream to "
                                + c.label() + ": " + f.cause(), f.cause()));
                        return;
                    }
                    QuicStreamChannel ch = (QuicStreamChannel) f.getNow();
                    QuicStream s = new QuicStream(ch, c, kind, max, true, timeoutMs);
                    h.bind(s);
                    s.writeKind();
                    result.complete(s);
                });
        return result;
    }

    @Override
    public Optional<Stream> upStream(PeerId peer, StreamKind kind) {
        PeerConnection c = peers.get(peer);
        if (c == null) {
            return Optional.empty();
        }
        QuicStream s = c.up.get(kind.value());
        return s == null || !s.isOpen() ? Optional.empty() : Optional.of(s);
    }

    @Override
    public void disconnect(PeerId peer, String reason) {
        PeerConnection c = peers.get(peer);
        if (c != null) {
            close(c, reason);
        }
    }

    @Override
    public void setValidators(Collection<ValidatorPeer> validators) {
        required.setValidators(validators);
    }

    // ---------------------------------------------------------------- connections

    private PeerInfo info(PeerConnection c) {
        return c.info(required.indexOf(c.id()));
    }

    /** Closes a connection with a logged reason. */
    void close(PeerConnection c, String reason) {
        c.closeReason(reason);
        LOG.info("closing the connection with {}: {}", c.label(), reason);
        c.quic().close(true, CLOSE_CODE, io.netty.buffer.Unpooled.copiedBuffer(truncate(reason), StandardCharsets.UTF_8));
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /** The handler of a QUIC connection's own events. */
    private final class ConnectionHandler extends ChannelInboundHandlerAdapter {
        private final PeerConnection conn;

        ConnectionHandler(PeerConnection conn) {
            this.conn = conn;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof SslHandshakeCompletionEvent hs) {
                if (hs.isSuccess()) {
                    handshakeDone(conn);
                } else {
                    conn.closeReason("TLS handshake failed: " + hs.cause());
                    LOG.info("TLS handshake with {} failed: {}", conn.label(), String.valueOf(hs.cause()));
                    conn.established().completeExceptionally(new StreamException("TLS handshake with " + conn.label()
                            + " failed: " + hs.cause(), hs.cause()));
                }
            } else if (evt instanceof QuicConnectionCloseEvent close) {
                byte[] why;
                try {
                    why = close.reason();
                } catch (NullPointerException e) { // Netty 4.2.18 clones a missing reason
                    why = null;
                }
                conn.closeReason((close.isTlsError() ? "TLS alert " + QuicConnectionCloseEvent.extractTlsError(close.error())
                        + " from the peer" : "closed by the peer, code " + close.error())
                        + (why == null || why.length == 0 ? "" : ": " + new String(why, StandardCharsets.UTF_8)));
            }
            ctx.fireUserEventTriggered(evt);
        }

        /** QUIC DATAGRAM frames (keep-alives) are dropped; anything else, such as a new stream, goes on. */
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof io.netty.buffer.ByteBuf b) {
                b.release();
            } else {
                ctx.fireChannelRead(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed(conn);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("connection error with {}: {}", conn.label(), cause.toString());
            conn.closeReason(cause.toString());
        }
    }

    /** Streams the peer opens, with the connection from the parent channel's attribute. */
    @ChannelHandler.Sharable
    private final class IncomingStreams extends ChannelInitializer<QuicStreamChannel> {
        @Override
        protected void initChannel(QuicStreamChannel ch) {
            PeerConnection c = ch.parent().attr(CONN).get();
            ch.pipeline().addLast(new StreamChannelHandler(JamnpNetwork.this, c));
        }
    }

    private void handshakeDone(PeerConnection c) {
        QuicChannel q = c.quic();
        SSLEngine engine = q.sslEngine();
        PeerId id;
        try {
            Certificate[] chain = engine.getSession().getPeerCertificates();
            X509Certificate[] x = new X509Certificate[chain.length];
            for (int i = 0; i < chain.length; i++) {
                x[i] = (X509Certificate) chain[i];
            }
            id = CertificateCheck.peerOf(x);
        } catch (SSLPeerUnverifiedException | CertificateException | ClassCastException e) {
            refuse(c, "bad certificate: " + e.getMessage());
            return;
        }
        String proto = engine.getApplicationProtocol();
        boolean builder = proto != null && proto.endsWith("/builder");
        SocketAddress ra = q.remoteSocketAddress();
        c.identify(id, builder, ra instanceof InetSocketAddress a ? a : null);
        if (c.expected() != null && !c.expected().equals(id)) {
            refuse(c, "expected key " + c.expected().altName() + " but the peer presented " + id.altName());
            return;
        }
        if (id.equals(localId)) {
            refuse(c, "connected to itself");
            return;
        }
        if (c.direction() == PeerInfo.Direction.OUTBOUND) {
            // TLS 1.3: the client finishes before the server has checked its certificate; wait for the server's
            // next packet (HANDSHAKE_DONE, or CONNECTION_CLOSE when it refuses us) before calling it connected; a
            // stream the server opens meanwhile confirms it as well (acceptStream)
            c.awaitingConfirmation = true;
            q.collectStats().addListener(f -> {
                long recv = f.isSuccess() ? ((io.netty.handler.codec.quic.QuicConnectionStats) f.getNow()).recv() : 0;
                confirm(c, recv, System.nanoTime() + TimeUnit.SECONDS.toNanos(3));
            });
        } else {
            connected(c);
        }
    }

    private void confirm(PeerConnection c, long recvAtHandshake, long deadline) {
        QuicChannel q = c.quic();
        if (!q.isActive()) {
            return; // channelInactive reports it
        }
        q.collectStats().addListener(f -> {
            long recv = f.isSuccess() ? ((io.netty.handler.codec.quic.QuicConnectionStats) f.getNow()).recv() : 0;
            if (recv > recvAtHandshake || System.nanoTime() > deadline) {
                // one more turn, so that a CONNECTION_CLOSE in that packet is processed
                q.eventLoop().schedule(() -> {
                    if (q.isActive()) {
                        connected(c);
                    }
                }, 5, TimeUnit.MILLISECONDS);
            } else {
                q.eventLoop().schedule(() -> confirm(c, recvAtHandshake, deadline), 2, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void refuse(PeerConnection c, String reason) {
        LOG.warn("refusing {}: {}", c.label(), reason);
        c.established().completeExceptionally(new StreamException("refused " + c.label() + ": " + reason));
        close(c, reason);
    }

    private void connected(PeerConnection c) {
        PeerId id = c.id();
        PeerConnection old;
        synchronized (peers) {
            if (c.state() != PeerInfo.State.CONNECTING) {
                return; // confirmed already (a stream the server opened), or closed
            }
            c.awaitingConfirmation = false;
            old = peers.get(id);
            if (old != null && old.state() == PeerInfo.State.CONNECTED && old.quic().isActive()) {
                // two connections with one peer: both ends keep the one the Preferred Initiator opened
                PeerId preferred = PeerId.preferredInitiator(localId, id);
                PeerId newInitiator = c.direction() == PeerInfo.Direction.OUTBOUND ? localId : id;
                PeerId oldInitiator = old.direction() == PeerInfo.Direction.OUTBOUND ? localId : id;
                // the peer dialled again though it had dialled already: it restarted or lost the old connection,
                // which may be dead on this side until the idle timeout: the new one wins
                boolean redial = c.direction() == PeerInfo.Direction.INBOUND && old.direction() == PeerInfo.Direction.INBOUND;
                boolean keepNew = redial || newInitiator.equals(preferred) && !oldInitiator.equals(preferred);
                if (!keepNew) {
                    c.established().complete(info(old));
                    close(c, "duplicate connection");
                    return;
                }
            } else {
                old = null;
            }
            c.state(PeerInfo.State.CONNECTED);
            peers.put(id, c);
        }
        if (old != null) {
            close(old, "replaced by a newer connection with the same peer");
        }
        PeerInfo info = info(c);
        LOG.info("connected {} {} ({})", c.direction() == PeerInfo.Direction.OUTBOUND ? "to" : "from", c.label(),
                info.builder() ? "builder" : "peer");
        required.connected(id);
        events.execute(() -> {
            for (PeerListener l : listeners) {
                try {
                    l.connected(info);
                } catch (RuntimeException e) {
                    LOG.warn("peer listener {} failed: {}", l, e.toString());
                }
            }
        });
        c.established().complete(info);
        if (c.direction() == PeerInfo.Direction.OUTBOUND) {
            for (StreamKind k : handlers.upKinds()) {
                openUp(c, k);
            }
        }
    }

    private void closed(PeerConnection c) {
        PeerInfo.State before = c.state();
        c.state(PeerInfo.State.DISCONNECTED);
        String reason = c.closeReason() == null ? "connection closed" : c.closeReason();
        c.established().completeExceptionally(new StreamException("connection with " + c.label() + " closed: " + reason));
        for (QuicStream s : c.up.values()) {
            s.fail(new StreamException(s + ": connection closed"));
        }
        boolean removed = false;
        if (c.id() != null) {
            synchronized (peers) {
                removed = peers.remove(c.id(), c);
            }
        }
        if (before == PeerInfo.State.CONNECTED && removed) {
            LOG.info("disconnected {}: {}", c.label(), reason);
            required.disconnected(c.id());
            PeerInfo info = info(c);
            events.execute(() -> {
                for (PeerListener l : listeners) {
                    try {
                        l.disconnected(info, reason);
                    } catch (RuntimeException e) {
                        LOG.warn("peer listener {} failed: {}", l, e.toString());
                    }
                }
            });
        }
    }

    // ---------------------------------------------------------------- streams

    /**
     * An incoming stream announced kind {@code kind}: its stream, or {@code null} when refused (no handler for the
     * kind, an unidentified peer), in which case the stream was reset and the refusal counted.
     */
    QuicStream acceptStream(PeerConnection c, QuicStreamChannel ch, int kind, StreamChannelHandler h) {
        if (c != null && c.awaitingConfirmation && c.state() == PeerInfo.State.CONNECTING && c.quic().isActive()) {
            // the server opened a stream before its confirmation reached us: it accepted our certificate
            connected(c);
        }
        if (c == null || c.id() == null || c.state() != PeerInfo.State.CONNECTED) {
            ch.shutdown(QuicStream.RESET_CODE).addListener(f -> ch.close());
            return null;
        }
        StreamHandlers.Entry e = handlers.get(kind);
        if (e == null) {
            LOG.warn("{}: resetting a stream of unknown kind {}", c.label(), kind);
            ch.shutdown(QuicStream.RESET_CODE).addListener(f -> ch.close());
            countViolation(c, "unknown stream kind " + kind);
            return null;
        }
        StreamKind k = e.kind();
        QuicStream s = new QuicStream(ch, c, k, e.maxMessage(), false, k.isUnique() ? 0 : settings.streamTimeoutMs());
        h.bind(s);
        if (k.isUnique() && !installUp(c, s)) {
            return null;
        }
        dispatch(e.handler(), s);
        return s;
    }

    /** Keeps the UP stream of the greatest id (JAMNP-S "Protocols and streams"); false if {@code s} lost. */
    private boolean installUp(PeerConnection c, QuicStream s) {
        QuicStream loser;
        boolean won;
        synchronized (c.up) {
            QuicStream cur = c.up.get(s.kind().value());
            won = cur == null || cur.id() < s.id() || cur.failed();
            if (won) {
                c.up.put(s.kind().value(), s);
                loser = cur;
            } else {
                loser = s;
            }
        }
        if (loser != null) {
            loser.reset("another " + loser.kind() + " stream replaced it");
        }
        return won;
    }

    /** Whether the UP handler {@code e} wants its stream open with the peer of {@code c} ({@link UpStreamPolicy}). */
    private static boolean wanted(StreamHandlers.Entry e, PeerConnection c) {
        if (!(e.handler() instanceof UpStreamPolicy p)) {
            return true;
        }
        try {
            return p.opensTo(c.id());
        } catch (RuntimeException ex) {
            LOG.warn("UP stream policy {} failed for {}: {}", p, c.label(), ex.toString());
            return true;
        }
    }

    private void openUp(PeerConnection c, StreamKind k) {
        StreamHandlers.Entry e = handlers.get(k.value());
        if (e == null) {
            return;
        }
        QuicStream cur = c.up.get(k.value());
        if (cur != null && !cur.failed() || !wanted(e, c)) {
            return;
        }
        open(c, k, e.maxMessage(), 0).whenComplete((s, err) -> {
            if (err != null) {
                LOG.info("cannot open {} to {}: {}", k, c.label(), err.toString());
                return;
            }
            if (installUp(c, (QuicStream) s)) {
                dispatch(e.handler(), (QuicStream) s);
            }
        });
    }

    private void kindAdded(StreamKind k) {
        if (!k.isUnique() || closed) {
            return;
        }
        for (PeerConnection c : peers.values()) {
            if (c.direction() == PeerInfo.Direction.OUTBOUND && c.state() == PeerInfo.State.CONNECTED) {
                c.quic().eventLoop().execute(() -> openUp(c, k));
            }
        }
    }

    @Override
    public void refreshUpStreams() {
        if (closed) {
            return;
        }
        List<StreamKind> kinds = handlers.upKinds();
        for (PeerConnection c : peers.values()) {
            if (c.direction() != PeerInfo.Direction.OUTBOUND || c.state() != PeerInfo.State.CONNECTED) {
                continue;
            }
            c.quic().eventLoop().execute(() -> {
                for (StreamKind k : kinds) {
                    StreamHandlers.Entry e = handlers.get(k.value());
                    if (e == null) {
                        continue;
                    }
                    QuicStream cur = c.up.get(k.value());
                    if (wanted(e, c)) {
                        openUp(c, k);
                    } else if (cur != null && cur.isLocal() && !cur.failed()) {
                        LOG.info("{}: closing {} stream: no longer wanted (not grid neighbours)", c.label(), k);
                        cur.reset("no longer wanted by its UP stream policy");
                    }
                }
            });
        }
    }

    private void dispatch(StreamHandler handler, QuicStream s) {
        Thread.ofVirtual().name("jamnp-" + s.kind().value() + "-" + s.id()).start(() -> {
            try {
                handler.handle(s);
                if (!s.failed() && !s.outputFinished() && s.channel().isActive()) {
                    s.finish();
                }
            } catch (ProtocolViolationException e) {
                if (!s.failed()) { // else the network found it first and counted it already
                    violation(s.connection(), s, e.getMessage());
                } else {
                    s.reset(e.getMessage());
                }
            } catch (StreamException e) {
                LOG.debug("{}: {}", s, e.getMessage());
                s.reset(e.getMessage());
            } catch (Exception | LinkageError | AssertionError e) {
                LOG.warn("{}: handler failed: {}", s, e.toString());
                s.reset("handler failed: " + e);
            }
        });
    }

    /** A protocol violation on a stream: logged, the stream reset, counted against the peer. */
    void violation(PeerConnection c, QuicStream s, String reason) {
        if (s != null && !s.markViolated()) {
            return; // counted already (the decoder and the handler's read may both notice one stall)
        }
        LOG.warn("{}: protocol violation on {}: {}", c.label(), s == null ? "a stream" : s.kind() + " stream " + s.id(), reason);
        if (s != null) {
            s.abort(StreamChannelHandler.violationError(s, reason));
        }
        countViolation(c, reason);
    }

    private void countViolation(PeerConnection c, String reason) {
        int n = c.violation();
        if (n >= settings.maxViolations() && c.quic().isActive()) {
            close(c, n + " protocol violations, the last: " + reason);
        }
    }

    // ---------------------------------------------------------------- required connectivity

    /** Ticks of {@link #maintain} (every 250 ms) between keep-alives: 5 s. */
    private static final int KEEPALIVE_TICKS = 20;
    private int ticks;

    private void maintain() {
        if (!closed && ++ticks % KEEPALIVE_TICKS == 0) {
            keepAlive();
        }
        if (!closed) {
            required.maintain(id -> {
                PeerConnection c = peers.get(id);
                return c != null && c.state() == PeerInfo.State.CONNECTED;
            }, this::connect);
        }
    }

    /**
     * A one-octet QUIC DATAGRAM on every connection: the peer acknowledges it, so a live idle connection does not
     * reach the idle timeout while a dead peer's does. A peer without DATAGRAM support gets none.
     */
    private void keepAlive() {
        for (PeerConnection c : peers.values()) {
            QuicChannel q = c.quic();
            if (c.state() == PeerInfo.State.CONNECTED && q.isActive() && q.peerTransportParameters() != null
                    && q.peerTransportParameters().maxDatagramFrameSize() > 0) {
                q.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(KEEPALIVE)).addListener(f -> {
                    if (!f.isSuccess()) {
                        LOG.debug("keep-alive to {} failed: {}", c.label(), String.valueOf(f.cause()));
                    }
                });
            }
        }
    }

    private static final byte[] KEEPALIVE = {0};

    /** Stops without telling peers (no CONNECTION_CLOSE), as a killed process would: for tests. */
    void crash() {
        closed = true;
        maintenance.cancel(false);
        server.close();
        client.close();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        events.shutdownNow();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        maintenance.cancel(false);
        for (PeerConnection c : peers.values()) {
            close(c, "node shutting down");
        }
        try {
            Thread.sleep(50); // let CONNECTION_CLOSE frames leave
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        client.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        events.shutdown();
        LOG.info("JAMNP-S on {} stopped", localAddress);
    }
}
