package io.jamboree.importer.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The block tree (GP §19): every known block by header hash with its parent, slot, height and state root; forks are
 * kept. The best head is the most recently imported block of greatest height (number of ancestors since the initial
 * state): for the M1 importer, which neither finalizes nor audits, this is the GP's "longest chain" rule with ties
 * going to the newer block. Node records are persisted in {@code TREE} under {@code 'n' ⌢ hash}.
 */
final class BlockTree {

    /** One block of the tree. */
    record Node(Hash hash, Hash parent, long slot, long height, Hash stateRoot) {
        byte[] encode() {
            return new Encoder(32 + 4 + 8 + 32).bytes(parent.bytes()).u32(slot).u64(height).bytes(stateRoot.bytes())
                    .toByteArray();
        }

        static Node decode(Hash hash, byte[] v) {
            Decoder d = new Decoder(v);
            Node n = new Node(hash, Hash.decode(d), d.u32(), d.u64(), Hash.decode(d));
            d.expectEnd();
            return n;
        }
    }

    private final Map<Hash, Node> nodes = new HashMap<>();
    /** Known children per parent hash, and the blocks with none (the leaves). */
    private final Map<Hash, Integer> children = new HashMap<>();
    private final Set<Hash> leaves = new LinkedHashSet<>();
    private Node best;

    void clear() {
        nodes.clear();
        children.clear();
        leaves.clear();
        best = null;
    }

    Node get(Hash h) {
        return nodes.get(h);
    }

    void add(Node n) {
        if (nodes.put(n.hash(), n) != null) {
            return;
        }
        children.merge(n.parent(), 1, Integer::sum);
        leaves.remove(n.parent());
        if (!children.containsKey(n.hash())) {
            leaves.add(n.hash());
        }
    }

    /** Removes {@code h}; its parent becomes a leaf if it has no other child. */
    void remove(Hash h) {
        Node n = nodes.remove(h);
        if (n == null) {
            return;
        }
        leaves.remove(h);
        if (children.merge(n.parent(), -1, Integer::sum) <= 0) {
            children.remove(n.parent());
            if (nodes.containsKey(n.parent())) {
                leaves.add(n.parent());
            }
        }
        if (best == n) {
            best = null;
        }
    }

    /** The blocks with no known child. */
    List<Hash> leaves() {
        return new ArrayList<>(leaves);
    }

    /** Adds {@code n} and makes it the best head if it is at least as high as the current one. */
    boolean addAndChoose(Node n) {
        add(n);
        if (best == null || n.height() >= best.height()) {
            best = n;
            return true;
        }
        return false;
    }

    Node best() {
        return best;
    }

    void setBest(Node n) {
        best = n;
    }

    int size() {
        return nodes.size();
    }

    Iterable<Node> nodes() {
        return nodes.values();
    }
}
