package io.jamboree.sync.internal.protocol;

import io.jamboree.types.Hash;
import java.util.Objects;

/**
 * A JAMNP-S CE 129 state request: {@code Header Hash ++ Key (Start) ++ Key (End) ++ Maximum Size}, keys the first 31
 * bytes of state keys (GP Appendix D), both inclusive, the maximum size a u32.
 *
 * @param hash the block whose posterior state is asked for
 * @param start the first key of the range (31 bytes; need not exist)
 * @param end the last key of the range (31 bytes; need not exist)
 * @param maxSize the most bytes the response should take (exceeded only by a single key/value pair)
 */
public record StateRequest(Hash hash, byte[] start, byte[] end, long maxSize) {
    /** Bytes of a key on the wire. */
    public static final int KEY_BYTES = 31;
    /** Encoded size in bytes. */
    public static final int SIZE = Hash.SIZE + 2 * KEY_BYTES + 4;

    public StateRequest {
        Objects.requireNonNull(hash, "hash");
        if (start.length != KEY_BYTES || end.length != KEY_BYTES) {
            throw new IllegalArgumentException("state keys are 31 bytes, got " + start.length + " and " + end.length);
        }
        if (maxSize < 0 || maxSize > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("maximum size " + maxSize + " is not a u32");
        }
        start = start.clone();
        end = end.clone();
    }

    @Override
    public byte[] start() {
        return start.clone();
    }

    @Override
    public byte[] end() {
        return end.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateRequest r && hash.equals(r.hash) && java.util.Arrays.equals(start, r.start)
                && java.util.Arrays.equals(end, r.end) && maxSize == r.maxSize;
    }

    @Override
    public int hashCode() {
        return hash.hashCode() * 31 + java.util.Arrays.hashCode(start) + (int) maxSize;
    }

    @Override
    public String toString() {
        return "StateRequest[" + hash + ", " + io.jamboree.core.Hex.encode(start) + ".."
                + io.jamboree.core.Hex.encode(end) + ", max " + maxSize + "]";
    }
}
