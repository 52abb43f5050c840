package io.jamboree.network.internal;

import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.network.StreamKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.quic.QuicStreamChannel;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Stream} on a Netty QUIC stream channel (JAMNP-S "Messages": u32 little-endian size, then content).
 * Incoming messages are decoded by {@link StreamChannelHandler} on the event loop and queued here; a reader takes
 * them on its own thread. When more than {@link #HIGH_WATER} octets wait unread, the channel stops reading (QUIC
 * flow control then holds the peer back) until the reader catches up.
 */
final class QuicStream implements Stream {
    /** Queued unread octets above which the channel stops reading. */
    static final long HIGH_WATER = 4L << 20;
    /** Application error code of a stream reset (QUIC RESET_STREAM / STOP_SENDING). */
    static final int RESET_CODE = 1;

    /** Queue marker: the peer finished its half. */
    private static final Object FIN = new Object();

    /** Queue marker wrapping the failure that ended the stream. */
    private record Failure(StreamException error) {}

    private final QuicStreamChannel ch;
    private final PeerConnection conn;
    private final StreamKind kind;
    private final int maxMessage;
    private final boolean local;
    private final long defaultTimeoutMs; // <= 0: none
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writable = lock.newCondition();
    private volatile StreamException failure;
    private volatile boolean outFinished;
    private volatile boolean finSeen;
    private volatile boolean remoteFinished;
    private volatile boolean partial;
    private final java.util.concurrent.atomic.AtomicBoolean violated = new java.util.concurrent.atomic.AtomicBoolean();

    QuicStream(QuicStreamChannel ch, PeerConnection conn, StreamKind kind, int maxMessage, boolean local, long defaultTimeoutMs) {
        this.ch = ch;
        this.conn = conn;
        this.kind = kind;
        this.maxMessage = maxMessage;
        this.local = local;
        this.defaultTimeoutMs = defaultTimeoutMs;
    }

    QuicStreamChannel channel() {
        return ch;
    }

    PeerConnection connection() {
        return conn;
    }

    @Override
    public PeerId peer() {
        return conn.id();
    }

    @Override
    public StreamKind kind() {
        return kind;
    }

    @Override
    public long id() {
        return ch.streamId();
    }

    @Override
    public boolean isLocal() {
        return local;
    }

    @Override
    public int maxMessage() {
        return maxMessage;
    }

    @Override
    public byte[] read() throws StreamException {
        return read(defaultTimeoutMs);
    }

    @Override
    public byte[] read(Duration timeout) throws StreamException {
        return read(Math.max(1, timeout.toMillis()));
    }

    private byte[] read(long timeoutMs) throws StreamException {
        if (finSeen) {
            return null;
        }
        Object o;
        try {
            o = timeoutMs > 0 ? inbox.poll(timeoutMs, TimeUnit.MILLISECONDS) : inbox.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamException(this + ": interrupted while reading");
        }
        if (o == null) {
            if (partial) {
                throw new ProtocolViolationException(this + ": stalled in the middle of a message for " + timeoutMs + " ms");
            }
            throw new StreamException(this + ": no message within " + timeoutMs + " ms");
        }
        if (o instanceof byte[] m) {
            long left = queued.addAndGet(-m.length);
            if (left < HIGH_WATER / 2 && !ch.config().isAutoRead()) {
                ch.config().setAutoRead(true);
            }
            return m;
        }
        if (o == FIN) {
            finSeen = true;
            return null;
        }
        Failure f = (Failure) o;
        inbox.offer(f); // later reads fail alike
        throw f.error();
    }

    @Override
    public void write(byte[] message) throws StreamException {
        check();
        if (outFinished) {
            throw new StreamException(this + ": write after finish");
        }
        ByteBuf b = ch.alloc().directBuffer(4 + message.length);
        b.writeIntLE(message.length);
        b.writeBytes(message);
        ch.writeAndFlush(b).addListener(f -> {
            if (!f.isSuccess()) {
                fail(new StreamException(this + ": write failed: " + f.cause(), f.cause()));
            }
        });
        awaitWritable();
    }

    /** Sends the kind octet a stream's initiator starts with (JAMNP-S "Protocols and streams"). */
    void writeKind() {
        ByteBuf b = ch.alloc().directBuffer(1);
        b.writeByte(kind.value());
        ch.writeAndFlush(b);
    }

    private void awaitWritable() throws StreamException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(defaultTimeoutMs, 60_000));
        lock.lock();
        try {
            while (!ch.isWritable() && ch.isActive() && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StreamException(this + ": peer did not accept data in time (flow control)");
                }
                writable.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamException(this + ": interrupted while writing");
        } finally {
            lock.unlock();
        }
        check();
    }

    /** Called by the channel handler when writability changes or the channel closes. */
    void signalWritable() {
        lock.lock();
        try {
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void finish() throws StreamException {
        if (outFinished) {
            return;
        }
        check();
        outFinished = true;
        ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
    }

    /** Whether this side finished its half. */
    boolean outputFinished() {
        return outFinished;
    }

    @Override
    public void reset(String reason) {
        if (failure != null) {
            return;
        }
        JamnpNetwork.LOG.debug("{}: reset: {}", this, reason);
        abort(new StreamException(this + ": reset locally: " + reason));
    }

    /** Ends the stream with {@code error}: RESET_STREAM and STOP_SENDING to the peer, readers fail. */
    void abort(StreamException error) {
        fail(error);
        if (ch.isActive()) {
            ch.shutdown(RESET_CODE).addListener(f -> ch.close());
        }
    }

    @Override
    public boolean isOpen() {
        return failure == null && ch.isActive() && !(outFinished && remoteFinished);
    }

    // ---- called on the event loop by StreamChannelHandler

    void deliver(byte[] message) {
        if (queued.addAndGet(message.length) > HIGH_WATER) {
            ch.config().setAutoRead(false);
        }
        inbox.offer(message);
    }

    void remoteFin() {
        remoteFinished = true;
        inbox.offer(FIN);
    }

    void fail(StreamException error) {
        if (failure == null) {
            failure = error;
            inbox.offer(new Failure(error));
        }
        signalWritable();
    }

    /** Set by the decoder: part of a message has come, the rest not yet. */
    void partial(boolean p) {
        this.partial = p;
    }

    /** True the first time only: a stream counts one violation at most. */
    boolean markViolated() {
        return violated.compareAndSet(false, true);
    }

    boolean failed() {
        return failure != null;
    }

    private void check() throws StreamException {
        StreamException f = failure;
        if (f != null) {
            throw new StreamException(f.getMessage(), f);
        }
    }

    @Override
    public String toString() {
        return kind + " stream " + ch.streamId() + " with " + conn.label();
    }
}
