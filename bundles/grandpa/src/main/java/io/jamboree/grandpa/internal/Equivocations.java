package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.core.Equivocation;
import io.jamboree.grandpa.internal.core.Round;
import io.jamboree.grandpa.internal.core.SignedMessage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Equivocations seen by the voter (spec/grandpa.md §4.4, GP §19): a voter signing two different votes of one stage in
 * one round. {@link Round} detects them (the voter then counts for every block of that stage); this counts them and
 * reports each at WARN with both votes.
 */
final class Equivocations {
    private static final Logger LOG = LoggerFactory.getLogger(Equivocations.class);
    private final AtomicLong seen = new AtomicLong();

    /** Records that {@code m} made its voter an equivocator in round {@code r}. */
    void report(Round r, SignedMessage m) {
        seen.incrementAndGet();
        for (Equivocation e : r.equivocations()) {
            if (e.voter().equals(m.voter()) && e.stage() == m.type()) {
                LOG.warn("grandpa: EQUIVOCATION by voter {} in round {} of set {}: {} for {} (slot {}) and for {}"
                        + " (slot {}); it now counts for every block of that stage", e.voter(), e.round(),
                        e.setId(), e.stage(), e.first().vote().target().header(), e.first().vote().slot(),
                        e.second().vote().target().header(), e.second().vote().slot());
            }
        }
    }

    /** @return the equivocations seen so far */
    long count() {
        return seen.get();
    }
}
