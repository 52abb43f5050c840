package io.jamboree.merkle;

import io.jamboree.core.hash.Blake2b256;

/**
 * The 64-octet node encodings of the binary Patricia Merkle trie (GP 0.7.2 Appendix D.2.1, eq. D.3): the branch
 * encoding {@code B} and the leaf encoding {@code L}. Bit strings are {@code bits(·)}, most significant bit of each
 * octet first (GP §3.7.3), so the discriminating bits sit at the top of the first octet:
 *
 * <pre>
 *   B(l, r)          = [0]          ⌢ bits(l)[1..] ⌢ bits(r)              first octet l[0] &amp; 0x7f
 *   L(k, v), |v|≤32  = [1, 0]       ⌢ bits(E_1(|v|))[2..] ⌢ k ⌢ v ⌢ 0…    first octet 0x80 | |v|
 *   L(k, v), |v|&gt;32  = [1,1,0,0,0,0,0,0] ⌢ k ⌢ H(v)                       first octet 0xc0
 * </pre>
 *
 * Only the first 31 octets of a key are stored. The overloads taking a {@link TrieLayout} also produce the legacy
 * least-significant-bit-first encodings. These static, allocation-free encoders are shared by {@link StateTrie} and
 * by any later cached (incremental) trie, which can keep node hashes and re-encode only nodes on changed paths.
 */
public final class TrieNode {

    /** Size of an encoded node in octets (512 bits). */
    public static final int SIZE = 64;
    /** Number of key octets stored in a leaf. */
    public static final int KEY_BYTES = 31;
    /** Largest value length embedded in a leaf. */
    public static final int MAX_EMBEDDED = 32;

    private TrieNode() {}

    /** Writes {@code B(l, r)} to {@code out[off ..+ 64]}; {@code l} and {@code r} are 32-octet sub-trie identities. */
    public static void encodeBranch(byte[] left, byte[] right, byte[] out, int off) {
        encodeBranch(TrieLayout.GRAYPAPER, left, right, out, off);
    }

    /** {@link #encodeBranch(byte[], byte[], byte[], int)} in the given layout. */
    public static void encodeBranch(TrieLayout layout, byte[] left, byte[] right, byte[] out, int off) {
        System.arraycopy(left, 0, out, off, 32);
        out[off] = (byte) (left[0] & (layout == TrieLayout.GRAYPAPER ? 0x7F : 0xFE));
        System.arraycopy(right, 0, out, off + 32, 32);
    }

    /**
     * Writes {@code L(k, v)} for an embedded value ({@code |v| ≤ 32}) to {@code out[off ..+ 64]}.
     *
     * @param key at least 31 octets; only the first 31 are used
     */
    public static void encodeEmbeddedLeaf(byte[] key, byte[] value, byte[] out, int off) {
        encodeEmbeddedLeaf(TrieLayout.GRAYPAPER, key, value, out, off);
    }

    /** {@link #encodeEmbeddedLeaf(byte[], byte[], byte[], int)} in the given layout. */
    public static void encodeEmbeddedLeaf(TrieLayout layout, byte[] key, byte[] value, byte[] out, int off) {
        int n = value.length;
        if (n > MAX_EMBEDDED) {
            throw new IllegalArgumentException("value too long to embed: " + n);
        }
        out[off] = (byte) (layout == TrieLayout.GRAYPAPER ? 0x80 | n : 0x01 | n << 2);
        System.arraycopy(key, 0, out, off + 1, KEY_BYTES);
        System.arraycopy(value, 0, out, off + 32, n);
        for (int i = off + 32 + n, end = off + SIZE; i < end; i++) {
            out[i] = 0;
        }
    }

    /** Writes {@code L(k, v)} for a value longer than 32 octets, given {@code valueHash = H(v)}. */
    public static void encodeHashedLeaf(byte[] key, byte[] valueHash, byte[] out, int off) {
        encodeHashedLeaf(TrieLayout.GRAYPAPER, key, valueHash, out, off);
    }

    /** {@link #encodeHashedLeaf(byte[], byte[], byte[], int)} in the given layout. */
    public static void encodeHashedLeaf(TrieLayout layout, byte[] key, byte[] valueHash, byte[] out, int off) {
        out[off] = (byte) (layout == TrieLayout.GRAYPAPER ? 0xC0 : 0x03);
        System.arraycopy(key, 0, out, off + 1, KEY_BYTES);
        System.arraycopy(valueHash, 0, out, off + 32, 32);
    }

    /** Writes {@code L(k, v)}, hashing {@code v} with {@code hasher} when it is longer than 32 octets. */
    public static void encodeLeaf(TrieLayout layout, byte[] key, byte[] value, Blake2b256 hasher, byte[] out,
            int off) {
        if (value.length <= MAX_EMBEDDED) {
            encodeEmbeddedLeaf(layout, key, value, out, off);
        } else {
            encodeHashedLeaf(layout, key, hasher.update(value).digest(), out, off);
        }
    }

    /** {@code B(l, r)} as a new 64-octet array. */
    public static byte[] branch(byte[] left, byte[] right) {
        byte[] out = new byte[SIZE];
        encodeBranch(left, right, out, 0);
        return out;
    }

    /** {@code L(k, v)} as a new 64-octet array. */
    public static byte[] leaf(byte[] key, byte[] value) {
        byte[] out = new byte[SIZE];
        encodeLeaf(TrieLayout.GRAYPAPER, key, value, new Blake2b256(), out, 0);
        return out;
    }

    /** {@code H(B(l, r))}: the identity of a branch. */
    public static byte[] branchHash(byte[] left, byte[] right) {
        return Blake2b256.hash(branch(left, right));
    }

    /** {@code H(L(k, v))}: the identity of a single-leaf (sub-)trie. */
    public static byte[] leafHash(byte[] key, byte[] value) {
        return Blake2b256.hash(leaf(key, value));
    }
}
