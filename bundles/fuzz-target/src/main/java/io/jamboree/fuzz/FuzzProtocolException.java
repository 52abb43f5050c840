package io.jamboree.fuzz;

/**
 * A fuzz-proto v1 violation: a malformed or oversized frame, an undecodable message, or a message the
 * session does not expect. Per the protocol the session ends without an {@code error} reply.
 */
public final class FuzzProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FuzzProtocolException(String message) {
        super(message);
    }

    public FuzzProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
