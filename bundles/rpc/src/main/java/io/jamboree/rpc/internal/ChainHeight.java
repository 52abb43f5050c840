package io.jamboree.rpc.internal;

import io.jamboree.importer.BlockImporter;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.Optional;

/**
 * The height of a block (its number of ancestors since the chain's first block, GP §19's longest-chain measure), kept
 * for the best head: one parent step per new block on top of the last one, a walk back to a known block otherwise.
 */
final class ChainHeight {
    private final BlockImporter importer;
    private Hash lastHead;
    private long lastHeight;

    ChainHeight(BlockImporter importer) {
        this.importer = importer;
    }

    /** The height of the best head, or -1 without a chain. */
    synchronized long best() {
        Optional<Hash> head = importer.bestHead();
        if (head.isEmpty()) {
            return -1;
        }
        Hash h = head.get();
        if (h.equals(lastHead)) {
            return lastHeight;
        }
        long steps = 0;
        Hash at = h;
        while (true) {
            if (at.equals(lastHead)) {
                steps += lastHeight;
                break;
            }
            Optional<Header> header = importer.header(at);
            if (header.isEmpty() || importer.header(header.get().parent()).isEmpty()
                    && importer.stateRoot(header.get().parent()).isEmpty()) {
                break;
            }
            at = header.get().parent();
            steps++;
        }
        lastHead = h;
        lastHeight = steps;
        return steps;
    }
}
