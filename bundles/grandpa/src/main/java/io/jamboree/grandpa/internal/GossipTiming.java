package io.jamboree.grandpa.internal;

import io.jamboree.core.ChainParams;
import java.util.Map;

/**
 * The voter's timers (spec/grandpa.md §6, GP §19): the gossip delay T and the instants of a round derived from it —
 * prevote at t0 + 2T, precommit at t0 + 4T, votes re-sent after 8T without progress, the lock polled every T/4.
 *
 * <p>T is 1 s for 6 s slots (Polkadot's {@code gossip_duration}); the spec gives it in time, not slots, but dev
 * networks run slots of a second, where a round of 4T would span four slots, so we take <b>T = slot / 6</b> (1 s at
 * the chain's 6 s, 166 ms at 1 s slots), at least {@value #MIN_GOSSIP_MS} ms. {@code gossipMs} overrides it.
 *
 * @param gossipMs T in milliseconds
 */
record GossipTiming(long gossipMs) {
    /** The shortest gossip delay T. */
    static final long MIN_GOSSIP_MS = 100;

    /** T from the voter's configuration: {@code gossipMs}, else {@code slotMs} / 6, else the chain's slot / 6. */
    static GossipTiming of(Map<String, Object> config, ChainParams p) {
        Object g = config.get("gossipMs");
        if (g != null && !g.toString().isBlank()) {
            return new GossipTiming(Math.max(MIN_GOSSIP_MS, Long.parseLong(g.toString().trim())));
        }
        Object s = config.get("slotMs");
        long slot = s != null && !s.toString().isBlank() ? Long.parseLong(s.toString().trim()) : p.slotSeconds() * 1000L;
        return new GossipTiming(Math.max(MIN_GOSSIP_MS, slot / 6));
    }

    /** @return when a round started at {@code t0} prevotes at the latest (t0 + 2T) */
    long prevoteAt(long t0) {
        return t0 + 2 * gossipMs;
    }

    /** @return when a round started at {@code t0} may precommit (t0 + 4T, unless completable before) */
    long precommitAt(long t0) {
        return t0 + 4 * gossipMs;
    }

    /** @return how long the voter waits on its lock between checks of a round (T/4) */
    long poll() {
        return gossipMs / 4 + 1;
    }

    /** @return after how long without progress our votes are sent again (8T) */
    long resendAfter() {
        return 8 * gossipMs;
    }
}
