package io.jamboree.grandpa.internal.core;

import java.util.Objects;

/**
 * A GRANDPA vote (spec/grandpa.md §5.1 {@code Vote = Target ++ Slot}): the target block and its slot, which stands
 * for Polkadot's block number.
 *
 * @param target the block voted for
 * @param slot   the block's time slot H_T (u32)
 */
public record Vote(Target target, long slot) {
    /** Octets of the encoding. */
    public static final int SIZE = Target.SIZE + 4;

    public Vote {
        Objects.requireNonNull(target, "target");
        if (slot < 0 || slot > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a slot is a u32, got " + slot);
        }
    }

    /** The block's reference (header hash and slot). */
    public BlockRef block() {
        return new BlockRef(target.header(), slot);
    }
}
