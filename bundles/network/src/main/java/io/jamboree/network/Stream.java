package io.jamboree.network;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One bidirectional QUIC stream of a {@link StreamKind} with a peer (JAMNP-S "Protocols and streams", "Messages").
 * Every message travels as its size, a little-endian {@code u32}, then its content; the kind octet the initiator
 * sends first is written and read by the network, never seen here.
 *
 * <p>Blocking by design: a {@link StreamHandler} runs on its own virtual thread, and a protocol reads and writes in
 * the order its spec shows ({@code -->}, {@code <--}, {@code FIN}). A CE request as initiator:
 * <pre>{@code
 * Stream s = network.openStream(peer, kind).toCompletableFuture().get();
 * s.write(request);
 * s.finish();                    // --> FIN
 * byte[] response = s.read();    // <-- response
 * s.readFin();                   // <-- FIN
 * }</pre>
 * Reads of a CE stream wait at most the network's stream timeout; reads of a UP stream wait until a message comes
 * or the stream closes. Methods may be called from any thread; one reader and one writer at a time.
 */
@ProviderType
public interface Stream {
    /** The peer at the other end. */
    PeerId peer();

    /** The stream's kind. */
    StreamKind kind();

    /** The QUIC stream id (RFC 9000 §2.1); for a UP kind the greatest one wins. */
    long id();

    /** Whether this node opened the stream. */
    boolean isLocal();

    /** The largest message content, in octets, this side accepts on this stream. */
    int maxMessage();

    /**
     * The next message's content, or {@code null} once the peer finished its half ({@code FIN}).
     *
     * @throws ProtocolViolationException if the peer announced a message longer than {@link #maxMessage()}, or
     *                                    finished or stalled in the middle of a message
     * @throws StreamException            if the stream was reset or its connection closed, or no message came within
     *                                    the network's stream timeout (CE kinds)
     */
    byte[] read() throws StreamException;

    /**
     * As {@link #read()}, waiting at most {@code timeout} for the next message.
     *
     * @throws StreamException when {@code timeout} passed without a message or {@code FIN}
     */
    byte[] read(Duration timeout) throws StreamException;

    /**
     * Waits for the peer's {@code FIN} (e.g. {@code --> FIN} after a request).
     *
     * @throws ProtocolViolationException if a message comes instead
     */
    default void readFin() throws StreamException {
        byte[] m = read();
        if (m != null) {
            throw new ProtocolViolationException(kind() + ": expected FIN, got a message of " + m.length + " octets");
        }
    }

    /**
     * Sends one message: its length as a little-endian {@code u32}, then {@code message}. Waits while the peer's
     * flow control holds the stream back.
     *
     * @throws StreamException if the stream was reset, finished by this side, or its connection closed
     */
    void write(byte[] message) throws StreamException;

    /** Finishes this side's half of the stream ({@code FIN}); further writes fail. Idempotent. */
    void finish() throws StreamException;

    /**
     * Abandons the stream in both directions (QUIC {@code RESET_STREAM} and {@code STOP_SENDING}): the initiator
     * cancels a request, the acceptor rejects it. The reason is logged; the peer is not penalised. Idempotent.
     */
    void reset(String reason);

    /** Whether the stream can still be read or written (not reset, not both halves finished, connection alive). */
    boolean isOpen();
}
