package io.jamboree.author;

import io.jamboree.types.Block;
import io.jamboree.types.Hash;

/**
 * A block this node authored and imported.
 *
 * @param block the block
 * @param headerHash its header hash
 * @param stateRoot its posterior state root
 * @param sealKind ticket or fallback seal
 * @param ticketsIncluded the number of ticket envelopes in its tickets extrinsic
 * @param authorNanos time to build and seal the header and extrinsic
 * @param importNanos time of {@code BlockImporter.importBlock}
 */
public record AuthoredBlock(Block block, Hash headerHash, Hash stateRoot, SealKind sealKind, int ticketsIncluded,
        long authorNanos, long importNanos) {
    /** The block's time slot H_t. */
    public long slot() {
        return block.header().slot();
    }
}
