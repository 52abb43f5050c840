package io.jamboree.importer.internal.cli;

import io.jamboree.types.Block;

/**
 * One step of a block-import trace (trace schema {@code TraceStep}): the state before the block,
 * the block, and the state the block must produce (GP §4.1, σ' = Υ(σ, B)). A step whose post-state
 * root equals its pre-state root carries an invalid block, which must be rejected.
 */
record TraceStep(RawState preState, Block block, RawState postState) {
    /** Whether the block must be rejected: the trace leaves the state unchanged. */
    boolean mustReject() {
        return preState.stateRoot().equals(postState.stateRoot());
    }
}
