package io.jamboree.chainspec;

/** A chain spec that cannot be read or built; the message names the source, the JSON path and the reason. */
public final class ChainSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChainSpecException(String message) {
        super(message);
    }

    public ChainSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
