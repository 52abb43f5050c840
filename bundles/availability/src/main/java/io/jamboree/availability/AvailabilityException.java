package io.jamboree.availability;

/** Data that should be available could not be had: no peer served it, or what was served did not check. */
public final class AvailabilityException extends Exception {
    private static final long serialVersionUID = 1L;

    public AvailabilityException(String message) {
        super(message);
    }

    public AvailabilityException(String message, Throwable cause) {
        super(message, cause);
    }
}
