package io.jamboree.stf.safrole;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Z, the outside-in sequencer (GP §6.5, eq. 6.25): [s_0, s_{|s|−1}, s_1, s_{|s|−2}, …], worked by hand. */
class SlotKeySequenceTest {

    @Test
    void outsideInEven() {
        assertEquals(List.of(0, 5, 1, 4, 2, 3), SlotKeySequence.outsideIn(List.of(0, 1, 2, 3, 4, 5)));
    }

    @Test
    void outsideInOdd() {
        assertEquals(List.of(0, 4, 1, 3, 2), SlotKeySequence.outsideIn(List.of(0, 1, 2, 3, 4)));
    }

    @Test
    void outsideInTrivial() {
        assertEquals(List.of(), SlotKeySequence.outsideIn(List.<Integer>of()));
        assertEquals(List.of(7), SlotKeySequence.outsideIn(List.of(7)));
    }
}
