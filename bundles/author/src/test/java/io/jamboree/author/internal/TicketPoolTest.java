package io.jamboree.author.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.types.Hash;
import io.jamboree.types.TicketBody;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticket pool selection (GP §6.7, eq. 6.30–6.35) on hand-made identifiers. */
class TicketPoolTest {
    private static final Hash CONTEST = id(0xEE);

    private static Hash id(int first) {
        byte[] b = new byte[32];
        b[0] = (byte) first;
        return new Hash(b);
    }

    private static TicketBody t(int first) {
        return new TicketBody(id(first), 0);
    }

    private static TicketPool pool(int... ids) {
        TicketPool p = new TicketPool();
        p.startContest(1, CONTEST);
        for (int i : ids) {
            p.add(t(i), null);
        }
        for (TicketPool.Entry e : p.unverified()) {
            e.verified = true; // as if the Safrole check had accepted them
        }
        return p;
    }

    private static List<Integer> firsts(List<TicketPool.Entry> es) {
        List<Integer> out = new ArrayList<>();
        for (TicketPool.Entry e : es) {
            out.add(e.body.id().bytes()[0] & 0xFF);
        }
        return out;
    }

    @Test
    void sortedDeduplicatedAtMostK() {
        TicketPool p = pool(0x50, 0x10, 0x30, 0x20);
        assertFalse(p.add(t(0x30), null), "duplicate identifier");
        assertEquals(4, p.size());
        assertEquals(List.of(0x10, 0x20, 0x30), firsts(p.select(List.of(), 12, 3)));
    }

    @Test
    void skipsTicketsAlreadyInTheAccumulator() {
        TicketPool p = pool(0x10, 0x20, 0x30);
        assertEquals(List.of(0x10, 0x30), firsts(p.select(List.of(t(0x05), t(0x20)), 12, 3)));
        assertEquals(2, p.size(), "the one already in γ_a is dropped from the pool");
    }

    @Test
    void onlyTicketsThatEnterAFullAccumulator() {
        // E = 4, γ_a full with 0x20 0x40 0x60 0x80: 0x10 and 0x50 enter (displacing 0x80 and 0x60), 0x70 and 0x90 not
        List<TicketBody> acc = List.of(t(0x20), t(0x40), t(0x60), t(0x80));
        TicketPool p = pool(0x90, 0x70, 0x50, 0x10);
        assertEquals(List.of(0x10, 0x50), firsts(p.select(acc, 4, 3)));
        // room for one more: 0x10 enters and pushes 0x70 out of the E lowest
        assertEquals(List.of(0x10), firsts(pool(0x70, 0x10).select(List.of(t(0x20), t(0x40), t(0x60)), 4, 3)));
        assertEquals(List.of(0x70), firsts(pool(0x70).select(List.of(t(0x20), t(0x40), t(0x60)), 4, 3)));
    }

    @Test
    void newContestForgetsTheOldTickets() {
        TicketPool p = pool(0x10, 0x20);
        p.startContest(1, CONTEST);
        assertEquals(2, p.size(), "same contest keeps the tickets");
        p.startContest(2, CONTEST);
        assertEquals(0, p.size(), "the next epoch is another contest, even with the same entropy");
        p.add(t(0x10), null);
        p.startContest(2, id(0xEF));
        assertEquals(1, p.size(), "a received ticket not checked yet stays: it may be for the new contest");
        p.unverified().get(0).verified = true;
        p.startContest(3, id(0xEF));
        assertEquals(0, p.size());
        assertTrue(p.select(List.of(), 12, 3).isEmpty());
    }
}
