package io.jamboree.merkle;

import static io.jamboree.merkle.TestBytes.bytes;
import static io.jamboree.merkle.TestBytes.cat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jamboree.core.hash.Blake2b256;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GP D.2 on tiny tries whose node encodings are written out by hand from eq. D.3/D.4. */
class StateTrieTest {

    private static byte[] key(int first, int second) {
        byte[] k = new byte[31];
        k[0] = (byte) first;
        k[1] = (byte) second;
        k[30] = 0x55;
        return k;
    }

    private static byte[] h(byte[] b) {
        return Blake2b256.hash(b);
    }

    /** [1,0] ⌢ 6-bit length, key, value, zero padding. */
    private static byte[] embeddedLeaf(byte[] k, byte[] v) {
        return h(cat(bytes(0x80 | v.length), k, v, new byte[32 - v.length]));
    }

    /** [0] ⌢ bits(l)[1..] ⌢ bits(r). */
    private static byte[] branch(byte[] l, byte[] r) {
        byte[] first = Arrays.copyOf(l, 32);
        first[0] &= 0x7f;
        return h(cat(first, r));
    }

    @Test
    void emptyTrieIsZeroHash() {
        assertArrayEquals(new byte[32], StateTrie.root(new byte[0][], new byte[0][]));
        assertArrayEquals(new byte[32], StateTrie.root(Map.of()));
    }

    @Test
    void singleLeaves() {
        byte[] k = key(0x12, 0x34);
        byte[] small = TestBytes.ascii("abc");
        assertArrayEquals(embeddedLeaf(k, small), StateTrie.root(List.of(k), List.of(small)));
        byte[] empty = new byte[0];
        assertArrayEquals(h(cat(bytes(0x80), k, new byte[32])), StateTrie.root(List.of(k), List.of(empty)));
        byte[] exactly32 = TestBytes.h32(1);
        assertArrayEquals(h(cat(bytes(0xA0), k, exactly32)), StateTrie.root(List.of(k), List.of(exactly32)));
        byte[] big = TestBytes.fill(33, 7);
        assertArrayEquals(h(cat(bytes(0xC0), k, h(big))), StateTrie.root(List.of(k), List.of(big)));
    }

    @Test
    void branchOnFirstBit() {
        byte[] k0 = key(0x00, 1);
        byte[] k1 = key(0x80, 2);
        byte[] v0 = bytes(1);
        byte[] v1 = bytes(2, 2);
        byte[] expected = branch(embeddedLeaf(k0, v0), embeddedLeaf(k1, v1));
        assertArrayEquals(expected, StateTrie.root(List.of(k1, k0), List.of(v1, v0)));
        assertArrayEquals(expected, StateTrie.rootOfSorted(new byte[][] {k0, k1}, new byte[][] {v0, v1}));
    }

    @Test
    void sharedPrefixGivesChainOfBranchesWithEmptySiblings() {
        // both keys start with bit 0; they differ in bit 1 (0x00 vs 0x40)
        byte[] k0 = key(0x00, 0);
        byte[] k1 = key(0x40, 0);
        byte[] v = bytes(9);
        byte[] inner = branch(embeddedLeaf(k0, v), embeddedLeaf(k1, v));
        byte[] expected = branch(inner, new byte[32]);
        assertArrayEquals(expected, StateTrie.root(List.of(k0, k1), List.of(v, v)));
        // keys starting with bit 1 and differing only in bit 2: zero sibling on the left at the top
        byte[] k2 = key(0x80, 0);
        byte[] k3 = key(0xA0, 0);
        byte[] inner2 = branch(embeddedLeaf(k2, v), embeddedLeaf(k3, v));
        byte[] expected2 = branch(new byte[32], branch(inner2, new byte[32]));
        Map<StateKey, byte[]> m = new HashMap<>();
        m.put(StateKey.ofBytes(k3), v);
        m.put(StateKey.ofBytes(k2), v);
        assertArrayEquals(expected2, StateTrie.root(m));
    }

    @Test
    void rejectsBadInput() {
        byte[] k = key(1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> StateTrie.root(List.of(k, k.clone()), List.of(bytes(1), bytes(2))));
        assertThrows(IllegalArgumentException.class,
                () -> StateTrie.rootOfSorted(new byte[][] {key(2, 0), key(1, 0)}, new byte[][] {bytes(), bytes()}));
        assertThrows(IllegalArgumentException.class, () -> StateTrie.root(List.of(new byte[30]), List.of(bytes())));
        assertThrows(IllegalArgumentException.class, () -> StateTrie.root(List.of(k), List.of()));
    }
}
