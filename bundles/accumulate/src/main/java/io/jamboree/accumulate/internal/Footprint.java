package io.jamboree.accumulate.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.types.ServiceInfo;

/**
 * Account footprint and threshold balance (GP 0.7.2 §9.3, eq. 9.8): a_i = 2·|a_l| + |a_s|,
 * a_o = Σ(81 + z) over requests + Σ(34 + |k| + |v|) over storage, and
 * a_t = max(0, B_S + B_I·a_i + B_L·a_o − a_f). Saturates at 2^63 − 1 instead of overflowing.
 */
final class Footprint {
    /** Octets counted per preimage request besides its length z. */
    static final long REQUEST_OVERHEAD = 81;
    /** Octets counted per storage item besides its key and value. */
    static final long STORAGE_OVERHEAD = 34;

    private Footprint() {}

    /**
     * {@code octets + more} for an octet count a_o and an addition taken as unsigned 64-bit naturals; a sum of
     * 2^63 or more saturates at 2^63 − 1 (whose threshold then saturates too).
     */
    static long addOctets(long octets, long more) {
        long s = octets + more;
        return octets < 0 || more < 0 || s < 0 ? Long.MAX_VALUE : s;
    }

    /** a_t for the given items, octets and gratis offset. */
    static long threshold(ChainParams p, long items, long octets, long gratis) {
        long t;
        try {
            t = Math.addExact(Math.addExact(p.baseDeposit(), Math.multiplyExact(p.itemDeposit(), items)),
                    Math.multiplyExact(p.byteDeposit(), octets));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        if (t < 0) return Long.MAX_VALUE;
        return Long.compareUnsigned(t, gratis) <= 0 ? 0 : t - gratis;
    }

    /** a_t of an account. */
    static long threshold(ChainParams p, ServiceInfo a) {
        return threshold(p, a.items(), a.bytes(), a.depositOffset());
    }

    /** Whether the account's balance is below its threshold (a_b < a_t). */
    static boolean belowThreshold(ChainParams p, ServiceInfo a) {
        return Long.compareUnsigned(a.balance(), threshold(p, a)) < 0;
    }
}
