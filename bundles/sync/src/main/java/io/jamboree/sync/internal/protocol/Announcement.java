package io.jamboree.sync.internal.protocol;

import io.jamboree.types.Header;
import java.util.Objects;

/**
 * A block announcement on a JAMNP-S UP 0 stream: {@code Header ++ Final}, the new block's header (as in the GP,
 * Appendix C) and the sender's latest finalized block.
 *
 * @param header the announced block's header
 * @param finalized the sender's latest finalized block
 */
public record Announcement(Header header, BlockRef finalized) {
    public Announcement {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(finalized, "finalized");
    }
}
