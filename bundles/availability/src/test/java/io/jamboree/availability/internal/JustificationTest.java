package io.jamboree.availability.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.codec.CodecException;
import io.jamboree.erasure.AvailabilityChunks;
import io.jamboree.merkle.BinaryMerkle;
import io.jamboree.merkle.HashFunction;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Justifications against the merkle bundle's M_B and the erasure roots the erasure bundle computes. */
final class JustificationTest {

    @Test
    void everyLeafOfEveryTreeSizeGivesTheRoot() {
        Random r = new Random(1);
        for (int n = 1; n <= 40; n++) {
            byte[][] items = new byte[n][];
            for (int i = 0; i < n; i++) {
                items[i] = new byte[64];
                r.nextBytes(items[i]);
            }
            byte[] root = BinaryMerkle.wellBalancedRoot(items, HashFunction.BLAKE2B_256);
            for (int i = 0; i < n; i++) {
                Justification j = Justification.trace(items, i, 1);
                assertEquals(Justification.depth(i, n), j.steps().size());
                assertArrayEquals(root, j.root(items[i], i, n), "n=" + n + " i=" + i);
                Justification back = Justification.decode(j.encode(), 12);
                assertArrayEquals(root, back.root(items[i], i, n));
                if (n > 1) {
                    // another leaf, or the right leaf at another index, does not give the root
                    assertFalse(Arrays.equals(root, j.root(items[(i + 1) % n], i, n)));
                }
            }
        }
    }

    @Test
    void erasureRootOfTinyAndFullChunks() {
        for (var p : new io.jamboree.core.ChainParams[] {TestPackages.TINY, io.jamboree.core.ChainParams.full()}) {
            TestPackages.Bundle b = TestPackages.bundle(p, 5000, 3, 2);
            AvailabilityChunks c = TestPackages.SPECIFIER.chunks(p, b.bundle(), b.exports());
            for (int v : new int[] {0, 1, p.validatorsCount() / 2, p.validatorsCount() - 1}) {
                Justification j = Justification.trace(c.leaves(), v, 1);
                assertArrayEquals(c.erasureRoot(), j.root(c.leaves()[v], v, p.validatorsCount()));
            }
        }
    }

    @Test
    void badInputIsRefused() {
        assertThrows(CodecException.class, () -> Justification.decode(new byte[] {3}, 12), "unknown discriminator");
        assertThrows(CodecException.class, () -> Justification.decode(new byte[] {0, 1, 2}, 12), "truncated hash");
        assertThrows(CodecException.class, () -> Justification.decode(new byte[1 + 65 * 33], 12), "too long");
        byte[] twelve = new byte[13];
        twelve[0] = 2;
        assertEquals(12, Justification.decode(twelve, 12).steps().get(0).value().length);
        Justification j = Justification.trace(new byte[][] {new byte[64], new byte[64], new byte[64]}, 0, 1);
        assertNull(j.root(new byte[64], 0, 8), "wrong depth");
        assertNull(j.root(new byte[64], 3, 3), "index out of range");
        assertTrue(j.steps().size() == 2);
    }
}
