package io.jamboree.grandpa.internal;

import io.jamboree.types.Hash;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How far up a chain a node may vote in GRANDPA: GP 0.7.2 §17 (last paragraph) has a node judge a block audited
 * before it votes to finalize it, so the head the voter extends its prevote to is capped to the parent of the lowest
 * block above the finalized one whose audit is still open. Without the cap a block whose report is about to be
 * judged bad can be finalized within a round, and its chain can then no longer be abandoned (§19).
 */
final class AuditedPrefix {
    private AuditedPrefix() {}

    /**
     * @param head      the best head
     * @param finalized the finalized block (the walk stops there)
     * @param parent    a block's parent, null when unknown
     * @param awaiting  whether a block's audit is still open
     * @return {@code head}, or the parent of its lowest ancestor (itself included) above {@code finalized} awaiting
     *         its audit
     */
    static Hash cap(Hash head, Hash finalized, Function<Hash, Hash> parent, Predicate<Hash> awaiting) {
        Hash capped = head;
        Hash h = head;
        for (int i = 0; i < BestChainRule.MAX_WALK && !h.equals(finalized); i++) {
            Hash p = parent.apply(h);
            if (p == null) {
                break;
            }
            if (awaiting.test(h)) {
                capped = p;
            }
            h = p;
        }
        return capped;
    }
}
