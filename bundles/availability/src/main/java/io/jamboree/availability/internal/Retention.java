package io.jamboree.availability.internal;

/**
 * Retention of availability data (GP 0.7.2 §14.3, §14.4.1): the audit DA (bundle and bundle shards) is kept until
 * the report is audited, taken here as one epoch after it left ρ (the block making it available is final by then on
 * a live network); the D³L (segment shards and exports) of an available report for 28 days, 672 epochs, after it was
 * first seen; everything of a report that timed out (GP §11.2, eq. 11.17: not available within U slots) one epoch
 * after it left ρ; data a guarantor published that never reached ρ once {@code U} slots and an epoch have passed.
 */
public final class Retention {
    /** GP §14.3: the D³L keeps exports for 28 days, 672 complete epochs. */
    public static final int D3L_EPOCHS = 672;

    private Retention() {}

    /** Where a report stands, as this node saw it. */
    public enum Phase {
        /** Published by this node as guarantor; not seen in ρ yet. */
        PUBLISHED,
        /** Pending in ρ. */
        PENDING,
        /** Left ρ before its timeout: made available (or judged: either way nothing more to assure). */
        AVAILABLE,
        /** Left ρ at or after its timeout, or never reached it. */
        TIMED_OUT
    }

    /** What to do with a report's data at a slot. */
    public enum Action {
        KEEP, DROP_BUNDLE, DROP_ALL
    }

    /**
     * The action for {@code r} at {@code slot} with epochs of {@code epochLength} slots and the assurance timeout
     * {@code u}: for an {@link Phase#AVAILABLE} report the bundle goes one epoch after it left ρ and the rest after
     * {@link #D3L_EPOCHS}; for a timed-out one everything goes one epoch after it left.
     */
    public static Action action(AvailabilityStore.Record r, long slot, int epochLength, int u) {
        return switch (r.phase()) {
            case PENDING -> Action.KEEP;
            case PUBLISHED -> slot >= r.firstSlot() + u + epochLength ? Action.DROP_ALL : Action.KEEP;
            case TIMED_OUT -> slot >= r.leftSlot() + epochLength ? Action.DROP_ALL : Action.KEEP;
            case AVAILABLE -> slot >= r.firstSlot() + (long) D3L_EPOCHS * epochLength ? Action.DROP_ALL
                    : slot >= r.leftSlot() + epochLength ? Action.DROP_BUNDLE : Action.KEEP;
        };
    }

    /**
     * The phase of a report that left ρ at {@code slot}, having been pending with {@code timeout} (the slot it was
     * reported, GP eq. 11.1): timed out when {@code slot ≥ timeout + U} (GP eq. 11.17), else available.
     */
    public static Phase left(long timeout, long slot, int u) {
        return slot >= timeout + u ? Phase.TIMED_OUT : Phase.AVAILABLE;
    }
}
