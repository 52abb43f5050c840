package io.jamboree.sync.internal.protocol;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.TrieNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The boundary nodes of a JAMNP-S CE 129 state response: the 64-byte trie nodes (GP 0.7.2 Appendix D.2, eq. D.3:
 * branch B(l, r), leaf L(k, v)) on the paths from the root of the state trie (eq. D.4) to given keys. A path ends at
 * a leaf (the key's own, or one with another key) or at a branch whose sub-trie on the key's side is empty (all-zero
 * identity). Nodes on several paths appear once; a parent always before its children.
 *
 * <p>Works on the sorted keys (31 bytes each, strictly ascending) and values of one state; sub-trie identities are
 * computed as the trie's recursion over index ranges (the split where bit d of the key turns from 0 to 1).
 */
public final class BoundaryNodes {
    private final byte[][] keys;
    private final byte[][] values;

    /** @param sortedKeys strictly ascending 31-byte keys; {@code values} in the same order */
    public BoundaryNodes(byte[][] sortedKeys, byte[][] values) {
        if (sortedKeys.length != values.length) {
            throw new IllegalArgumentException(sortedKeys.length + " keys but " + values.length + " values");
        }
        this.keys = sortedKeys;
        this.values = values;
    }

    /** The boundary nodes of the paths to each of {@code targets} (31-byte keys), in path order, without duplicates. */
    public List<byte[]> paths(List<byte[]> targets) {
        List<byte[]> out = new ArrayList<>();
        Set<NodeId> seen = new HashSet<>();
        for (byte[] t : targets) {
            int lo = 0;
            int hi = keys.length;
            int depth = 0;
            while (hi - lo >= 1) {
                byte[] node = hi - lo == 1 ? leaf(lo) : branch(lo, hi, depth);
                if (seen.add(new NodeId(lo, hi, depth))) {
                    out.add(node);
                }
                if (hi - lo == 1) {
                    break;
                }
                int split = split(lo, hi, depth);
                if (bit(t, depth)) {
                    lo = split;
                } else {
                    hi = split;
                }
                depth++;
            }
        }
        return out;
    }

    /** A node of the trie: the keys of an index range below a bit depth. */
    private record NodeId(int lo, int hi, int depth) {}

    private byte[] leaf(int i) {
        return TrieNode.leaf(Arrays.copyOf(keys[i], TrieNode.KEY_BYTES), values[i]);
    }

    private byte[] branch(int lo, int hi, int depth) {
        int split = split(lo, hi, depth);
        return TrieNode.branch(identity(lo, split, depth + 1), identity(split, hi, depth + 1));
    }

    /** M of the sub-trie of keys[lo..hi) (which share their first {@code depth} bits), eq. D.4. */
    private byte[] identity(int lo, int hi, int depth) {
        if (hi == lo) {
            return new byte[32];
        }
        if (hi - lo == 1) {
            return Blake2b256.hash(leaf(lo));
        }
        return Blake2b256.hash(branch(lo, hi, depth));
    }

    /** The first index in [lo, hi) whose key has bit {@code depth} set (hi if none). */
    private int split(int lo, int hi, int depth) {
        int a = lo;
        int b = hi;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (bit(keys[m], depth)) {
                b = m;
            } else {
                a = m + 1;
            }
        }
        return a;
    }

    static boolean bit(byte[] key, int i) {
        return (key[i >>> 3] & (0x80 >>> (i & 7))) != 0;
    }
}
