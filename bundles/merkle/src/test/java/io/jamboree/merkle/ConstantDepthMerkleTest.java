package io.jamboree.merkle;

import static io.jamboree.merkle.BinaryMerkleTest.assertPath;
import static io.jamboree.merkle.TestBytes.ascii;
import static io.jamboree.merkle.TestBytes.cat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.core.hash.Blake2b256;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GP E.1.2 eq. E.4–E.7, expectations built directly from the definitions. */
class ConstantDepthMerkleTest {

    private static final HashFunction H = HashFunction.BLAKE2B_256;
    private static final byte[] ZERO = new byte[32];
    private static final byte[] A = ascii("alpha");
    private static final byte[] B = ascii("beta");
    private static final byte[] C = ascii("gamma");

    private static byte[] leaf(byte[] x) {
        return Blake2b256.hash(cat(ascii("leaf"), x));
    }

    private static byte[] n(byte[] l, byte[] r) {
        return Blake2b256.hash(cat(ascii("node"), l, r));
    }

    @Test
    void roots() {
        // C([]) = [0^32] (padded to 2^0), N of one item is the item
        assertArrayEquals(ZERO, ConstantDepthMerkle.root(List.of()));
        assertArrayEquals(leaf(A), ConstantDepthMerkle.root(List.of(A)));
        assertArrayEquals(n(leaf(A), leaf(B)), ConstantDepthMerkle.root(List.of(A, B)));
        // three items pad to four: [la, lb, lc, 0]
        assertArrayEquals(n(n(leaf(A), leaf(B)), n(leaf(C), ZERO)), ConstantDepthMerkle.root(List.of(A, B, C)));
    }

    @Test
    void preprocessorPadsToPowerOfTwo() {
        byte[][] c = ConstantDepthMerkle.preprocess(List.of(A, B, C), H);
        assertEquals(4, c.length);
        assertArrayEquals(leaf(C), c[2]);
        assertArrayEquals(ZERO, c[3]);
        assertEquals(1, ConstantDepthMerkle.preprocess(List.of(), H).length);
    }

    @Test
    void justificationsAndPages() {
        List<byte[]> v = List.of(A, B, C);
        // J_0(v, 2): trace of [la, lb, lc, 0] at index 2
        assertPath(List.of(n(leaf(A), leaf(B)), ZERO), ConstantDepthMerkle.justification(v, 2, H));
        assertPath(List.of(n(leaf(C), ZERO), leaf(B)), ConstantDepthMerkle.justification(v, 0, H));
        // J_1(v, 1): trace at 2^1·1 = 2, cut to ⌈log2 3⌉ − 1 = 1 element
        assertPath(List.of(n(leaf(A), leaf(B))), ConstantDepthMerkle.justification(v, 1, 1, H));
        // J_2(v, 0): the single page is the whole tree: no path
        assertPath(List.of(), ConstantDepthMerkle.justification(v, 0, 2, H));
        // L_1 pages
        assertPath(List.of(leaf(A), leaf(B)), ConstantDepthMerkle.leafPage(v, 0, 1, H));
        assertPath(List.of(leaf(C)), ConstantDepthMerkle.leafPage(v, 1, 1, H));
        assertPath(List.of(), ConstantDepthMerkle.leafPage(v, 2, 1, H));
    }
}
