package io.jamboree.network;

import java.io.IOException;

/**
 * A stream that cannot be used any more: reset or stopped by either side, its connection closed, or a read that
 * timed out. The message names the stream and the reason.
 */
public class StreamException extends IOException {
    private static final long serialVersionUID = 1L;

    public StreamException(String message) {
        super(message);
    }

    public StreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
