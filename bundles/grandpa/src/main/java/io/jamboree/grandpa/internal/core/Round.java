package io.jamboree.grandpa.internal.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one GRANDPA round (spec/grandpa.md §4.1; HS "Completable Round", {@code grandpaGhost},
 * {@code bestFinalCandidate}; FG {@code round::Round}): the prevotes and precommits of a set's voters over a vote
 * graph rooted at the round's base (the last finalized block when the round started), and from them the prevote
 * GHOST, the estimate, completability and the block the precommits finalize.
 *
 * <p>Targets are identified by header hash: the caller checks a vote's state root against the root it computed for
 * that header (GP §19: a vote names header and posterior state root) and its signature before passing it in.
 * Not thread-safe; the voter serialises access.
 */
public final class Round {
    /** What became of a vote passed to {@link #prevote} or {@link #precommit}. */
    public enum Outcome {
        /** Counted. */
        ADDED,
        /** Already known. */
        DUPLICATE,
        /** A second vote of the voter in the stage: it is now an equivocator (see {@link #equivocations()}). */
        EQUIVOCATION,
        /** A third or later vote of an equivocator: ignored. */
        IGNORED,
        /** Not a voter of the set. */
        NOT_A_VOTER
    }

    private final long number;
    private final VoterSet voters;
    private final BlockRef base;
    private final Tally prevotes;
    private final Tally precommits;

    /**
     * @param number   the round number (the first voting round of a set is 1)
     * @param voters   the set's voters
     * @param base     the block every counted vote must descend from
     * @param ancestry the known block tree
     */
    public Round(long number, VoterSet voters, BlockRef base, Ancestry ancestry) {
        this.number = number;
        this.voters = Objects.requireNonNull(voters);
        this.base = Objects.requireNonNull(base);
        this.prevotes = new Tally(voters, base, ancestry);
        this.precommits = new Tally(voters, base, ancestry);
    }

    public long number() {
        return number;
    }

    public VoterSet voters() {
        return voters;
    }

    public BlockRef base() {
        return base;
    }

    /** Counts a prevote (its signature already checked). */
    public Outcome prevote(SignedMessage m) {
        require(m, MessageType.PREVOTE);
        return Outcome.valueOf(prevotes.add(m).name());
    }

    /** Counts a precommit (its signature already checked). */
    public Outcome precommit(SignedMessage m) {
        require(m, MessageType.PRECOMMIT);
        return Outcome.valueOf(precommits.add(m).name());
    }

    private static void require(SignedMessage m, MessageType t) {
        if (m.type() != t) {
            throw new IllegalArgumentException("expected a " + t + ", got a " + m.type());
        }
    }

    /**
     * ghost(r): the highest block with at least {@code threshold} prevotes (equivocators counting for every block),
     * descending from the base; empty while the base itself lacks a supermajority of prevotes.
     */
    public Optional<BlockRef> ghost() {
        return Optional.ofNullable(ghostNode()).map(VoteGraph.Node::ref);
    }

    private VoteGraph.Node ghostNode() {
        int t = voters.threshold();
        VoteGraph g = prevotes.graph();
        return g.ghost(g.base(), n -> prevotes.weight(n) >= t);
    }

    /**
     * estimate(r): the highest block at or below ghost(r) that could still get {@code threshold} precommits
     * ({@link Tally#potential}); the base if none could; empty without a ghost.
     */
    public Optional<BlockRef> estimate() {
        VoteGraph.Node g = ghostNode();
        if (g == null) {
            return Optional.empty();
        }
        int t = voters.threshold();
        for (VoteGraph.Node n = g; n != null; n = n.parent) {
            if (precommits.potential(precommits.graph().node(n.hash)) >= t) {
                return Optional.of(n.ref());
            }
        }
        return Optional.of(base);
    }

    /**
     * Whether the round is completable (FG {@code Round::completable}): a ghost exists, at least {@code threshold}
     * voters precommitted, and either the estimate is a strict ancestor of the ghost, or no child of the ghost can
     * still reach {@code threshold} precommits.
     */
    public boolean completable() {
        VoteGraph.Node g = ghostNode();
        if (g == null || precommits.participants() < voters.threshold()) {
            return false;
        }
        BlockRef est = estimate().orElseThrow();
        if (!est.hash().equals(g.hash)) {
            return true;
        }
        VoteGraph.Node pc = precommits.graph().node(g.hash);
        if (pc == null) {
            return true;
        }
        int t = voters.threshold();
        for (VoteGraph.Node c : pc.children) {
            if (precommits.potential(c) >= t) {
                return false;
            }
        }
        return true;
    }

    /** finalized(r): the highest block with at least {@code threshold} precommits (the precommit GHOST), if any. */
    public Optional<BlockRef> finalized() {
        int t = voters.threshold();
        VoteGraph g = precommits.graph();
        return Optional.ofNullable(g.ghost(g.base(), n -> precommits.weight(n) >= t)).map(VoteGraph.Node::ref);
    }

    /** Prevotes (or precommits) counted for {@code block} or a descendant, equivocators included. */
    public int prevoteWeight(BlockRef block) {
        return prevotes.weight(prevotes.graph().node(block.hash()));
    }

    /** Precommits counted for {@code block} or a descendant, equivocators included. */
    public int precommitWeight(BlockRef block) {
        return precommits.weight(precommits.graph().node(block.hash()));
    }

    /** Distinct voters who prevoted. */
    public int prevoteParticipants() {
        return prevotes.participants();
    }

    /** Distinct voters who precommitted. */
    public int precommitParticipants() {
        return precommits.participants();
    }

    /** Every prevote kept (at most two per voter). */
    public List<SignedMessage> prevotes() {
        return prevotes.messages();
    }

    /** Every precommit kept (at most two per voter). */
    public List<SignedMessage> precommits() {
        return precommits.messages();
    }

    /** Every equivocation seen in this round, prevotes first. */
    public List<Equivocation> equivocations() {
        List<Equivocation> out = new ArrayList<>();
        for (SignedMessage[] p : prevotes.equivocations()) {
            out.add(new Equivocation(voters.setId(), number, p[0].voter(), p[0], p[1]));
        }
        for (SignedMessage[] p : precommits.equivocations()) {
            out.add(new Equivocation(voters.setId(), number, p[0].voter(), p[0], p[1]));
        }
        return out;
    }
}
