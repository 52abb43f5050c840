package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.core.MessageType;
import io.jamboree.grandpa.internal.core.Round;
import io.jamboree.grandpa.internal.core.SignedMessage;
import io.jamboree.grandpa.internal.core.VoterSet;
import io.jamboree.grandpa.internal.protocol.GrandpaCodec;
import io.jamboree.grandpa.internal.protocol.Messages.VoteMessage;
import io.jamboree.importer.BlockImporter;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voter's round loop (spec/grandpa.md §4.2, HS {@code playGrandpaRound}; GP §19), on its own thread. Starts set 0
 * from the importer's root (or resumes set, round and finalized block from the node store), then plays rounds: the
 * primary proposes; prevote at t0 + 2T (or when completable) for the {@link PrevoteTarget}; precommit the round's
 * GHOST at t0 + 4T (or when completable) once it is ≥ estimate(r−1); next round once completable. While it waits it
 * re-sends our votes every 8T (peers restarting need them) and retries the votes kept for later.
 *
 * <p>Rounds run on whether or not a new block came, as in the HS algorithm: a node whose own keys reach the threshold
 * completes a round every 4T; with fewer keys and no peers it stays in its first round.
 */
final class RoundLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RoundLoop.class);

    private final VoterState state;
    private final BlockImporter importer;
    private final ChainAncestry chain;
    private final GrandpaStore store;
    private final GrandpaCodec codec;
    private final GossipTiming timing;
    private final GrandpaGossip gossip;
    private final IncomingVotes votes;
    private final VoteCaster caster;
    private final Finalization finalization;
    private final PrevoteTarget prevoteTarget;
    private final Supplier<Optional<Hash>> bestHead;

    RoundLoop(VoterState state, BlockImporter importer, ChainAncestry chain, GrandpaStore store, GrandpaCodec codec,
            GossipTiming timing, GrandpaGossip gossip, IncomingVotes votes, VoteCaster caster,
            Finalization finalization, Supplier<Optional<Hash>> bestHead) {
        this.state = state;
        this.importer = importer;
        this.chain = chain;
        this.store = store;
        this.codec = codec;
        this.timing = timing;
        this.gossip = gossip;
        this.votes = votes;
        this.caster = caster;
        this.finalization = finalization;
        this.prevoteTarget = new PrevoteTarget(chain);
        this.bestHead = bestHead;
    }

    /** The loop's body: waits for a chain, starts, plays rounds until stopped. */
    void run() {
        try {
            while (state.running && importer.bestHead().isEmpty()) {
                Thread.sleep(100);
            }
            start();
            while (state.running) {
                playRound();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (state.running) {
                LOG.error("grandpa: the voter stopped: {}", e.toString(), e);
            }
        }
    }

    private void start() {
        synchronized (state) {
            BlockRef root = chain.root().orElseThrow();
            Optional<GrandpaStore.State> saved = store.load();
            if (saved.isPresent() && chain.stateRoot(saved.get().finalized().hash()).isPresent()) {
                GrandpaStore.State s = saved.get();
                state.finalized = s.finalized();
                state.voters = new VoterSet(s.setId(), s.voters());
                state.setBase = s.setBase();
                state.roundNo = Math.max(1, s.round());
                LOG.info("grandpa: resuming set {} at round {}, finalized {} (slot {})", s.setId(), state.roundNo,
                        state.finalized.hash(), state.finalized.slot());
            } else {
                state.finalized = root;
                state.setBase = root;
                state.voters = new VoterSet(0, chain.validators(root.hash()).orElseThrow(
                        () -> new IllegalStateException("no validators (κ) in the state of " + root.hash())));
                state.roundNo = 1;
                state.persist();
                LOG.info("grandpa: set 0 of {} voters from {} (slot {})", state.voters.size(), root.hash(),
                        root.slot());
            }
            state.prevEstimate = state.finalized;
            state.prevGhost = state.finalized;
            state.finalizedNow = state.finalized;
            state.useLocalKeys();
            finalization.prune(state.finalized);
        }
    }

    private void playRound() throws InterruptedException {
        long n;
        Round r;
        boolean primary;
        synchronized (state) {
            n = state.roundNo;
            Ed25519Public p = state.voters.primary(n);
            primary = state.isOurs(p);
            r = new Round(n, state.voters, state.finalized, chain);
            state.current = r;
            state.proposal = null;
            state.persist();
            votes.retryPending();
        }
        gossip.broadcastState();
        long t0 = System.currentTimeMillis();
        if (primary) {
            caster.propose(n);
        }
        // prevote
        if (!await(r, timing.prevoteAt(t0), r::completable)) {
            return;
        }
        synchronized (state) {
            if (state.current != r) {
                return;
            }
            caster.cast(r, MessageType.PREVOTE, prevoteTarget.of(state, bestHead.get()));
        }
        // precommit: ghost(r) >= estimate(r-1), and t0 + 4T passed or completable
        long lastResend = System.currentTimeMillis();
        while (true) {
            synchronized (state) {
                if (state.current != r || !state.running) {
                    return;
                }
                votes.retryPending();
                Optional<BlockRef> g = r.ghost();
                boolean ghostOk = g.isPresent() && chain.descends(g.get(), state.prevEstimate);
                if (ghostOk && (System.currentTimeMillis() >= timing.precommitAt(t0) || r.completable())) {
                    caster.cast(r, MessageType.PRECOMMIT, g.get());
                    break;
                }
                state.wait(timing.poll());
            }
            lastResend = resendIfStalled(r, lastResend);
        }
        // wait until completable; meanwhile re-send our votes now and then (peers restarting need them)
        while (true) {
            synchronized (state) {
                if (state.current != r || !state.running) {
                    return;
                }
                votes.retryPending();
                finalization.tryFinalize(r);
                if (r.completable()) {
                    BlockRef finalized = state.finalized;
                    state.previous = r;
                    state.prevEstimate = r.estimate().orElse(finalized);
                    state.prevGhost = r.ghost().orElse(finalized);
                    if (!chain.descends(state.prevEstimate, finalized)) {
                        state.prevEstimate = finalized;
                    }
                    if (!chain.descends(state.prevGhost, finalized)) {
                        state.prevGhost = finalized;
                    }
                    state.roundNo = n + 1;
                    LOG.debug("grandpa: round {} of set {} completed: ghost slot {}, estimate slot {}, finalized slot"
                            + " {}", n, state.voters.setId(), state.prevGhost.slot(), state.prevEstimate.slot(),
                            finalized.slot());
                    return;
                }
                state.wait(timing.poll());
            }
            lastResend = resendIfStalled(r, lastResend);
        }
    }

    /** Waits until {@code deadline} or {@code early}; false if the round {@code r} was left meanwhile. */
    private boolean await(Round r, long deadline, BooleanSupplier early) throws InterruptedException {
        synchronized (state) {
            while (state.running && state.current == r) {
                votes.retryPending();
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || early.getAsBoolean()) {
                    return true;
                }
                state.wait(Math.min(left, timing.poll()));
            }
            return false;
        }
    }

    /** After 8T without progress: logs where the round stands and sends our votes (and state) again. */
    private long resendIfStalled(Round r, long last) {
        long now = System.currentTimeMillis();
        if (now - last < timing.resendAfter()) {
            return last;
        }
        List<SignedMessage> mine = new ArrayList<>();
        List<SignedMessage> older = new ArrayList<>();
        long olderRound = -1;
        synchronized (state) {
            LOG.info("grandpa: round {} of set {} waiting: {} prevotes (ghost {}), {} precommits (estimate {},"
                    + " completable {}); previous estimate slot {}, ghost slot {}; finalized slot {}; {} votes pending;"
                    + " {} peers", r.number(), r.voters().setId(), r.prevoteParticipants(),
                    r.ghost().map(BlockRef::slot).orElse(-1L), r.precommitParticipants(),
                    r.estimate().map(BlockRef::slot).orElse(-1L), r.completable(), state.prevEstimate.slot(),
                    state.prevGhost.slot(), state.finalized.slot(), state.pending.size(), gossip.peers());
            for (SignedMessage m : r.prevotes()) {
                if (state.isOurs(m.voter())) {
                    mine.add(m);
                }
            }
            for (SignedMessage m : r.precommits()) {
                if (state.isOurs(m.voter())) {
                    mine.add(m);
                }
            }
            // and our precommits of the round before: a peer still in it needs them to complete it
            Round p = state.previous;
            if (p != null && p.voters().setId() == r.voters().setId() && p.number() < r.number()) {
                olderRound = p.number();
                for (SignedMessage m : p.precommits()) {
                    if (state.isOurs(m.voter())) {
                        older.add(m);
                    }
                }
            }
        }
        for (SignedMessage m : mine) {
            gossip.broadcast(GrandpaGossip.CE_VOTE, codec.encode(new VoteMessage(r.number(), r.voters().setId(), m)));
        }
        for (SignedMessage m : older) {
            gossip.broadcast(GrandpaGossip.CE_VOTE, codec.encode(new VoteMessage(olderRound, r.voters().setId(), m)));
        }
        gossip.broadcastState();
        return now;
    }
}
