package io.jamboree.importer;

import io.jamboree.stf.state.KeyValue;
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
@org.osgi.annotation.versioning.ProviderType
public interface BlockImporter {
    /** The protocol parameters blocks are checked against. */
    ChainParams params();

    /**
     * Forgets everything and starts from {@code state}, stored exactly as given under the hash of
     * {@code header} (like a genesis block: the header does not determine the state). The state need not be
     * complete: a block that needs a missing or undecodable component is rejected when imported.
     *
     * <p>The ancestry is complete (every lookup anchor is checked, GP §11.4, eq. 11.35) when {@code ancestry} is
     * given or {@code header} is a genesis header (zero parent); else anchors older than the initial header are not
     * checked, as the importer cannot know them (fuzz-proto "Ancestry").
     *
     * @param ancestry known ancestors of the first block to import (may be empty), oldest first
     * @return the state root (GP Appendix D, M_σ) of {@code state}
     * @throws IllegalArgumentException if {@code state} has a key twice (nothing is changed then)
     * @throws ImportFailedException if the store fails (nothing is changed then)
     */
    Hash initialize(Header header, List<KeyValue> state, List<AncestryItem> ancestry);

    /**
     * Forgets everything and starts from {@code state}, stored exactly as given as the posterior state of the block
     * with header hash {@code headerHash}, whose header is unknown: as when importing from the middle of a chain,
     * where the first block's parent hash H_p and prior state are known but not the parent header. The block's slot
     * is taken from the state's τ (C11; 0 if absent). The ancestry is complete only when {@code ancestry} is given
     * (see {@link #initialize(Header, List, List)}).
     *
     * <p>This default refuses; the importers of this bundle implement it.
     *
     * @param headerHash the header hash the state belongs to (the next block's H_p)
     * @param ancestry known ancestors of the first block to import (may be empty), oldest first
     * @return the state root (GP Appendix D, M_σ) of {@code state}
     * @throws IllegalArgumentException if {@code state} has a key twice (nothing is changed then)
     * @throws ImportFailedException if the store fails (nothing is changed then)
     * @throws UnsupportedOperationException if this importer cannot start without a header
     */
    default Hash initialize(Hash headerHash, List<KeyValue> state, List<AncestryItem> ancestry) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot start from a header hash alone");
    }

    /**
     * Imports one block on top of its parent (which must be known).
     *
     * @return {@link ImportOutcome.Imported} for a valid block, {@link ImportOutcome.Rejected} with the reason for an
     *     invalid one (also when the parent is unknown, pruned, or its state lacks what the block needs)
     * @throws ImportFailedException if the importer breaks down (a bug or a store failure), with the cause; the
     *     store is left as it was
     */
    ImportOutcome importBlock(Block block);

    /** The posterior state of the block with header hash {@code headerHash}, sorted by key, if known. */
    Optional<List<KeyValue>> state(Hash headerHash);

    /** The head of the best chain, if any block or initial state is known. */
    Optional<Hash> bestHead();

    /**
     * The stored block with header hash {@code headerHash}: every imported block, also when its state was pruned;
     * empty for the initial state's header (see {@link #header(Hash)}) and unknown hashes. This default knows none.
     */
    default Optional<Block> block(Hash headerHash) {
        return Optional.empty();
    }

    /**
     * The header with hash {@code headerHash}: of an imported block, or the header the importer was initialized with
     * (empty when it started from a header hash alone). This default knows none.
     */
    default Optional<Header> header(Hash headerHash) {
        return block(headerHash).map(Block::header);
    }

    /**
     * The posterior state root (GP Appendix D, M_σ) of a known block or of the initial state, also when the state
     * itself was pruned. This default knows none.
     */
    default Optional<Hash> stateRoot(Hash headerHash) {
        return Optional.empty();
    }

    /**
     * The leaves of the block tree: known blocks with no known child (GP §19: the best chain ends at one of them).
     * This default knows the best head alone.
     */
    default List<Hash> leaves() {
        return bestHead().map(List::of).orElse(List.of());
    }

    /**
     * Pruning by finality (GP §19): forgets every block, and its state, that is neither an ancestor nor a descendant
     * of the finalized block {@code finalized} (forks that can no longer become final); everything descending from
     * it is kept. The best head moves to the highest kept block if it was pruned. This default prunes nothing.
     *
     * @return how many blocks were pruned (0 for an unknown {@code finalized})
     */
    default int pruneForks(Hash finalized) {
        return 0;
    }
}
