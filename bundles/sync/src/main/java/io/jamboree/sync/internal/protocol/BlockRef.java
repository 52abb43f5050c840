package io.jamboree.sync.internal.protocol;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.types.Hash;
import java.util.Objects;

/**
 * A block named by its header hash and slot: the {@code Final} and {@code Leaf} of JAMNP-S UP 0
 * ({@code Header Hash ++ Slot}, the slot a u32, little endian). 36 bytes on the wire.
 *
 * @param hash the header hash
 * @param slot the block's time slot H_t (GP §5, a u32)
 */
public record BlockRef(Hash hash, long slot) {
    /** Encoded size in bytes. */
    public static final int SIZE = Hash.SIZE + 4;

    public BlockRef {
        Objects.requireNonNull(hash, "hash");
        if (slot < 0 || slot > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("slot " + slot + " is not a u32");
        }
    }

    void encode(Encoder e) {
        hash.encode(e);
        e.u32(slot);
    }

    static BlockRef decode(Decoder d) {
        return new BlockRef(Hash.decode(d), d.u32());
    }
}
