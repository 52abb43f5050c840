package io.jamboree.author;

import io.jamboree.types.Hash;

/** What the author did with one time slot. */
public sealed interface SlotOutcome {
    /** One of our keys led the slot; the block was imported and is the new best head. */
    record Authored(AuthoredBlock block) implements SlotOutcome {}

    /** None of our keys leads the slot (GP §6.5: neither its ticket nor its fallback key is ours). */
    record NotOurs(long slot) implements SlotOutcome {}

    /**
     * One of our keys led the slot, but its block is not imported: the parent it was built on left the importer's store
     * while it was built (GRANDPA finalized another fork and the importer pruned this one). Not a bug; the next slot
     * builds on the new best head.
     */
    record ParentPruned(long slot, Hash parent) implements SlotOutcome {}

    /** Our own block was rejected by the importer: a bug in the author, logged with the reason. */
    record Rejected(long slot, String reason) implements SlotOutcome {}
}
