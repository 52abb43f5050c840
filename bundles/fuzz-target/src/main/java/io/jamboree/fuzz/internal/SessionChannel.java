package io.jamboree.fuzz.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * One fuzzer connection with time limits on its frames, so that a silent or stalled peer cannot hold the
 * target (fuzz-proto v1 serves one session at a time). The socket is put in non-blocking mode and waited on
 * with a {@link Selector}; reads and writes block the caller like a blocking channel's, until the deadline of
 * the current phase:
 *
 * <ul>
 *   <li>{@link #awaitRequest(boolean)}: waiting for the first byte of the next request is bounded by the
 *       <em>idle timeout</em> (zero: unbounded), except for the session's first request (the handshake, which
 *       the fuzzer sends on connecting), which gets the frame timeout;
 *   <li>from a request's first byte to its last, and for writing a whole reply ({@link #beginReply()}), the
 *       <em>frame timeout</em> applies.
 * </ul>
 *
 * When a deadline passes, the read or write throws {@link FrameTimeoutException}. {@link #abort()} may be
 * called from another thread; it wakes a waiting read or write, which then throws
 * {@link ClosedChannelException}. Otherwise used by the session's thread only.
 */
final class SessionChannel implements ByteChannel {
    private final SocketChannel ch;
    private final Selector selector;
    private final SelectionKey key;
    private final long frameNanos;
    private final long idleNanos;

    /** Deadline of the current phase (System.nanoTime), unless {@link #unbounded}. */
    private long deadline;
    private boolean unbounded;
    /** True while waiting for the first byte of a request (the idle phase). */
    private boolean idle;
    /** The limit of the current idle phase (idle or, for the handshake, frame timeout), for the message. */
    private long idleLimitNanos;
    /** True while waiting for the session's first request. */
    private boolean handshake;
    /** Bytes read since the current request's first byte, for the timeout message. */
    private long requestBytes;

    SessionChannel(SocketChannel ch, Duration frameTimeout, Duration idleTimeout) throws IOException {
        if (frameTimeout.isNegative() || frameTimeout.isZero()) {
            throw new IllegalArgumentException("frame timeout must be positive: " + frameTimeout);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idle timeout must not be negative: " + idleTimeout);
        }
        this.ch = ch;
        this.frameNanos = frameTimeout.toNanos();
        this.idleNanos = idleTimeout.toNanos();
        ch.configureBlocking(false);
        this.selector = Selector.open();
        try {
            this.key = ch.register(selector, 0);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
    }

    /**
     * Starts waiting for the next request: its first byte within the idle timeout (the frame timeout for
     * the {@code first} request of the session, the handshake), the rest within the frame timeout.
     */
    void awaitRequest(boolean first) {
        idle = true;
        requestBytes = 0;
        handshake = first;
        idleLimitNanos = first ? frameNanos : idleNanos;
        if (idleLimitNanos == 0) {
            unbounded = true;
        } else {
            bound(idleLimitNanos);
        }
    }

    /** Starts writing a reply: all of it within the frame timeout. */
    void beginReply() {
        idle = false;
        bound(frameNanos);
    }

    private void bound(long nanos) {
        unbounded = false;
        deadline = System.nanoTime() + nanos;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        while (true) {
            int n = ch.read(dst);
            if (n != 0 || !dst.hasRemaining()) {
                if (n > 0) {
                    if (idle) {
                        // the request's first byte: from here the whole frame must arrive within the frame timeout
                        idle = false;
                        bound(frameNanos);
                    }
                    requestBytes += n;
                }
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

    private void await(int op) throws IOException {
        long waitMs = 0; // 0: no limit for Selector.select
        if (!unbounded) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timeout(op);
            }
            waitMs = Math.max(1, (left + 999_999) / 1_000_000);
        }
        if (!ch.isOpen()) {
            throw new ClosedChannelException();
        }
        try {
            key.interestOps(op);
            selector.select(waitMs);
            selector.selectedKeys().clear();
            key.interestOps(0);
        } catch (CancelledKeyException closedMeanwhile) {
            throw new ClosedChannelException();
        }
        if (!ch.isOpen()) {
            throw new ClosedChannelException();
        }
    }

    private FrameTimeoutException timeout(int op) {
        if (op == SelectionKey.OP_WRITE) {
            return new FrameTimeoutException("the fuzzer did not take the reply within the frame timeout of "
                    + seconds(frameNanos));
        }
        if (idle) {
            return new FrameTimeoutException("no request within " + seconds(idleLimitNanos)
                    + (handshake ? " of connecting (frame timeout, awaiting the handshake)" : " (idle timeout)"));
        }
        return new FrameTimeoutException("request incomplete after the frame timeout of " + seconds(frameNanos) + ": "
                + requestBytes + " bytes received");
    }

    private static String seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000.0 + " s";
    }

    @Override
    public boolean isOpen() {
        return ch.isOpen();
    }

    /**
     * Closes the connection from another thread (target shutdown): a read or write waiting in the session's
     * thread wakes and throws {@link ClosedChannelException}.
     */
    void abort() throws IOException {
        try {
            ch.close();
        } finally {
            selector.wakeup();
        }
    }

    /** Closes the connection and the selector; by the session's own thread. */
    @Override
    public void close() throws IOException {
        try {
            ch.close();
        } finally {
            selector.close();
        }
    }
}
