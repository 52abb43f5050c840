package io.jamboree.sync.internal;

/**
 * When Safrole tickets travel (JAMNP-S "CE 131/132: Safrole ticket distribution"), in slots of the epoch (the phase,
 * GP §6.1 {@code m}): a validator sends its own tickets to their proxies from {@code max(⌊E/60⌋, 1)} slots after the
 * epoch's connectivity change; a proxy forwards from {@code max(⌊E/20⌋, 1)} slots, evenly spaced until half-way
 * through the lottery ({@code ⌊Y/2⌋}, {@code Y} the contest length, GP §6.7); what arrives later goes out at once.
 *
 * @param epochLength   E
 * @param contestLength Y
 */
record TicketSchedule(int epochLength, int contestLength) {
    TicketSchedule {
        if (epochLength < 1 || contestLength < 1 || contestLength > epochLength) {
            throw new IllegalArgumentException("E = " + epochLength + ", Y = " + contestLength);
        }
    }

    /** The first phase at which own tickets go to their proxies (CE 131). */
    int ownFrom() {
        return Math.max(epochLength / 60, 1);
    }

    /** The first phase at which a proxy forwards (CE 132). */
    int forwardFrom() {
        return Math.max(epochLength / 20, 1);
    }

    /** The phase by which forwarding is done: half-way through the lottery, not before {@link #forwardFrom} + 1. */
    int forwardUntil() {
        return Math.max(contestLength / 2, forwardFrom() + 1);
    }

    /**
     * How many of the {@code held} tickets to forward now, at {@code phase}, {@code released} of them having gone
     * out in this phase already: none before {@link #forwardFrom}, all from {@link #forwardUntil} on, and in between
     * an equal share of what is left per remaining slot.
     */
    int release(int held, int phase, int released) {
        if (held <= 0 || phase < forwardFrom()) {
            return 0;
        }
        int slotsLeft = forwardUntil() - phase;
        if (slotsLeft <= 0) {
            return held;
        }
        // the share of this slot out of what was held at its start (held now + released in it), rounded up
        int quota = (held + released + slotsLeft - 1) / slotsLeft;
        return Math.max(0, Math.min(held, quota - released));
    }
}
