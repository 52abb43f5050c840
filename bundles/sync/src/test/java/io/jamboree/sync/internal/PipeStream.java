package io.jamboree.sync.internal;

import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.network.StreamKind;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One end of an in-memory stream pair: what one end writes the other reads; FIN and reset travel as markers. */
final class PipeStream implements Stream {
    private static final byte[] FIN = new byte[0];
    private static final byte[] RESET = new byte[0];

    private final PeerId peer;
    private final StreamKind kind;
    private final boolean local;
    private final BlockingQueue<byte[]> in;
    private final BlockingQueue<byte[]> out;
    private volatile boolean finished;
    private volatile boolean reset;
    volatile String resetReason;

    private PipeStream(PeerId peer, StreamKind kind, boolean local, BlockingQueue<byte[]> in, BlockingQueue<byte[]> out) {
        this.peer = peer;
        this.kind = kind;
        this.local = local;
        this.in = in;
        this.out = out;
    }

    /** A pair: [0] the opener's end (its peer {@code remote}), [1] the acceptor's end (its peer {@code opener}). */
    static PipeStream[] pair(PeerId opener, PeerId remote, StreamKind kind) {
        BlockingQueue<byte[]> a = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> b = new LinkedBlockingQueue<>();
        return new PipeStream[] {new PipeStream(remote, kind, true, a, b), new PipeStream(opener, kind, false, b, a)};
    }

    @Override
    public PeerId peer() {
        return peer;
    }

    @Override
    public StreamKind kind() {
        return kind;
    }

    @Override
    public long id() {
        return 0;
    }

    @Override
    public boolean isLocal() {
        return local;
    }

    @Override
    public int maxMessage() {
        return 1 << 26;
    }

    @Override
    public byte[] read() throws StreamException {
        return read(Duration.ofSeconds(10));
    }

    @Override
    public byte[] read(Duration timeout) throws StreamException {
        try {
            byte[] m = in.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new StreamException(kind + ": no message within " + timeout);
            }
            if (m == RESET) {
                in.offer(RESET);
                throw new StreamException(kind + ": reset by the peer");
            }
            if (m == FIN) {
                in.offer(FIN);
                return null;
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamException("interrupted");
        }
    }

    @Override
    public void write(byte[] message) throws StreamException {
        if (finished || reset) {
            throw new StreamException(kind + ": finished or reset");
        }
        out.add(message.clone());
    }

    @Override
    public void finish() {
        if (!finished && !reset) {
            finished = true;
            out.add(FIN);
        }
    }

    @Override
    public void reset(String reason) {
        if (!reset) {
            reset = true;
            resetReason = reason;
            out.add(RESET);
        }
    }

    @Override
    public boolean isOpen() {
        return !reset;
    }
}
