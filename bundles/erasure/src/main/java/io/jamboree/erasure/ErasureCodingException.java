package io.jamboree.erasure;

/**
 * Input that cannot be erasure coded or recovered: a data length that is not a whole number of pieces, too few or
 * duplicate shard indices, an index out of range, shards of unequal or odd length.
 */
public final class ErasureCodingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ErasureCodingException(String message) {
        super(message);
    }
}
