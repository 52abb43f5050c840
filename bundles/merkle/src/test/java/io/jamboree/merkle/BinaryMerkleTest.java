package io.jamboree.merkle;

import static io.jamboree.merkle.TestBytes.ascii;
import static io.jamboree.merkle.TestBytes.cat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.core.hash.Keccak256;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GP E.1 eq. E.1–E.3, expectations built directly from the definitions with the raw hash functions. */
class BinaryMerkleTest {

    private static final byte[] NODE = ascii("node");
    private static final byte[] A = ascii("a");
    private static final byte[] B = ascii("bb");
    private static final byte[] C = ascii("ccc");
    private static final byte[] D = ascii("dddd");
    private static final byte[] E = ascii("eeeee");

    private static byte[] n(byte[] l, byte[] r) {
        return Blake2b256.hash(cat(NODE, l, r));
    }

    @Test
    void wellBalancedRootSmallSizes() {
        assertArrayEquals(new byte[32], BinaryMerkle.wellBalancedRoot(List.of()));
        assertArrayEquals(Blake2b256.hash(A), BinaryMerkle.wellBalancedRoot(List.of(A)));
        assertArrayEquals(n(A, B), BinaryMerkle.wellBalancedRoot(List.of(A, B)));
        // ⌈3/2⌉ = 2: left [a, b], right [c] (a single item is its own node)
        assertArrayEquals(n(n(A, B), C), BinaryMerkle.wellBalancedRoot(List.of(A, B, C)));
        assertArrayEquals(n(n(A, B), n(C, D)), BinaryMerkle.wellBalancedRoot(List.of(A, B, C, D)));
        // ⌈5/2⌉ = 3: left [a, b, c], right [d, e]
        assertArrayEquals(n(n(n(A, B), C), n(D, E)), BinaryMerkle.wellBalancedRoot(List.of(A, B, C, D, E)));
    }

    @Test
    void nodeFunctionReturnsSingleItemUnhashed() {
        assertSame(C, BinaryMerkle.node(List.of(C), HashFunction.BLAKE2B_256));
        assertArrayEquals(new byte[32], BinaryMerkle.node(List.of(), HashFunction.BLAKE2B_256));
    }

    @Test
    void keccakParameter() {
        byte[] expected = Keccak256.hash(cat(NODE, Keccak256.hash(cat(NODE, A, B)), C));
        assertArrayEquals(expected, BinaryMerkle.wellBalancedRoot(List.of(A, B, C), HashFunction.KECCAK_256));
        assertArrayEquals(Keccak256.hash(A), BinaryMerkle.wellBalancedRoot(List.of(A), HashFunction.KECCAK_256));
    }

    @Test
    void traceListsOppositeNodesTopDown() {
        HashFunction h = HashFunction.BLAKE2B_256;
        List<byte[]> v3 = List.of(A, B, C);
        assertPath(List.of(C, B), BinaryMerkle.trace(v3, 0, h));
        assertPath(List.of(C, A), BinaryMerkle.trace(v3, 1, h));
        assertPath(List.of(n(A, B)), BinaryMerkle.trace(v3, 2, h));
        List<byte[]> v5 = List.of(A, B, C, D, E);
        assertPath(List.of(n(n(A, B), C), E), BinaryMerkle.trace(v5, 3, h));
        assertPath(List.of(n(D, E), n(A, B)), BinaryMerkle.trace(v5, 2, h));
        assertPath(List.of(), BinaryMerkle.trace(List.of(A), 0, h));
    }

    static void assertPath(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "path length");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "path element " + i);
        }
    }
}
