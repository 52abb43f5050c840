package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The best-chain rule of GP §19 over a block tree: of the blocks that descend from the finalized block B♮, those whose
 * unfinalized ancestors (themselves included) hold no block at a slot where two known unfinalized blocks lie (an
 * equivocation, the formal condition on H^A, H^B of §19) and none judged bad by the auditors (§17) are acceptable; the
 * best is the acceptable block with the most ticket-sealed unfinalized ancestors ({@code m} of §19), more blocks
 * breaking a tie, then the tree's own best head (the longest chain) coming first. B♮ itself when nothing above it is
 * acceptable.
 *
 * <p>Each chain is cut below its first unacceptable block, so a chain with an equivocation still offers the part
 * below it. The blocks' parent, slot and seal kind are read once and kept until they fall below B♮. Thread-safe.
 */
final class BestChainRule {
    /** The longest unfinalized chain walked. */
    static final int MAX_WALK = 100_000;
    /** Cached block facts before the finalized ones are dropped. */
    static final int CACHE = 4096;

    /** What the rule reads of a block: its parent, slot H_T and whether its seal used a ticket (GP §6.5). */
    record BlockInfo(Hash parent, long slot, boolean ticketed) {}

    /** The block tree the rule reads. */
    interface Tree {
        /** The known blocks without children. */
        List<Hash> leaves();

        /** The tree's own best head (its longest chain), for the tie-break. */
        Optional<Hash> longest();

        /** The facts of a known block; empty for an unknown one (or the initial state's headerless block). */
        Optional<BlockInfo> info(Hash block);
    }

    private final Tree tree;
    private final Map<Hash, BlockInfo> cache = new HashMap<>();

    BestChainRule(Tree tree) {
        this.tree = tree;
    }

    /**
     * The best block above {@code finalized}.
     *
     * @param rejected whether the auditors judged a report made available in a block bad (GP §17)
     */
    synchronized Hash best(BlockRef finalized, Predicate<Hash> rejected) {
        Optional<Hash> longest = tree.longest();
        List<Hash> heads = new ArrayList<>();
        longest.ifPresent(heads::add);
        for (Hash l : tree.leaves()) {
            if (!heads.contains(l)) {
                heads.add(l);
            }
        }
        List<List<Hash>> chains = new ArrayList<>(heads.size());
        Map<Long, Integer> perSlot = new HashMap<>();
        Set<Hash> seen = new HashSet<>();
        for (Hash head : heads) {
            List<Hash> up = chainAbove(head, finalized);
            if (up == null) {
                continue; // not a descendant of the finalized block
            }
            chains.add(up);
            for (Hash h : up) {
                if (seen.add(h)) {
                    perSlot.merge(cache.get(h).slot(), 1, Integer::sum);
                }
            }
        }
        Hash best = finalized.hash();
        int bestTickets = 0;
        int bestLength = 0;
        for (List<Hash> up : chains) {
            int tickets = 0;
            int length = 0;
            for (Hash h : up) {
                BlockInfo b = cache.get(h);
                if (perSlot.get(b.slot()) > 1 || rejected.test(h)) {
                    break;
                }
                length++;
                if (b.ticketed()) {
                    tickets++;
                }
                if (tickets > bestTickets || tickets == bestTickets && length > bestLength) {
                    best = h;
                    bestTickets = tickets;
                    bestLength = length;
                }
            }
        }
        if (cache.size() > CACHE) {
            cache.values().removeIf(b -> b.slot() <= finalized.slot());
        }
        return best;
    }

    /** The blocks from just above {@code finalized} up to {@code head}, oldest first; null if it does not descend. */
    private List<Hash> chainAbove(Hash head, BlockRef finalized) {
        List<Hash> down = new ArrayList<>();
        Hash h = head;
        for (int i = 0; i < MAX_WALK; i++) {
            if (h.equals(finalized.hash())) {
                List<Hash> up = new ArrayList<>(down.size());
                for (int j = down.size() - 1; j >= 0; j--) {
                    up.add(down.get(j));
                }
                return up;
            }
            BlockInfo b = cache.get(h);
            if (b == null) {
                Optional<BlockInfo> read = tree.info(h);
                if (read.isEmpty()) {
                    return null;
                }
                b = read.get();
                cache.put(h, b);
            }
            if (b.slot() <= finalized.slot()) {
                return null;
            }
            down.add(h);
            h = b.parent();
        }
        return null;
    }
}
