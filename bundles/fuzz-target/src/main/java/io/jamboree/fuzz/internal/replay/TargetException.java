package io.jamboree.fuzz.internal.replay;

/**
 * The target failed an exchange outside the protocol's replies: no socket, the connection closed, a malformed
 * reply, no reply within the timeout. The connection is unusable afterwards.
 */
final class TargetException extends Exception {
    private static final long serialVersionUID = 1L;

    TargetException(String message) {
        super(message);
    }
}
