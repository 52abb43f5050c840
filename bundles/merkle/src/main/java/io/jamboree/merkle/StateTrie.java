package io.jamboree.merkle;

import io.jamboree.core.hash.Blake2b256;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * State Merklization {@code M_σ} (GP 0.7.2 Appendix D.2, eq. D.4): the root of the binary Patricia Merkle trie
 * over the serialized state, a dictionary from state keys to values.
 *
 * <pre>
 *   M(d) = 0^32              when |d| = 0
 *        = H(L(k, v))         when d holds the single pair (k, v)
 *        = H(B(M(l), M(r)))   otherwise, l/r the entries whose next key bit is 0/1
 * </pre>
 *
 * <p>The computation sorts the keys once (unsigned lexicographic order = the most-significant-bit-first order of
 * {@code bits(·)}) and then recurses over index ranges of the sorted array: at bit depth {@code d} the range splits
 * where bit {@code d} turns from 0 to 1, found by binary search. Per node there is one 64-octet scratch encoding
 * and one 32-octet hash; no per-bit objects. A later incremental trie can reuse {@link TrieNode} and the same
 * recursion over the ranges that changed.
 *
 * <p>Keys must be distinct, all of one length, at least 31 octets (GP keys are exactly 31; the legacy
 * {@code trie.json} vectors use 32, of which a leaf stores the first 31 while the trie branches on all bits).
 * Values are not copied and must not change during a call. All methods are thread-safe.
 */
public final class StateTrie {

    private static final byte[] ZERO = new byte[32];
    private static final byte[] REVERSED = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            REVERSED[b] = (byte) (Integer.reverse(b) >>> 24);
        }
    }

    private StateTrie() {}

    /** The identity of the empty trie, {@code 0^32} (a fresh array). */
    public static byte[] emptyRoot() {
        return new byte[32];
    }

    /** {@code M_σ} over a state-key → value map (a {@link SortedMap} in natural order skips the sort). */
    public static byte[] root(Map<StateKey, byte[]> state) {
        int n = state.size();
        byte[][] keys = new byte[n][];
        byte[][] values = new byte[n][];
        int i = 0;
        for (Map.Entry<StateKey, byte[]> e : state.entrySet()) {
            keys[i] = e.getKey().raw();
            values[i] = e.getValue();
            i++;
        }
        boolean sorted = state instanceof SortedMap<StateKey, byte[]> sm && sm.comparator() == null;
        return sorted ? rootOfSorted(keys, values) : root(keys, values);
    }

    /** {@code M_σ} over parallel lists of keys and values, in any order. */
    public static byte[] root(List<byte[]> keys, List<byte[]> values) {
        return root(keys, values, TrieLayout.GRAYPAPER);
    }

    /** Trie root in the given layout over parallel lists of keys and values, in any order. */
    public static byte[] root(List<byte[]> keys, List<byte[]> values, TrieLayout layout) {
        return root(keys.toArray(new byte[0][]), values.toArray(new byte[0][]), layout);
    }

    /** {@code M_σ} over parallel arrays of keys and values, in any order (the arrays are not modified). */
    public static byte[] root(byte[][] keys, byte[][] values) {
        return root(keys, values, TrieLayout.GRAYPAPER);
    }

    /** Trie root in the given layout over parallel arrays of keys and values, in any order. */
    public static byte[] root(byte[][] keys, byte[][] values, TrieLayout layout) {
        checkSizes(keys, values);
        int n = keys.length;
        Entry[] entries = new Entry[n];
        for (int i = 0; i < n; i++) {
            byte[] k = keys[i];
            entries[i] = new Entry(layout == TrieLayout.GRAYPAPER ? k : reverseBits(k), k, values[i]);
        }
        Arrays.sort(entries, Entry.ORDER);
        byte[][] path = new byte[n][];
        byte[][] leaf = new byte[n][];
        byte[][] v = new byte[n][];
        for (int i = 0; i < n; i++) {
            path[i] = entries[i].path;
            leaf[i] = entries[i].key;
            v[i] = entries[i].value;
        }
        return compute(layout, path, leaf, v);
    }

    /**
     * {@code M_σ} over parallel arrays whose keys are strictly ascending (unsigned lexicographic order), checked
     * in linear time; skips the sort.
     */
    public static byte[] rootOfSorted(byte[][] sortedKeys, byte[][] values) {
        checkSizes(sortedKeys, values);
        return compute(TrieLayout.GRAYPAPER, sortedKeys, sortedKeys, values);
    }

    private static byte[] compute(TrieLayout layout, byte[][] path, byte[][] leafKeys, byte[][] values) {
        int n = path.length;
        int keyLength = n == 0 ? TrieNode.KEY_BYTES : path[0].length;
        if (keyLength < TrieNode.KEY_BYTES) {
            throw new IllegalArgumentException("keys shorter than 31 octets: " + keyLength);
        }
        for (int i = 0; i < n; i++) {
            if (path[i].length != keyLength) {
                throw new IllegalArgumentException("key " + i + " has " + path[i].length + " octets, another has "
                        + keyLength + "; all keys must be equally long");
            }
            if (i > 0 && Arrays.compareUnsigned(path[i - 1], path[i]) >= 0) {
                throw new IllegalArgumentException("keys not strictly ascending (or duplicate) at index " + i);
            }
        }
        if (n == 0) {
            return emptyRoot();
        }
        return new Merklizer(layout, path, leafKeys, values, null).node(0, n, 0);
    }

    /**
     * {@code M_σ} over strictly ascending GP keys (checked) whose leaf identities {@code leafHashes[i]} are already
     * known where non-null; the missing ones are computed and stored into {@code leafHashes}.
     */
    static byte[] rootOfSorted(byte[][] sortedKeys, byte[][] values, byte[][] leafHashes) {
        checkSizes(sortedKeys, values);
        int n = sortedKeys.length;
        for (int i = 0; i < n; i++) {
            if (sortedKeys[i].length != StateKey.LENGTH) {
                throw new IllegalArgumentException("key " + i + " has " + sortedKeys[i].length + " octets, not 31");
            }
            if (i > 0 && Arrays.compareUnsigned(sortedKeys[i - 1], sortedKeys[i]) >= 0) {
                throw new IllegalArgumentException("keys not strictly ascending (or duplicate) at index " + i);
            }
        }
        if (n == 0) {
            return emptyRoot();
        }
        return new Merklizer(TrieLayout.GRAYPAPER, sortedKeys, sortedKeys, values, leafHashes).node(0, n, 0);
    }

    /** Bit {@code d} of {@code key} in {@code bits(·)} order (most significant first). */
    static int bit(byte[] key, int d) {
        return (key[d >>> 3] >>> (7 - (d & 7))) & 1;
    }

    private static byte[] reverseBits(byte[] key) {
        byte[] r = new byte[key.length];
        for (int i = 0; i < key.length; i++) {
            r[i] = REVERSED[key[i] & 0xFF];
        }
        return r;
    }

    private static void checkSizes(byte[][] keys, byte[][] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + values.length + " values");
        }
    }

    /** A key as branched on ({@code path}, bit-reversed per octet in the legacy layout), as stored, and its value. */
    private record Entry(byte[] path, byte[] key, byte[] value) {
        static final Comparator<Entry> ORDER = (a, b) -> Arrays.compareUnsigned(a.path, b.path);
    }

    /** One root computation: sorted input, one hasher, one scratch node. Not thread-safe. */
    private static final class Merklizer {
        private final TrieLayout layout;
        private final byte[][] path;
        private final byte[][] leafKeys;
        private final byte[][] values;
        private final byte[][] leafHashes;
        private final Blake2b256 hasher = new Blake2b256();
        private final byte[] scratch = new byte[TrieNode.SIZE];

        /** {@code leafHashes}: known leaf identities (null entries are computed and filled in), or null. */
        Merklizer(TrieLayout layout, byte[][] path, byte[][] leafKeys, byte[][] values, byte[][] leafHashes) {
            this.layout = layout;
            this.path = path;
            this.leafKeys = leafKeys;
            this.values = values;
            this.leafHashes = leafHashes;
        }

        /** Identity of the sub-trie of entries [lo, hi) (non-empty), which share their first {@code depth} bits. */
        byte[] node(int lo, int hi, int depth) {
            if (hi - lo == 1) {
                if (leafHashes != null && leafHashes[lo] != null) {
                    return leafHashes[lo];
                }
                TrieNode.encodeLeaf(layout, leafKeys[lo], values[lo], hasher, scratch, 0);
                byte[] h = hasher.update(scratch, 0, TrieNode.SIZE).digest();
                if (leafHashes != null) {
                    leafHashes[lo] = h;
                }
                return h;
            }
            int split = firstOne(lo, hi, depth);
            byte[] left = split == lo ? ZERO : node(lo, split, depth + 1);
            byte[] right = split == hi ? ZERO : node(split, hi, depth + 1);
            TrieNode.encodeBranch(layout, left, right, scratch, 0);
            return hasher.update(scratch, 0, TrieNode.SIZE).digest();
        }

        /** First index in [lo, hi) whose bit {@code depth} is 1, or {@code hi}; the range is sorted. */
        private int firstOne(int lo, int hi, int depth) {
            int a = lo;
            int b = hi;
            while (a < b) {
                int m = (a + b) >>> 1;
                if (bit(path[m], depth) == 0) {
                    a = m + 1;
                } else {
                    b = m;
                }
            }
            return a;
        }
    }
}
