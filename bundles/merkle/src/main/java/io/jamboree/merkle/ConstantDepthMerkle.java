package io.jamboree.merkle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The constant-depth binary Merkle tree (GP 0.7.2 Appendix E.1.2): root {@code M} (eq. E.4), page justification
 * {@code J_x} (eq. E.5), leaf page {@code L_x} (eq. E.6) and the constancy preprocessor {@code C} (eq. E.7).
 *
 * <pre>
 *   C(v, H)       = v' with |v'| = 2^⌈log2(max(1,|v|))⌉, v'_i = H("leaf" ⌢ v_i) for i &lt; |v|, else 0^32
 *   M(v, H)       = N(C(v, H), H)
 *   J_x(v, i, H)  = T(C(v, H), 2^x·i, H)[.. max(0, ⌈log2(max(1,|v|))⌉ − x)]
 *   L_x(v, i, H)  = [H("leaf" ⌢ l) | l ← v[2^x·i .. min(2^x·i + 2^x, |v|)]]
 * </pre>
 *
 * The prefix token {@code $leaf} is the ASCII octets {@code "leaf"}. Used e.g. for the segment-root
 * ({@code exports_root}) of work packages with Blake2b-256.
 */
public final class ConstantDepthMerkle {

    /** The ASCII prefix {@code "leaf"} of hashed leaves. */
    static final byte[] LEAF = "leaf".getBytes(StandardCharsets.US_ASCII);

    private ConstantDepthMerkle() {}

    /** {@code M(v, H)}, the constant-depth Merkle root. */
    public static byte[] root(List<byte[]> items, HashFunction h) {
        byte[][] c = preprocess(items, h);
        return BinaryMerkle.node(c, 0, c.length, h);
    }

    /** {@code M(v)} with Blake2b-256. */
    public static byte[] root(List<byte[]> items) {
        return root(items, HashFunction.BLAKE2B_256);
    }

    /** {@code C(v, H)}: hashed, prefixed leaves padded with zero hashes to the next power of two (at least 1). */
    public static byte[][] preprocess(List<byte[]> items, HashFunction h) {
        int n = items.size();
        int size = 1 << ceilLog2(n);
        byte[][] out = new byte[size][];
        for (int i = 0; i < size; i++) {
            out[i] = i < n ? leafHash(items.get(i), h) : new byte[32];
        }
        return out;
    }

    /**
     * {@code J_x(v, i, H)}: the Merkle path from the root down to page {@code i} of size-aligned pages of
     * {@code 2^x} leaves ({@code x = 0}: the full path to item {@code i}).
     */
    public static List<byte[]> justification(List<byte[]> items, int pageIndex, int x, HashFunction h) {
        checkPageSize(x);
        byte[][] c = preprocess(items, h);
        long leaf = (long) pageIndex << x;
        if (pageIndex < 0 || leaf >= c.length) {
            throw new IndexOutOfBoundsException("page " + pageIndex + " of size 2^" + x + " beyond "
                    + items.size() + " items");
        }
        List<byte[]> path = BinaryMerkle.trace(c, (int) leaf, h);
        int keep = Math.max(0, ceilLog2(items.size()) - x);
        return new ArrayList<>(path.subList(0, Math.min(keep, path.size())));
    }

    /** {@code J_0(v, i, H)}: the full justification path of item {@code i}. */
    public static List<byte[]> justification(List<byte[]> items, int index, HashFunction h) {
        return justification(items, index, 0, h);
    }

    /** {@code L_x(v, i, H)}: the hashed, prefixed leaves of page {@code i} of size {@code 2^x}. */
    public static List<byte[]> leafPage(List<byte[]> items, int pageIndex, int x, HashFunction h) {
        checkPageSize(x);
        long start = (long) pageIndex << x;
        long end = Math.min(start + (1L << x), items.size());
        List<byte[]> out = new ArrayList<>();
        for (long i = Math.max(0, start); i < end; i++) {
            out.add(leafHash(items.get((int) i), h));
        }
        return out;
    }

    /** {@code H("leaf" ⌢ l)}. */
    public static byte[] leafHash(byte[] item, HashFunction h) {
        byte[] buf = new byte[LEAF.length + item.length];
        System.arraycopy(LEAF, 0, buf, 0, LEAF.length);
        System.arraycopy(item, 0, buf, LEAF.length, item.length);
        return h.hash(buf);
    }

    /** {@code ⌈log2(max(1, n))⌉}. */
    static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    private static void checkPageSize(int x) {
        if (x < 0 || x > 30) {
            throw new IllegalArgumentException("page exponent out of range: " + x);
        }
    }
}
