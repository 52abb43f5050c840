package io.jamboree.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.keystore.DevKeys;
import io.jamboree.network.PeerId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UP 0 rule of JAMNP-S: grid neighbours among validators, anyone with a non-validator. */
final class GridNeighboursTest {
    private static PeerId dev(int i) {
        return PeerId.of(DevKeys.secrets(i).ed25519());
    }

    private static PeerId[] devs(int... idx) {
        PeerId[] out = new PeerId[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = dev(idx[i]);
        }
        return out;
    }

    @Test
    void sixValidatorsInAGridOfWidthTwo() {
        PeerId[] six = devs(0, 1, 2, 3, 4, 5);
        GridNeighbours g = new GridNeighbours(1, List.of(six, six, six));
        // W = floor(sqrt(6)) = 2: rows {0,1} {2,3} {4,5}, columns {0,2,4} {1,3,5}
        boolean[][] expected = new boolean[6][6];
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                expected[a][b] = a != b && (a / 2 == b / 2 || a % 2 == b % 2);
            }
        }
        int pairs = 0;
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                if (a != b) {
                    assertEquals(expected[a][b], g.upStream(dev(a), dev(b)), a + " and " + b);
                    assertEquals(g.upStream(dev(a), dev(b)), g.upStream(dev(b), dev(a)), "symmetric " + a + " " + b);
                    pairs += expected[a][b] ? 1 : 0;
                }
            }
        }
        assertEquals(18, pairs); // 9 unordered pairs: 3 row pairs + 6 column pairs
        assertFalse(g.upStream(dev(0), dev(3)));
        assertFalse(g.upStream(dev(0), dev(5)));
        assertTrue(g.upStream(dev(0), dev(4)));
    }

    @Test
    void aNonValidatorGetsAStreamWithEveryone() {
        PeerId[] six = devs(0, 1, 2, 3, 4, 5);
        GridNeighbours g = new GridNeighbours(1, List.of(six, six, six));
        PeerId outsider = dev(7);
        for (int a = 0; a < 6; a++) {
            assertTrue(g.upStream(dev(a), outsider));
            assertTrue(g.upStream(outsider, dev(a)));
        }
    }

    @Test
    void acrossEpochsTheSameIndexIsANeighbour() {
        // validator 3 of the next set sits where 0 sat: 0 (current index 0) and 3 (next index 0) are neighbours
        PeerId[] cur = devs(0, 1, 2, 4, 5, 6);
        PeerId[] next = devs(3, 1, 2, 4, 5, 6);
        GridNeighbours g = new GridNeighbours(1, List.of(cur, cur, next));
        assertTrue(g.upStream(dev(0), dev(3)));
        // 3 (index 0 next) and 6 (index 5 in both): not the same row (0/2 vs 5/2) or column (0 vs 1), no shared index
        assertFalse(g.upStream(dev(3), dev(6)));
    }

    @Test
    void noSetsYetLetsEveryStreamOpen() {
        assertTrue(GridNeighbours.NONE.upStream(dev(0), dev(3)));
    }
}
