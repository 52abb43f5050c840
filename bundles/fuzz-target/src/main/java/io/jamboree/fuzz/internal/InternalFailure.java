package io.jamboree.fuzz.internal;

/**
 * An out-of-protocol failure of the target itself (fuzz-proto v1, "Message Types": an error condition not
 * specified by the JAM protocol), e.g. an exception thrown by the importer while initializing or importing,
 * as opposed to a block it rejects. fuzz-proto forbids answering it with {@code error}: the session ends by
 * closing the connection, and the cause is logged with its stack trace.
 */
final class InternalFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InternalFailure(String during, Throwable cause) {
        super(during, cause);
    }
}
