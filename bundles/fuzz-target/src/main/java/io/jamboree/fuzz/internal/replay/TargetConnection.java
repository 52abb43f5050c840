package io.jamboree.fuzz.internal.replay;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzFraming;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzProtocolException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The fuzzer's side of one fuzz-proto v1 connection to a target's Unix domain socket: each request is framed
 * ({@link FuzzFraming}) and coded ({@link FuzzCodec}) as the target expects, and its whole reply must arrive
 * within the timeout. Every way the target can fail the exchange is a {@link TargetException} with a clear
 * message: no socket, connection refused, the connection closed, a malformed reply, the timeout.
 */
final class TargetConnection implements AutoCloseable {
    private final Path socket;
    private final ChainParams params;
    private final long timeoutNanos;
    private final SocketChannel ch;
    private final Selector selector;
    private final SelectionKey key;
    private long deadline;

    private TargetConnection(Path socket, ChainParams params, Duration timeout, SocketChannel ch) throws IOException {
        this.socket = socket;
        this.params = params;
        this.timeoutNanos = timeout.toNanos();
        this.ch = ch;
        ch.configureBlocking(false);
        this.selector = Selector.open();
        this.key = ch.register(selector, 0);
    }

    /** Connects to the target listening on {@code socket}; each later exchange must complete within {@code timeout}. */
    static TargetConnection connect(Path socket, ChainParams params, Duration timeout) throws TargetException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (!Files.exists(socket)) {
            throw new TargetException("no fuzz target socket at " + socket + " (start the target first, e.g. jam fuzz-target --socket "
                    + socket + ")");
        }
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            return new TargetConnection(socket, params, timeout, ch);
        } catch (ConnectException e) {
            close(ch);
            throw new TargetException("no fuzz target listening on " + socket + " (" + e.getMessage() + ")");
        } catch (SocketException e) {
            close(ch);
            throw new TargetException("cannot connect to " + socket + ": " + e.getMessage());
        } catch (IOException e) {
            close(ch);
            throw new TargetException("cannot connect to " + socket + ": " + e);
        }
    }

    /**
     * Sends {@code request} and returns the target's reply, decoded under the chain parameters.
     *
     * @throws TargetException when the target closes the connection, sends a malformed reply or misses the timeout
     */
    FuzzMessage exchange(FuzzMessage request) throws TargetException {
        byte[] encoded = FuzzCodec.encode(request, params);
        deadline = System.nanoTime() + timeoutNanos;
        byte[] reply;
        try {
            FuzzFraming.write(timed, encoded);
            reply = FuzzFraming.read(timed, FuzzFraming.DEFAULT_MAX_MESSAGE_BYTES);
        } catch (Timeout t) {
            throw new TargetException("no complete reply to " + request.kind() + " within the timeout of "
                    + Duration.ofNanos(timeoutNanos).toMillis() / 1000.0 + " s");
        } catch (FuzzProtocolException e) {
            if (e.getMessage().startsWith("connection closed")) {
                throw new TargetException("the target closed the connection during its reply to " + request.kind()
                        + " (" + e.getMessage() + ")");
            }
            throw new TargetException("malformed reply to " + request.kind() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new TargetException("the target closed the connection during " + request.kind() + " (" + e.getMessage() + ")");
        }
        if (reply == null) {
            throw new TargetException("the target closed the connection instead of replying to " + request.kind());
        }
        try {
            return FuzzCodec.decode(reply, params);
        } catch (FuzzProtocolException e) {
            throw new TargetException("malformed reply to " + request.kind() + ": " + e.getMessage());
        }
    }

    Path socket() {
        return socket;
    }

    @Override
    public void close() {
        close(ch);
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private static void close(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** The deadline of the current exchange passed. */
    private static final class Timeout extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The socket as a blocking channel whose reads and writes give up at the exchange's deadline. */
    private final ByteChannel timed = new ByteChannel() {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            while (true) {
                int n = ch.read(dst);
                if (n != 0 || !dst.hasRemaining()) {
                    return n;
                }
                await(SelectionKey.OP_READ);
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            while (true) {
                int n = ch.write(src);
                if (n != 0 || !src.hasRemaining()) {
                    return n;
                }
                await(SelectionKey.OP_WRITE);
            }
        }

        @Override
        public boolean isOpen() {
            return ch.isOpen();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    };

    private void await(int op) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new Timeout();
        }
        key.interestOps(op);
        selector.select(Math.max(1, (left + 999_999) / 1_000_000));
        selector.selectedKeys().clear();
        key.interestOps(0);
    }
}
