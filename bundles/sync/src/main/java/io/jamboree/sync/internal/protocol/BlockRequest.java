package io.jamboree.sync.internal.protocol;

import io.jamboree.types.Hash;
import java.util.Objects;

/**
 * A JAMNP-S CE 128 block request: {@code Header Hash ++ Direction ++ Maximum Blocks} (direction one byte, maximum a
 * u32).
 *
 * @param hash the block the sequence starts from (excluded when ascending, included when descending)
 * @param direction ascending exclusive (children first) or descending inclusive (the block, then its ancestors)
 * @param maxBlocks the most blocks the response may hold (a u32)
 */
public record BlockRequest(Hash hash, Direction direction, long maxBlocks) {
    /** Encoded size in bytes. */
    public static final int SIZE = Hash.SIZE + 1 + 4;

    /** The direction byte of CE 128. */
    public enum Direction {
        /** 0: the response starts with a child of the given block, then a grandchild, and so on. */
        ASCENDING_EXCLUSIVE,
        /** 1: the response starts with the given block, then its parent, grandparent, and so on. */
        DESCENDING_INCLUSIVE
    }

    public BlockRequest {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(direction, "direction");
        if (maxBlocks < 0 || maxBlocks > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("maximum blocks " + maxBlocks + " is not a u32");
        }
    }
}
