package io.jamboree.codec;

/** Malformed, truncated or oversized input for the GP Appendix C codec, or a value the codec cannot represent. */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }
}
