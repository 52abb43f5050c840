package io.jamboree.author.internal;

import io.jamboree.types.Hash;
import io.jamboree.types.TicketBody;
import io.jamboree.types.TicketEnvelope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tickets waiting for submission in the current contest (GP 0.7.2 §6.7), sorted by identifier and without
 * duplicates. A contest is named by its epoch and its entropy η'_2 (the epoch too: consecutive epochs may share η'_2,
 * e.g. the all-zero η of a dev genesis, and then the same tickets are valid again): a pool told of another contest
 * forgets its tickets. An entry
 * may lack its envelope (ring proof) until it is selected.
 */
final class TicketPool {

    /** A pooled ticket: its body, its envelope once proven, and (for our own tickets) how to prove it. */
    static final class Entry {
        final TicketBody body;
        final TicketGenerator.Candidate own;
        TicketEnvelope envelope;
        /** For a ticket received from elsewhere: whether the Safrole transition accepted it in this contest. */
        boolean verified;

        Entry(TicketBody body, TicketGenerator.Candidate own, TicketEnvelope envelope) {
            this.body = body;
            this.own = own;
            this.envelope = envelope;
        }
    }

    private final TreeMap<Hash, Entry> byId = new TreeMap<>();
    private long epoch = -1;
    private Hash contest;

    /** Whether the pool holds the contest of {@code epoch} with entropy {@code eta2}. */
    boolean holds(long epoch, Hash eta2) {
        return this.epoch == epoch && eta2.equals(contest);
    }

    /**
     * Starts the contest of {@code epoch} with entropy {@code eta2} (η'_2), forgetting the tickets of any other: ours
     * and the checked ones received from elsewhere. Received tickets not yet checked stay (they may have been sent
     * for this contest before we started it); the check drops them if they belong to another.
     */
    void startContest(long epoch, Hash eta2) {
        if (!holds(epoch, eta2)) {
            byId.values().removeIf(e -> e.own != null || e.verified);
            this.epoch = epoch;
            contest = eta2;
        }
    }

    /** Adds our own ticket (proof made when selected); false if its identifier is already pooled. */
    boolean addOwn(TicketGenerator.Candidate c) {
        return byId.putIfAbsent(c.body().id(), new Entry(c.body(), c, null)) == null;
    }

    /** Adds a proven ticket (e.g. received from a peer); false if its identifier is already pooled. */
    boolean add(TicketBody body, TicketEnvelope envelope) {
        return byId.putIfAbsent(body.id(), new Entry(body, null, envelope)) == null;
    }

    /** The pooled tickets received from elsewhere (not ours) not yet checked in this contest. */
    List<Entry> unverified() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (e.own == null && !e.verified) {
                out.add(e);
            }
        }
        return out;
    }

    /** Drops the ticket with identifier {@code id}. */
    void remove(Hash id) {
        byId.remove(id);
    }

    int size() {
        return byId.size();
    }

    /**
     * The tickets for the next block's tickets extrinsic (eq. 6.30–6.35), ascending by identifier: at most
     * {@code maxPerBlock} (K), none already in {@code accumulator} (γ_a as the block will find it, eq. 6.33), and only
     * ones that enter γ'_a, i.e. rank among the {@code epochLength} (E) lowest identifiers of γ_a and the selection
     * (eq. 6.34–6.35). Pooled tickets already in γ_a are dropped from the pool.
     */
    List<Entry> select(List<TicketBody> accumulator, int epochLength, int maxPerBlock) {
        Set<Hash> inAcc = new HashSet<>();
        for (TicketBody t : accumulator) {
            inAcc.add(t.id());
        }
        byId.keySet().removeIf(inAcc::contains);
        List<Entry> out = new ArrayList<>(maxPerBlock);
        int below = 0; // identifiers of γ_a below the current candidate
        for (Entry e : byId.values()) {
            if (out.size() >= maxPerBlock) {
                break;
            }
            while (below < accumulator.size() && accumulator.get(below).id().compareTo(e.body.id()) < 0) {
                below++;
            }
            if (below + out.size() >= epochLength) {
                break; // this and every later ticket would fall off the end of γ'_a
            }
            out.add(e);
        }
        return out;
    }
}
