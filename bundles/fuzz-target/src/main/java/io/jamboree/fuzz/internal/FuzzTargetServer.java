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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fuzz target's transport (fuzz-proto v1 "Connection Setup"): a {@code SOCK_STREAM} Unix domain
 * socket, one fuzzer session at a time, each message framed by {@link FuzzFraming} and coded by
 * {@link FuzzCodec}. A malformed, oversized or unexpected message, or an internal failure, is logged
 * and ends that session without a reply; the server then accepts the next connection. Each session
 * logs one summary line with its counts and timings.
 */
public final class FuzzTargetServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FuzzTargetServer.class);

    private final Path socket;
    private final ChainParams params;
    private final ImporterFactory importers;
    private final PeerInfo ours;
    private final int maxMessageBytes;
    private final ServerSocketChannel server;
    private final AtomicLong sessions = new AtomicLong();
    private volatile boolean closed;
    private volatile SocketChannel current;

    private FuzzTargetServer(Path socket, ChainParams params, ImporterFactory importers, PeerInfo ours,
            int maxMessageBytes, ServerSocketChannel server) {
        this.socket = socket;
        this.params = params;
        this.importers = importers;
        this.ours = ours;
        this.maxMessageBytes = maxMessageBytes;
        this.server = server;
    }

    /**
     * Binds {@code socket}, replacing a stale socket file (one nobody listens on). Refuses to replace a
     * regular file or directory, or a socket another process still serves.
     */
    public static FuzzTargetServer bind(Path socket, ChainParams params, ImporterFactory importers, PeerInfo ours,
            int maxMessageBytes) throws IOException {
        Path abs = socket.toAbsolutePath();
        removeStale(abs);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(abs));
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot bind Unix socket " + abs + ": " + e.getMessage(), e);
        }
        LOG.info("fuzz target listening on {} ({} parameters, max message {} bytes)", abs, params.name(), maxMessageBytes);
        return new FuzzTargetServer(abs, params, importers, ours, maxMessageBytes, ch);
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
            current = ch;
            try (ch) {
                serveSession(ch, sessions.incrementAndGet());
            } finally {
                current = null;
            }
        }
    }

    private void serveSession(SocketChannel ch, long id) {
        String end = "fuzzer closed the connection";
        long requests = 0;
        try (FuzzSession session = new FuzzSession(params, importers, ours)) {
            try {
                while (true) {
                    byte[] frame = FuzzFraming.read(ch, maxMessageBytes);
                    if (frame == null) {
                        break;
                    }
                    FuzzMessage request = FuzzCodec.decode(frame, params);
                    requests++;
                    FuzzMessage reply = session.handle(request);
                    FuzzFraming.write(ch, FuzzCodec.encode(reply, params));
                }
            } catch (FuzzProtocolException e) {
                end = "protocol error after " + requests + " requests: " + e.getMessage();
                LOG.error("fuzz session {}: {}; closing the session", id, e.getMessage());
            } catch (ClosedChannelException e) {
                end = closed ? "target shutting down" : "connection closed";
            } catch (IOException e) {
                end = "I/O error: " + e.getMessage();
                LOG.error("fuzz session {}: I/O error after {} requests: {}", id, requests, e.toString());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // Out-of-protocol failure: the protocol forbids an error reply, so the session ends.
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
            SocketChannel ch = current;
            if (ch != null) {
                ch.close();
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }
}
