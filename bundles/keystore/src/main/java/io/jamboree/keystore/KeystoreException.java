package io.jamboree.keystore;

/** A key file or keystore setting that cannot be used; the message names the file or setting and the reason. */
public final class KeystoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeystoreException(String message) {
        super(message);
    }

    public KeystoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
