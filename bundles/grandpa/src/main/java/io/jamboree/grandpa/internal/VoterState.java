package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.core.Round;
import io.jamboree.grandpa.internal.core.VoterSet;
import io.jamboree.grandpa.internal.protocol.Messages.VoteMessage;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.Ed25519Public;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a GRANDPA voter (spec/grandpa.md §4, GP §19): the voter set and its base, the round number, the round
 * being played and the last completed one, estimate(r−1) and ghost(r−1), the primary's proposal, the finalized block,
 * the votes kept for later, and the local keys that vote. Its monitor guards every field not marked volatile; the
 * round loop waits on it and whoever changes the state notifies it. Every part of the voter shares this one object.
 */
final class VoterState {
    private static final Logger LOG = LoggerFactory.getLogger(VoterState.class);
    /** Votes for blocks not imported yet kept for later, at most. */
    static final int MAX_PENDING = 4096;

    private final GrandpaStore store;
    private final Keystore keystore;
    private final GossipTiming timing;
    /** The finalized block, readable without the lock (the best-chain rule runs on callers' threads). */
    volatile BlockRef finalizedNow;
    volatile boolean running = true;
    /** The local validator keys that are voters of the current set. */
    volatile List<ValidatorSecrets> ours = List.of();

    // ---- guarded by this ----
    BlockRef finalized;
    VoterSet voters;
    BlockRef setBase;
    long roundNo;
    Round current;
    Round previous;
    /** estimate(r-1) and ghost(r-1) for the round being played. */
    BlockRef prevEstimate;
    BlockRef prevGhost;
    /** The primary's proposal in the current round (spec/grandpa.md §4.2 step 2), or null. */
    BlockRef proposal;
    /** Votes for a later round or for blocks not imported yet (at most {@value #MAX_PENDING}). */
    final List<VoteMessage> pending = new ArrayList<>();

    VoterState(GrandpaStore store, Keystore keystore, GossipTiming timing) {
        this.store = store;
        this.keystore = keystore;
        this.timing = timing;
    }

    /** Writes set, round and finalized block to the node store (restart resumes from it). Holds the lock. */
    void persist() {
        store.save(new GrandpaStore.State(finalized, voters.setId(), setBase, voters.keys(), roundNo));
    }

    /** Takes the keystore's validator keys that are voters of the current set as ours. Holds the lock. */
    void useLocalKeys() {
        List<ValidatorSecrets> mine = new ArrayList<>();
        for (ValidatorSecrets s : keystore.validators()) {
            if (voters.contains(s.ed25519())) {
                mine.add(s);
            }
        }
        ours = mine;
        LOG.info("grandpa: set {}: {} voters, threshold {}; this node votes with {} of them; T = {} ms",
                voters.setId(), voters.size(), voters.threshold(), mine.size(), timing.gossipMs());
    }

    /** Whether {@code k} is one of our voting keys. */
    boolean isOurs(Ed25519Public k) {
        for (ValidatorSecrets s : ours) {
            if (s.ed25519().equals(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Leaves the rounds being played for round {@code next} of the same set, with estimate and ghost of the round
     * before reset to the finalized block. Holds the lock.
     */
    void moveTo(long next) {
        roundNo = next;
        current = null;
        previous = null;
        prevEstimate = finalized;
        prevGhost = finalized;
    }
}
