package io.jamboree.importer.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.types.Hash;
import java.util.HashMap;
import java.util.Map;

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
    private Node best;

    void clear() {
        nodes.clear();
        best = null;
    }

    Node get(Hash h) {
        return nodes.get(h);
    }

    void add(Node n) {
        nodes.put(n.hash(), n);
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
