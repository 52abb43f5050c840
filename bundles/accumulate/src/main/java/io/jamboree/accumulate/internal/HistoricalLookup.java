package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.ServiceState;
import io.jamboree.merkle.StateKey;

/**
 * The historical lookup function Λ (GP 0.7.2 §9.2.2, eq. historicallookup): the preimage a_p[h] of a
 * service's account, provided the request status a_l[(h, |a_p[h]|)] says it was available at slot t:
 * I([], t) = ⊥, I([x], t) = x ≤ t, I([x, y], t) = x ≤ t &lt; y, I([x, y, z], t) = x ≤ t &lt; y ∨ z ≤ t.
 * Reads the service accounts as of the lookup anchor (any state no earlier than it, GP B.3).
 */
final class HistoricalLookup {
    private HistoricalLookup() {}

    /** Λ(δ[s], t, h), or null (∅); also null if service {@code s} does not exist. */
    static byte[] lookup(ServiceState d, long s, long t, byte[] h) {
        if (s < 0 || s > 0xFFFF_FFFFL || d.info(s).isEmpty()) return null;
        byte[] p = d.item(StateKey.preimage(s, h)).orElse(null);
        if (p == null) return null;
        long[] l = RequestStatus.decode(d.item(StateKey.request(s, h, p.length)).orElse(null));
        return l != null && available(l, t) ? p : null;
    }

    /** I(l, t): whether the historical status l makes the preimage available at slot t. */
    static boolean available(long[] l, long t) {
        return switch (l.length) {
            case 1 -> l[0] <= t;
            case 2 -> l[0] <= t && t < l[1];
            case 3 -> (l[0] <= t && t < l[1]) || l[2] <= t;
            default -> false;
        };
    }
}
