package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.core.MessageType;
import io.jamboree.grandpa.internal.core.Round;
import io.jamboree.grandpa.internal.core.SignedMessage;
import io.jamboree.grandpa.internal.core.SigningPayload;
import io.jamboree.grandpa.internal.core.Target;
import io.jamboree.grandpa.internal.core.Vote;
import io.jamboree.grandpa.internal.protocol.GrandpaCodec;
import io.jamboree.grandpa.internal.protocol.Messages.VoteMessage;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.Hash;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own votes (spec/grandpa.md §4.2, §5.1; GP §19): a prevote or precommit by each of our voting keys, recorded
 * durably in the node store before it is signed ({@link GrandpaStore#recordVote}, so a restarted voter never signs a
 * second, different vote), counted in the round and sent to the other voters (CE 149); and the primary's proposal of
 * estimate(r−1) at the start of a round.
 */
final class VoteCaster {
    private static final Logger LOG = LoggerFactory.getLogger(VoteCaster.class);

    private final VoterState state;
    private final ChainAncestry chain;
    private final GrandpaStore store;
    private final GrandpaCodec codec;
    private final GrandpaGossip gossip;
    private final IncomingVotes votes;
    private final Finalization finalization;

    VoteCaster(VoterState state, ChainAncestry chain, GrandpaStore store, GrandpaCodec codec, GrandpaGossip gossip,
            IncomingVotes votes, Finalization finalization) {
        this.state = state;
        this.chain = chain;
        this.store = store;
        this.codec = codec;
        this.gossip = gossip;
        this.votes = votes;
        this.finalization = finalization;
    }

    /** Casts our vote(s) of {@code type} for {@code block} in round {@code r}: recorded durably first, then sent. */
    void cast(Round r, MessageType type, BlockRef block) {
        Optional<Hash> root = chain.stateRoot(block.hash());
        if (root.isEmpty()) {
            LOG.warn("grandpa: no state root for {}: not voting", block.hash());
            return;
        }
        Vote wanted = new Vote(new Target(block.hash(), root.get()), block.slot());
        for (ValidatorSecrets k : state.ours) {
            Vote v = store.recordVote(r.voters().setId(), r.number(), type, k.ed25519(), wanted);
            if (!v.equals(wanted)) {
                LOG.info("grandpa: already voted {} in round {} of set {} (before a restart): keeping that vote",
                        type, r.number(), r.voters().setId());
            }
            SignedMessage m = SigningPayload.sign(type, v, r.number(), r.voters().setId(), k.ed25519SecretSeed(),
                    k.ed25519());
            votes.count(r, m);
            gossip.broadcast(GrandpaGossip.CE_VOTE, codec.encode(new VoteMessage(r.number(), r.voters().setId(), m)));
        }
        LOG.debug("grandpa: {} for slot {} in round {} of set {}", type, block.slot(), r.number(),
                r.voters().setId());
        if (type == MessageType.PRECOMMIT) {
            finalization.tryFinalize(r);
        }
    }

    /** As the primary of round {@code n}: proposes estimate(r−1) when it is above the finalized block. */
    void propose(long n) {
        BlockRef p;
        synchronized (state) {
            if (state.current == null || state.current.number() != n || state.prevEstimate.equals(state.finalized)
                    || !chain.descends(state.prevEstimate, state.finalized)) {
                return;
            }
            p = state.prevEstimate;
        }
        Optional<Hash> root = chain.stateRoot(p.hash());
        if (root.isEmpty()) {
            return;
        }
        Vote v = new Vote(new Target(p.hash(), root.get()), p.slot());
        for (ValidatorSecrets k : state.ours) {
            if (k.ed25519().equals(state.voters.primary(n))) {
                SignedMessage m = SigningPayload.sign(MessageType.PRIMARY_PROPOSE, v, n, state.voters.setId(),
                        k.ed25519SecretSeed(), k.ed25519());
                gossip.broadcast(GrandpaGossip.CE_VOTE, codec.encode(new VoteMessage(n, state.voters.setId(), m)));
            }
        }
    }
}
