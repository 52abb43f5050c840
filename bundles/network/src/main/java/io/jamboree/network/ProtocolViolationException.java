package io.jamboree.network;

/**
 * The peer broke the protocol on a stream: a message longer than the kind's maximum, a message where the protocol
 * expects {@code FIN}, content that does not decode, a stream that stalled in the middle of a message. Thrown by
 * {@link Stream} reads; a {@link StreamHandler} may throw it too. The network resets the stream with the message
 * as reason and counts the violation against the peer (a peer with too many is disconnected).
 */
public final class ProtocolViolationException extends StreamException {
    private static final long serialVersionUID = 1L;

    public ProtocolViolationException(String message) {
        super(message);
    }

    public ProtocolViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
