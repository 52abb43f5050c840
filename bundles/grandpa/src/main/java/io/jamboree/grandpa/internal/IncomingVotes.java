package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.core.MessageType;
import io.jamboree.grandpa.internal.core.Round;
import io.jamboree.grandpa.internal.core.SignedMessage;
import io.jamboree.grandpa.internal.core.Vote;
import io.jamboree.grandpa.internal.protocol.Messages.VoteMessage;
import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Votes of the voters (spec/grandpa.md §4.2 and §5.2, CE 149): a signed prevote or precommit of the current or the
 * previous round is counted in that {@link Round} (equivocations reported), a precommit may finalize; the primary's
 * proposal is noted for the prevote; a vote for a later round (up to 2 ahead) or for a block not imported yet is kept
 * (at most {@value VoterState#MAX_PENDING}) and retried whenever the voter looks at its round again.
 */
final class IncomingVotes {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingVotes.class);

    private final VoterState state;
    private final ChainAncestry chain;
    private final Finalization finalization;
    private final IncomingCommits commits;
    private final Equivocations equivocations;

    IncomingVotes(VoterState state, ChainAncestry chain, Finalization finalization, IncomingCommits commits,
            Equivocations equivocations) {
        this.state = state;
        this.chain = chain;
        this.finalization = finalization;
        this.commits = commits;
        this.equivocations = equivocations;
    }

    /** A CE 149 vote from {@code peer}. */
    void receive(PeerId peer, VoteMessage m) throws ProtocolViolationException {
        synchronized (state) {
            if (state.voters == null || m.setId() != state.voters.setId()) {
                return; // another set: the state messages sort that out
            }
            if (!state.voters.contains(m.message().voter())) {
                throw new ProtocolViolationException("CE 149: vote by " + m.message().voter() + ", not a voter of set "
                        + m.setId());
            }
            if (!m.message().verify(m.round(), m.setId())) {
                throw new ProtocolViolationException("CE 149: bad signature by " + m.message().voter() + " in round "
                        + m.round());
            }
            accept(m);
        }
    }

    /** Counts a checked vote, or keeps it for later. Holds the lock. */
    private void accept(VoteMessage m) {
        long roundNo = state.roundNo;
        Round previous = state.previous;
        Round r = m.round() == roundNo ? state.current : previous != null && previous.number() == m.round() ? previous
                : null;
        List<VoteMessage> pending = state.pending;
        if (m.round() > roundNo || (r == null && m.round() == roundNo)) {
            if (m.round() <= roundNo + 2 && pending.size() < VoterState.MAX_PENDING) {
                pending.add(m);
            }
            return;
        }
        if (r == null) {
            return;
        }
        Vote v = m.message().vote();
        Optional<Hash> root = chain.stateRoot(v.target().header());
        if (root.isEmpty()) {
            if (pending.size() < VoterState.MAX_PENDING) {
                pending.add(m); // the block is not imported yet
            }
            return;
        }
        if (!root.get().equals(v.target().stateRoot())) {
            LOG.info("grandpa: vote by {} names {} with state root {}, ours is {}: ignored", m.message().voter(),
                    v.target().header(), v.target().stateRoot(), root.get());
            return;
        }
        if (m.message().type() == MessageType.PRIMARY_PROPOSE) {
            if (r == state.current && m.message().voter().equals(state.voters.primary(m.round()))) {
                state.proposal = v.block();
            }
            return;
        }
        count(r, m.message());
        if (m.message().type() == MessageType.PRECOMMIT) {
            finalization.tryFinalize(r);
        }
    }

    /** Counts a vote (ours or a peer's) in round {@code r} and wakes the round loop. Holds the lock. */
    void count(Round r, SignedMessage m) {
        Round.Outcome o = m.type() == MessageType.PREVOTE ? r.prevote(m) : r.precommit(m);
        if (o == Round.Outcome.EQUIVOCATION) {
            equivocations.report(r, m);
        }
        state.notifyAll();
    }

    /** Retries the votes kept for later, and asks for the justifications wanted (CE 130). Holds the lock. */
    void retryPending() {
        commits.askJustifications();
        List<VoteMessage> pending = state.pending;
        if (pending.isEmpty()) {
            return;
        }
        List<VoteMessage> again = new ArrayList<>(pending);
        pending.clear();
        for (VoteMessage m : again) {
            if (m.setId() == state.voters.setId() && m.round() + 1 >= state.roundNo) {
                accept(m);
            }
        }
    }
}
