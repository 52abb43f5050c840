package io.jamboree.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The CE 131/132 timing of JAMNP-S for the tiny (E 12, Y 10) and full (E 600, Y 500) parameters. */
final class TicketScheduleTest {
    @Test
    void tinyAndFullBounds() {
        TicketSchedule tiny = new TicketSchedule(12, 10);
        assertEquals(1, tiny.ownFrom()); // max(12/60, 1)
        assertEquals(1, tiny.forwardFrom()); // max(12/20, 1)
        assertEquals(5, tiny.forwardUntil()); // 10/2
        TicketSchedule full = new TicketSchedule(600, 500);
        assertEquals(10, full.ownFrom());
        assertEquals(30, full.forwardFrom());
        assertEquals(250, full.forwardUntil());
        assertThrows(IllegalArgumentException.class, () -> new TicketSchedule(12, 13));
    }

    @Test
    void twelveTicketsSpreadOverTheFourForwardingSlotsOfTiny() {
        TicketSchedule tiny = new TicketSchedule(12, 10);
        assertEquals(0, tiny.release(12, 0, 0)); // before forwardFrom
        int held = 12;
        int[] perSlot = new int[6];
        for (int phase = 0; phase <= 5; phase++) {
            int released = 0;
            for (int tick = 0; tick < 6; tick++) { // several ticks per slot release no more than the slot's share
                int n = tiny.release(held, phase, released);
                held -= n;
                released += n;
            }
            perSlot[phase] = released;
        }
        assertEquals(0, perSlot[0]);
        assertEquals(3, perSlot[1]);
        assertEquals(3, perSlot[2]);
        assertEquals(3, perSlot[3]);
        assertEquals(3, perSlot[4]);
        assertEquals(0, held);
    }

    @Test
    void lateTicketsGoAtOnce() {
        TicketSchedule tiny = new TicketSchedule(12, 10);
        assertEquals(7, tiny.release(7, 5, 0));
        assertEquals(7, tiny.release(7, 9, 0));
        assertEquals(0, tiny.release(0, 9, 0));
    }
}
