package io.jamboree.grandpa;

import io.jamboree.types.Hash;
import java.util.Objects;

/**
 * A finalized block B♮ (GP §19): its header hash and slot {@code H_T}, as JAMNP-S UP 0 announces it
 * ({@code Final = Header Hash ++ Slot}).
 *
 * @param hash the header hash
 * @param slot the block's time slot
 */
public record FinalizedBlock(Hash hash, long slot) {
    public FinalizedBlock {
        Objects.requireNonNull(hash, "hash");
        if (slot < 0 || slot > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a slot is a u32, got " + slot);
        }
    }
}
