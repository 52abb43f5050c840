package io.jamboree.importer;

import io.jamboree.core.ChainParams;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.List;
import java.util.Optional;

/**
 * Imports blocks into a block tree over the node store (GP §4.1: σ' = Υ(σ, B)). A block extends any
 * known block (forks are kept); a rejected block leaves the store exactly as it was. Implementations
 * are thread-safe for one caller at a time.
 */
public interface BlockImporter {
    /** The protocol parameters blocks are checked against. */
    ChainParams params();

    /**
     * Forgets everything and starts from {@code state}, stored exactly as given under the hash of
     * {@code header} (like a genesis block: the header does not determine the state).
     *
     * @param ancestry known ancestors of the first block to import (may be empty), oldest first
     * @return the state root (GP Appendix D, M_σ) of {@code state}
     */
    Hash initialize(Header header, List<KeyValue> state, List<AncestryItem> ancestry);

    /** Imports one block on top of its parent (which must be known). */
    ImportOutcome importBlock(Block block);

    /** The posterior state of the block with header hash {@code headerHash}, sorted by key, if known. */
    Optional<List<KeyValue>> state(Hash headerHash);

    /** The head of the best chain, if any block or initial state is known. */
    Optional<Hash> bestHead();
}
