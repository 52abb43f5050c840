package io.jamboree.availability.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.availability.internal.Retention.Action;
import io.jamboree.availability.internal.Retention.Phase;
import io.jamboree.types.Hash;
import org.junit.jupiter.api.Test;

/** GP §14 retention: audit data one epoch after leaving ρ, D³L 672 epochs, timed-out reports dropped. */
final class RetentionTest {
    private static final Hash Z = new Hash(new byte[32]);
    private static final int E = 12;
    private static final int U = 5;

    private static AvailabilityStore.Record rec(Phase p, long first, long timeout, long left) {
        return new AvailabilityStore.Record(Z, Z, first, p, timeout, left);
    }

    @Test
    void phases() {
        assertEquals(Phase.AVAILABLE, Retention.left(100, 104, U));
        assertEquals(Phase.TIMED_OUT, Retention.left(100, 105, U));
    }

    @Test
    void actions() {
        assertEquals(Action.KEEP, Retention.action(rec(Phase.PENDING, 0, 0, 0), 1_000_000, E, U));
        assertEquals(Action.KEEP, Retention.action(rec(Phase.AVAILABLE, 100, 100, 102), 113, E, U));
        assertEquals(Action.DROP_BUNDLE, Retention.action(rec(Phase.AVAILABLE, 100, 100, 102), 114, E, U));
        assertEquals(Action.DROP_BUNDLE, Retention.action(rec(Phase.AVAILABLE, 100, 100, 102),
                100 + 672 * E - 1, E, U));
        assertEquals(Action.DROP_ALL, Retention.action(rec(Phase.AVAILABLE, 100, 100, 102), 100 + 672 * E, E, U));
        assertEquals(Action.KEEP, Retention.action(rec(Phase.TIMED_OUT, 100, 100, 105), 116, E, U));
        assertEquals(Action.DROP_ALL, Retention.action(rec(Phase.TIMED_OUT, 100, 100, 105), 117, E, U));
        assertEquals(Action.KEEP, Retention.action(rec(Phase.PUBLISHED, 100, 0, 0), 116, E, U));
        assertEquals(Action.DROP_ALL, Retention.action(rec(Phase.PUBLISHED, 100, 0, 0), 117, E, U));
    }
}
