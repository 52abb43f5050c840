package io.jamboree.grandpa;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's latest finalized block B♮ (GP §19) as GRANDPA decided it: stored in the node store, so it survives a
 * restart; it only ever moves forward, to a descendant. Before any round finalized a block it is the block the
 * node's chain starts from (the genesis, or the state it was initialized with), which is final by definition.
 */
@ProviderType
public interface FinalizedHead {
    /** The latest finalized block. */
    FinalizedBlock finalized();

    /** The GRANDPA voter set id (spec/grandpa.md §3, §4.5): 0 at genesis, one more per finalized set change. */
    long setId();

    /** The GRANDPA round the node plays now in {@link #setId()} (the first voting round of a set is 1). */
    long round();
}
