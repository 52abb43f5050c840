package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.core.InvalidMessageException;
import io.jamboree.grandpa.internal.core.Justification;
import io.jamboree.grandpa.internal.core.Round;
import io.jamboree.grandpa.internal.core.SignedMessage;
import io.jamboree.grandpa.internal.core.Target;
import io.jamboree.grandpa.internal.core.Vote;
import io.jamboree.grandpa.internal.core.VoterSet;
import io.jamboree.grandpa.internal.protocol.GrandpaCodec;
import io.jamboree.grandpa.internal.protocol.Messages.CatchUp;
import io.jamboree.grandpa.internal.protocol.Messages.CatchUpRequest;
import io.jamboree.grandpa.internal.protocol.Messages.CommitMessage;
import io.jamboree.grandpa.internal.protocol.Messages.StateMessage;
import io.jamboree.network.PeerId;
import io.jamboree.types.Hash;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeping up with the other voters (spec/grandpa.md §4.6 and §5.2): a peer's CE 151 state message 2 or more rounds
 * ahead makes us ask it for a catch-up (CE 152: the prevotes and precommits of its last completed round, checked and
 * replayed into a {@link Round} that must be completable, after which we play the round after it); a peer behind on
 * finality gets our latest justification as a CE 150 commit; a peer in a later set is asked for warp-sync fragments
 * ({@link WarpSync}). As the CE 152 server we answer with our last completed round when it is ahead of the requester's.
 */
final class RoundCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(RoundCatchUp.class);

    private final VoterState state;
    private final ChainAncestry chain;
    private final GrandpaStore store;
    private final GrandpaCodec codec;
    private final GrandpaGossip gossip;
    private final Finalization finalization;
    private final WarpSync warp;
    // guarded by state
    private final Map<PeerId, Long> catchUpAsked = new HashMap<>();
    private final Map<PeerId, Long> commitSent = new HashMap<>();

    RoundCatchUp(VoterState state, ChainAncestry chain, GrandpaStore store, GrandpaCodec codec, GrandpaGossip gossip,
            Finalization finalization, WarpSync warp) {
        this.state = state;
        this.chain = chain;
        this.store = store;
        this.codec = codec;
        this.gossip = gossip;
        this.finalization = finalization;
        this.warp = warp;
    }

    /** A CE 151 state message: the peer's round. */
    void receiveState(PeerId peer, StateMessage m) {
        long ourRound;
        long ourSet;
        BlockRef fin;
        synchronized (state) {
            if (state.voters == null) {
                return;
            }
            ourRound = state.roundNo;
            ourSet = state.voters.setId();
            fin = state.finalized;
        }
        if (m.setId() == ourSet && m.round() >= ourRound + 2) {
            synchronized (state) {
                Long asked = catchUpAsked.get(peer);
                if (asked != null && asked >= ourRound) {
                    return;
                }
                catchUpAsked.put(peer, ourRound);
            }
            gossip.execute(() -> catchUp(peer, ourRound, ourSet));
        } else if (m.setId() == ourSet && m.finalizedSlot() < fin.slot()) {
            // behind on finality: our latest justification lets it catch up (a commit for a round it may not have)
            synchronized (state) {
                Long sent = commitSent.get(peer);
                if (sent != null && sent >= fin.slot()) {
                    return;
                }
                commitSent.put(peer, fin.slot());
            }
            Optional<byte[]> j = store.justification(fin.hash());
            if (j.isPresent()) {
                Justification just = codec.decodeJustification(j.get());
                if (just.setId() == ourSet) {
                    gossip.send(peer, GrandpaGossip.CE_COMMIT,
                            codec.encode(new CommitMessage(just.round(), just.setId(), just.commit())));
                }
            }
        } else if (m.setId() > ourSet) {
            warp.start(peer, ourSet);
        }
    }

    /** A CE 152 request: the votes of our last completed round, if it is ahead of the requester's. */
    Optional<CatchUp> catchUpFor(CatchUpRequest req) {
        synchronized (state) {
            Round p = state.previous;
            if (state.voters == null || req.setId() != state.voters.setId() || p == null || p.number() <= req.round()) {
                return Optional.empty();
            }
            Optional<Hash> root = chain.stateRoot(p.base().hash());
            if (root.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CatchUp(p.number(), p.prevotes(), p.precommits(),
                    new Vote(new Target(p.base().hash(), root.get()), p.base().slot())));
        }
    }

    private void catchUp(PeerId peer, long ourRound, long ourSet) {
        try {
            byte[] resp = gossip.request(peer, GrandpaGossip.CE_CATCH_UP,
                    codec.encode(new CatchUpRequest(ourRound, ourSet)));
            if (resp == null) {
                return;
            }
            CatchUp cu = codec.decodeCatchUp(resp);
            apply(peer, cu, ourSet);
        } catch (Exception e) {
            LOG.info("grandpa: catch-up from {} failed: {}", peer, e.toString());
            synchronized (state) {
                catchUpAsked.remove(peer);
            }
        }
    }

    private void apply(PeerId peer, CatchUp cu, long set) throws InvalidMessageException {
        synchronized (state) {
            VoterSet voters = state.voters;
            if (voters.setId() != set || cu.round() < state.roundNo) {
                return;
            }
            BlockRef base = cu.base().block();
            if (chain.stateRoot(base.hash()).isEmpty()) {
                throw new InvalidMessageException("catch-up base " + base.hash() + " is unknown here");
            }
            Round r = new Round(cu.round(), voters, base, chain);
            for (SignedMessage m : cu.prevotes()) {
                if (!voters.contains(m.voter()) || !m.verify(cu.round(), set)) {
                    throw new InvalidMessageException("catch-up prevote with a bad signature or voter");
                }
                r.prevote(m);
            }
            for (SignedMessage m : cu.precommits()) {
                if (!voters.contains(m.voter()) || !m.verify(cu.round(), set)) {
                    throw new InvalidMessageException("catch-up precommit with a bad signature or voter");
                }
                r.precommit(m);
            }
            if (r.ghost().isEmpty() || !r.completable()) {
                throw new InvalidMessageException("catch-up round " + cu.round() + " is not completable");
            }
            LOG.info("grandpa: caught up with round {} from {}", cu.round(), peer);
            if (chain.descends(base, state.finalized) || chain.descends(state.finalized, base)) {
                finalization.tryFinalize(r);
            }
            if (state.voters.setId() == set) {
                BlockRef finalized = state.finalized;
                state.previous = r;
                state.prevGhost = r.ghost().filter(g -> chain.descends(g, finalized)).orElse(finalized);
                state.prevEstimate = r.estimate().filter(g -> chain.descends(g, finalized)).orElse(finalized);
                state.roundNo = cu.round() + 1;
                state.current = null;
                state.notifyAll();
            }
        }
    }
}
