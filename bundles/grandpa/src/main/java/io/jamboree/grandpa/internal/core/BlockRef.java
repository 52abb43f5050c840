package io.jamboree.grandpa.internal.core;

import io.jamboree.types.Hash;
import java.util.Objects;

/**
 * A block of the vote graph: its header hash and slot.
 *
 * @param hash the header hash
 * @param slot the time slot H_T
 */
public record BlockRef(Hash hash, long slot) {
    public BlockRef {
        Objects.requireNonNull(hash, "hash");
    }
}
