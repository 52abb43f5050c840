package io.jamboree.grandpa.internal.core;

import io.jamboree.types.Hash;

/**
 * The block tree as the vote graph sees it: parents and slots of known headers (GP §5, eq. 5.3 A(H): a block and,
 * recursively, the parents of its members). Implementations answer from the importer's headers, or from a
 * justification's {@code Votes Ancestries}.
 */
public interface Ancestry {
    /** The parent header hash H_P of the known block {@code block}, or {@code null} if the block is unknown. */
    Hash parent(Hash block);

    /** The slot H_T of the known block {@code block}, or -1 if unknown. */
    long slot(Hash block);

    /**
     * Whether {@code descendant} ≥ {@code ancestor}: equal, or {@code ancestor} is on the chain of parents of
     * {@code descendant} (walked while slots stay above {@code ancestor}'s).
     */
    default boolean descends(Hash descendant, long descendantSlot, Hash ancestor, long ancestorSlot) {
        Hash h = descendant;
        long s = descendantSlot;
        while (true) {
            if (h.equals(ancestor)) {
                return true;
            }
            if (s <= ancestorSlot) {
                return false;
            }
            h = parent(h);
            if (h == null) {
                return false;
            }
            if (h.equals(ancestor)) {
                return true;
            }
            s = slot(h);
            if (s < 0) {
                return false;
            }
        }
    }
}
