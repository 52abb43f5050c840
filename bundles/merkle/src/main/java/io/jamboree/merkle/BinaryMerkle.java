package io.jamboree.merkle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary Merkle trees (GP 0.7.2 Appendix E.1): the node function {@code N} (eq. E.1), the trace function
 * {@code T} (eq. E.2) and the well-balanced Merkle root {@code M_B} (eq. E.3).
 *
 * <pre>
 *   N(v, H) = 0^32                                           when |v| = 0
 *           = v_0                                            when |v| = 1
 *           = H("node" ⌢ N(v[..⌈|v|/2⌉], H) ⌢ N(v[⌈|v|/2⌉..], H))  otherwise
 *   M_B(v, H) = H(v_0) when |v| = 1, else N(v, H)
 * </pre>
 *
 * The prefix token {@code $node} is the ASCII octets {@code "node"} (the Graypaper's {@code $} marks a literal
 * string). Items are arbitrary blobs; the result of {@code N} may therefore be a blob (single item) rather than a
 * hash. Inputs are never modified; results that are items are returned as the same array instance.
 */
public final class BinaryMerkle {

    /** The ASCII prefix {@code "node"} of internal nodes. */
    static final byte[] NODE = "node".getBytes(StandardCharsets.US_ASCII);

    private BinaryMerkle() {}

    /** {@code M_B(v, H)}, the well-balanced binary Merkle root. */
    public static byte[] wellBalancedRoot(List<byte[]> items, HashFunction h) {
        return wellBalancedRoot(items.toArray(new byte[0][]), h);
    }

    /** {@code M_B(v)} with Blake2b-256. */
    public static byte[] wellBalancedRoot(List<byte[]> items) {
        return wellBalancedRoot(items, HashFunction.BLAKE2B_256);
    }

    /** {@code M_B(v, H)} over an array. */
    public static byte[] wellBalancedRoot(byte[][] items, HashFunction h) {
        if (items.length == 1) {
            return h.hash(items[0]);
        }
        return node(items, 0, items.length, h);
    }

    /** {@code N(v, H)}, the node function. */
    public static byte[] node(List<byte[]> items, HashFunction h) {
        return node(items.toArray(new byte[0][]), 0, items.size(), h);
    }

    /** {@code N(v[from..to], H)} over a slice of an array. */
    public static byte[] node(byte[][] items, int from, int to, HashFunction h) {
        int n = to - from;
        if (n == 0) {
            return new byte[32];
        }
        if (n == 1) {
            return items[from];
        }
        int mid = from + half(n);
        byte[] l = node(items, from, mid, h);
        byte[] r = node(items, mid, to, h);
        byte[] buf = new byte[NODE.length + l.length + r.length];
        System.arraycopy(NODE, 0, buf, 0, NODE.length);
        System.arraycopy(l, 0, buf, NODE.length, l.length);
        System.arraycopy(r, 0, buf, NODE.length + l.length, r.length);
        return h.hash(buf);
    }

    /**
     * {@code T(v, i, H)}, the trace: the opposite node at each level, from the top down, on the path to item
     * {@code i}. Empty for {@code |v| ≤ 1}.
     */
    public static List<byte[]> trace(List<byte[]> items, int index, HashFunction h) {
        return trace(items.toArray(new byte[0][]), index, h);
    }

    /** {@code T(v, i, H)} over an array. */
    public static List<byte[]> trace(byte[][] items, int index, HashFunction h) {
        if (index < 0 || (index >= items.length && items.length > 0)) {
            throw new IndexOutOfBoundsException("index " + index + " of " + items.length + " items");
        }
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        int to = items.length;
        int i = index;
        while (to - from > 1) {
            int mid = from + half(to - from);
            if (i < mid) {
                out.add(node(items, mid, to, h));
                to = mid;
            } else {
                out.add(node(items, from, mid, h));
                from = mid;
            }
        }
        return out;
    }

    /** {@code ⌈n/2⌉}. */
    private static int half(int n) {
        return (n + 1) >>> 1;
    }
}
