package io.jamboree.fuzz.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzFraming;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzProtocolException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fuzz target's transport (fuzz-proto v1 "Connection Setup"): a {@code SOCK_STREAM} Unix domain
 * socket, one fuzzer session at a time, each message framed by {@link FuzzFraming} and coded by
 * {@link FuzzCodec}. A malformed, oversized or unexpected message (logged at ERROR), an internal failure
 * (an exception of the importer: logged at ERROR with its stack trace) or a missed deadline of
 * {@link SessionChannel} (logged at WARN) ends that session without a reply; the server then accepts the
 * next connection. Each session logs one summary line with its counts and timings.
 */
public final class FuzzTargetServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FuzzTargetServer.class);

    private final Path socket;
    private final ChainParams params;
    private final ImporterFactory importers;
    private final PeerInfo ours;
    private final Limits limits;
    private final ServerSocketChannel server;
    private final AtomicLong sessions = new AtomicLong();
    private volatile boolean closed;
    private volatile SessionChannel current;

    /**
     * The limits of a session.
     *
     * @param maxMessageBytes the largest request frame accepted (refused from its length prefix)
     * @param frameTimeout the time a request may take from its first byte to its last, a reply to be taken
     *     by the fuzzer, and the handshake to arrive after connecting
     * @param idleTimeout the time to wait for the first byte of a request after the handshake; zero: no limit
     */
    public record Limits(int maxMessageBytes, Duration frameTimeout, Duration idleTimeout) {
        /** Default frame timeout: 30 s, far above the time a local socket needs for the largest frame. */
        public static final Duration DEFAULT_FRAME_TIMEOUT = Duration.ofSeconds(30);
        /** Default idle timeout: none; the fuzzer may take as long as it likes between requests. */
        public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ZERO;

        public Limits {
            if (maxMessageBytes < 1) {
                throw new IllegalArgumentException("max message must be positive: " + maxMessageBytes);
            }
            if (frameTimeout.isNegative() || frameTimeout.isZero()) {
                throw new IllegalArgumentException("frame timeout must be positive: " + frameTimeout);
            }
            if (idleTimeout.isNegative()) {
                throw new IllegalArgumentException("idle timeout must not be negative: " + idleTimeout);
            }
        }

        /** The default timeouts with the given frame size limit. */
        public static Limits of(int maxMessageBytes) {
            return new Limits(maxMessageBytes, DEFAULT_FRAME_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
        }
    }

    private FuzzTargetServer(Path socket, ChainParams params, ImporterFactory importers, PeerInfo ours,
            Limits limits, ServerSocketChannel server) {
        this.socket = socket;
        this.params = params;
        this.importers = importers;
        this.ours = ours;
        this.limits = limits;
        this.server = server;
    }

    /**
     * Binds {@code socket}, replacing a stale socket file (one nobody listens on). Refuses to replace a
     * regular file or directory, or a socket another process still serves.
     */
    public static FuzzTargetServer bind(Path socket, ChainParams params, ImporterFactory importers, PeerInfo ours,
            int maxMessageBytes) throws IOException {
        return bind(socket, params, importers, ours, Limits.of(maxMessageBytes));
    }

    /** As {@link #bind(Path, ChainParams, ImporterFactory, PeerInfo, int)}, with the given limits. */
    public static FuzzTargetServer bind(Path socket, ChainParams params, ImporterFactory importers, PeerInfo ours,
            Limits limits) throws IOException {
        Path abs = socket.toAbsolutePath();
        removeStale(abs);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(abs));
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot bind Unix socket " + abs + ": " + e.getMessage(), e);
        }
        LOG.info("fuzz target listening on {} ({} parameters, max message {} bytes, frame timeout {} s, idle timeout {})",
                abs, params.name(), limits.maxMessageBytes(), limits.frameTimeout().toMillis() / 1000.0,
                limits.idleTimeout().isZero() ? "none" : limits.idleTimeout().toMillis() / 1000.0 + " s");
        return new FuzzTargetServer(abs, params, importers, ours, limits, ch);
    }

    private static void removeStale(Path p) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if (!a.isOther()) {
            throw new IOException(p + " exists and is not a socket; refusing to replace it");
        }
        if (listening(p)) {
            throw new IOException("another process is serving " + p);
        }
        Files.delete(p);
        LOG.info("removed stale socket {}", p);
    }

    /** Whether some process accepts connections on the socket file {@code p}. */
    private static boolean listening(Path p) {
        try {
            SocketChannel.open(UnixDomainSocketAddress.of(p)).close();
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The bound socket path. */
    public Path socket() {
        return socket;
    }

    /** Sessions served so far (including one in progress). */
    public long sessions() {
        return sessions.get();
    }

    /** Accepts and serves sessions one after the other until {@link #close()}. */
    public void serve() throws IOException {
        while (!closed) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                if (closed) {
                    return;
                }
                throw e;
            }
            long id = sessions.incrementAndGet();
            SessionChannel session;
            try {
                session = new SessionChannel(ch, limits.frameTimeout(), limits.idleTimeout());
            } catch (IOException e) {
                LOG.error("fuzz session {}: cannot set up the connection: {}", id, e.toString());
                ch.close();
                continue;
            }
            current = session;
            try (session) {
                if (!closed) {
                    serveSession(session, id);
                }
            } finally {
                current = null;
            }
        }
    }

    private void serveSession(SessionChannel ch, long id) {
        String end = "fuzzer closed the connection";
        long requests = 0;
        try (FuzzSession session = new FuzzSession(params, importers, ours)) {
            try {
                while (true) {
                    ch.awaitRequest(requests == 0);
                    byte[] frame = FuzzFraming.read(ch, limits.maxMessageBytes());
                    if (frame == null) {
                        break;
                    }
                    FuzzMessage request = FuzzCodec.decode(frame, params);
                    requests++;
                    FuzzMessage reply = session.handle(request);
                    byte[] encoded = FuzzCodec.encode(reply, params);
                    ch.beginReply();
                    FuzzFraming.write(ch, encoded);
                }
            } catch (FuzzProtocolException e) {
                end = "protocol error after " + requests + " requests: " + e.getMessage();
                LOG.error("fuzz session {}: {}; closing the session", id, e.getMessage());
            } catch (InternalFailure e) {
                // fuzz-proto: an out-of-protocol error is not signalled with `error`; the connection is closed
                end = "internal error on request " + requests + " (" + e.getMessage() + "): " + e.getCause();
                LOG.error("fuzz session {}: internal error during {}; closing the session without a reply", id,
                        e.getMessage(), e.getCause());
            } catch (FrameTimeoutException e) {
                end = "timeout after " + requests + " requests: " + e.getMessage();
                LOG.warn("fuzz session {}: {}; closing the session", id, e.getMessage());
            } catch (ClosedChannelException e) {
                end = closed ? "target shutting down" : "connection closed";
            } catch (IOException e) {
                end = "I/O error: " + e.getMessage();
                LOG.error("fuzz session {}: I/O error after {} requests: {}", id, requests, e.toString());
            } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
                // Out-of-protocol failure of the target itself (codec, session): no error reply, the session ends.
                end = "internal error after " + requests + " requests: " + e;
                LOG.error("fuzz session {}: internal error on request {}; closing the session", id, requests, e);
            }
            LOG.info("fuzz session {} ended ({}); {} requests, {}", id, end, requests, session.summary());
        }
    }

    /** Stops accepting, ends a session in progress and removes the socket file. */
    @Override
    public void close() throws IOException {
        closed = true;
        try {
            server.close();
            SessionChannel ch = current;
            if (ch != null) {
                ch.abort();
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }
}
