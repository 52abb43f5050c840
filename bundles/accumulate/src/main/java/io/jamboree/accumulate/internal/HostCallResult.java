package io.jamboree.accumulate.internal;

/** The host-call result constants (GP 0.7.2 Appendix B.1), as unsigned 64-bit register values. */
final class HostCallResult {
    /** NONE = 2^64 − 1: the item does not exist. */
    static final long NONE = -1L;
    /** WHAT = 2^64 − 2: name unknown. */
    static final long WHAT = -2L;
    /** OOB = 2^64 − 3: memory index not accessible. */
    static final long OOB = -3L;
    /** WHO = 2^64 − 4: index unknown. */
    static final long WHO = -4L;
    /** FULL = 2^64 − 5: storage full or resource already allocated. */
    static final long FULL = -5L;
    /** CORE = 2^64 − 6: core index unknown. */
    static final long CORE = -6L;
    /** CASH = 2^64 − 7: insufficient funds. */
    static final long CASH = -7L;
    /** LOW = 2^64 − 8: gas limit too low. */
    static final long LOW = -8L;
    /** HUH = 2^64 − 9: already solicited, cannot be forgotten, or invalid for the privilege level. */
    static final long HUH = -9L;
    /** OK = 0: general success. */
    static final long OK = 0L;

    private HostCallResult() {}
}
