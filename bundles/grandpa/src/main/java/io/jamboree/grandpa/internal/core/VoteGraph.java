package io.jamboree.grandpa.internal.core;

import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vote graph of one stage of a round (spec/grandpa.md §4.1; HS "Set of Total Observed Votes"): the blocks on
 * the chains from the round's base to every vote target, each with the number of counted votes for it or a
 * descendant. A vote whose target does not descend from the base (or whose chain is unknown) adds no weight.
 * Equivocators are not in the graph: the caller adds their count to every block's weight.
 */
final class VoteGraph {
    /** A block of the graph. */
    static final class Node {
        final Hash hash;
        final long slot;
        final Node parent;
        final List<Node> children = new ArrayList<>(2);
        int weight;

        Node(Hash hash, long slot, Node parent) {
            this.hash = hash;
            this.slot = slot;
            this.parent = parent;
        }

        BlockRef ref() {
            return new BlockRef(hash, slot);
        }
    }

    private final Ancestry ancestry;
    private final Node base;
    private final Map<Hash, Node> nodes = new HashMap<>();

    VoteGraph(BlockRef base, Ancestry ancestry) {
        this.ancestry = ancestry;
        this.base = new Node(base.hash(), base.slot(), null);
        nodes.put(base.hash(), this.base);
    }

    Node base() {
        return base;
    }

    Node node(Hash h) {
        return nodes.get(h);
    }

    /**
     * Adds one vote's weight to the target and every block down to the base.
     *
     * @return whether the target descends from the base (else nothing was added)
     */
    boolean add(Hash target, long slot) {
        Node n = locate(target, slot);
        if (n == null) {
            return false;
        }
        for (Node x = n; x != null; x = x.parent) {
            x.weight++;
        }
        return true;
    }

    /** Takes back one vote's weight added by {@link #add} for the same target. */
    void remove(Hash target) {
        Node n = nodes.get(target);
        if (n == null) {
            return;
        }
        for (Node x = n; x != null; x = x.parent) {
            x.weight--;
        }
    }

    /** The graph node of {@code target}, inserting the chain down to the base; null if it does not descend. */
    private Node locate(Hash target, long slot) {
        Node known = nodes.get(target);
        if (known != null) {
            return known;
        }
        List<Hash> path = new ArrayList<>();
        List<Long> slots = new ArrayList<>();
        Hash h = target;
        long s = slot;
        Node attach = null;
        while (attach == null) {
            if (s <= base.slot) {
                return null;
            }
            path.add(h);
            slots.add(s);
            h = ancestry.parent(h);
            if (h == null) {
                return null;
            }
            attach = nodes.get(h);
            if (attach == null) {
                s = ancestry.slot(h);
                if (s < 0) {
                    return null;
                }
            }
        }
        Node n = attach;
        for (int i = path.size() - 1; i >= 0; i--) {
            Node c = new Node(path.get(i), slots.get(i), n);
            n.children.add(c);
            nodes.put(c.hash, c);
            n = c;
        }
        return n;
    }

    /** A test on a node's weight (with the equivocators already added by the caller's closure). */
    interface Condition {
        boolean test(Node n);
    }

    /**
     * The highest block at or above {@code from} on which {@code c} holds, descending child by child (GHOST): among
     * children meeting {@code c} the heaviest wins, ties to the lower header hash (deterministic). {@code null} if
     * {@code c} fails at {@code from}.
     */
    Node ghost(Node from, Condition c) {
        if (from == null || !c.test(from)) {
            return null;
        }
        Node n = from;
        while (true) {
            Node best = null;
            for (Node ch : n.children) {
                if (c.test(ch) && (best == null || ch.weight > best.weight
                        || (ch.weight == best.weight && ch.hash.compareTo(best.hash) < 0))) {
                    best = ch;
                }
            }
            if (best == null) {
                return n;
            }
            n = best;
        }
    }
}
