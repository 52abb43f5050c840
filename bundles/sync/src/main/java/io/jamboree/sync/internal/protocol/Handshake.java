package io.jamboree.sync.internal.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The first message each side sends on a JAMNP-S UP 0 (block announcement) stream:
 * {@code Final ++ len++[Leaf]}, the latest finalized block and every known leaf (descendants of the finalized block
 * with no known children).
 *
 * @param finalized the latest finalized block
 * @param leaves the known leaves
 */
public record Handshake(BlockRef finalized, List<BlockRef> leaves) {
    public Handshake {
        Objects.requireNonNull(finalized, "finalized");
        leaves = List.copyOf(leaves);
    }
}
