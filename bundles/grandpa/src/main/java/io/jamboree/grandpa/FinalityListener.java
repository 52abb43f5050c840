package io.jamboree.grandpa;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears of finalized blocks (whiteboard pattern): every registered service is called once for each new latest
 * finalized block, in order, on a thread of the GRANDPA voter; it must return quickly and not throw.
 */
@ConsumerType
public interface FinalityListener {
    /** {@code block} (and every ancestor of it) is now final. */
    void finalized(FinalizedBlock block);
}
