package io.jamboree.grandpa.internal.core;

import io.jamboree.types.Ed25519Public;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The votes of one stage (prevote or precommit) of a round (spec/grandpa.md §4.1): the first valid vote of each
 * voter, and a second different one that makes the voter an equivocator (at most two kept per voter, as FG does;
 * later ones are ignored). An equivocator's vote leaves the graph; it then counts toward every block (HS "Set of
 * Total Observed Votes"). Signatures are checked by the caller.
 */
final class Tally {
    /** What became of a vote. */
    enum Outcome {
        /** A voter's first vote: counted. */
        ADDED,
        /** The voter's vote was already known: nothing changed. */
        DUPLICATE,
        /** A second, different vote: the voter is now an equivocator. */
        EQUIVOCATION,
        /** A further vote of a known equivocator: ignored. */
        IGNORED,
        /** The key is not a voter of the set. */
        NOT_A_VOTER
    }

    private final VoterSet voters;
    private final Map<Ed25519Public, Integer> index;
    private final SignedMessage[] first;
    private final SignedMessage[] second;
    private final boolean[] inGraph;
    private final VoteGraph graph;
    private int participants;
    private int equivocators;

    Tally(VoterSet voters, BlockRef base, Ancestry ancestry) {
        this.voters = voters;
        this.index = voters.indices();
        this.first = new SignedMessage[voters.size()];
        this.second = new SignedMessage[voters.size()];
        this.inGraph = new boolean[voters.size()];
        this.graph = new VoteGraph(base, ancestry);
    }

    Outcome add(SignedMessage m) {
        Integer i = index.get(m.voter());
        if (i == null) {
            return Outcome.NOT_A_VOTER;
        }
        if (first[i] == null) {
            first[i] = m;
            participants++;
            inGraph[i] = graph.add(m.vote().target().header(), m.vote().slot());
            return Outcome.ADDED;
        }
        if (first[i].vote().equals(m.vote())) {
            return Outcome.DUPLICATE;
        }
        if (second[i] != null) {
            return second[i].vote().equals(m.vote()) ? Outcome.DUPLICATE : Outcome.IGNORED;
        }
        second[i] = m;
        equivocators++;
        if (inGraph[i]) {
            graph.remove(first[i].vote().target().header());
            inGraph[i] = false;
        }
        return Outcome.EQUIVOCATION;
    }

    VoteGraph graph() {
        return graph;
    }

    /** Distinct voters heard in this stage, equivocators included. */
    int participants() {
        return participants;
    }

    /** Voters heard with two different votes. */
    int equivocators() {
        return equivocators;
    }

    /** Votes for {@code n} or a descendant, each equivocator counting as one for every block. */
    int weight(VoteGraph.Node n) {
        return (n == null ? 0 : n.weight) + equivocators;
    }

    /**
     * The most votes {@code n} (null: a block without any vote for it or a descendant) could still get
     * (spec/grandpa.md §4.1 {@code potential}; HS "Total Potential Votes"): its weight, plus the voters not heard
     * yet, plus as many of those who voted elsewhere as could still turn out to be equivocators.
     */
    int potential(VoteGraph.Node n) {
        int direct = n == null ? 0 : n.weight;
        int remaining = voters.size() - participants;
        int elsewhere = participants - equivocators - direct;
        int moreEquivocations = Math.max(0, voters.faulty() - equivocators);
        return direct + equivocators + remaining + Math.min(moreEquivocations, elsewhere);
    }

    /** Every vote kept: the first of each voter, then the second of each equivocator. */
    List<SignedMessage> messages() {
        List<SignedMessage> out = new ArrayList<>();
        for (SignedMessage m : first) {
            if (m != null) {
                out.add(m);
            }
        }
        for (SignedMessage m : second) {
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** The first vote of {@code voter} in this stage, if any. */
    SignedMessage firstOf(Ed25519Public voter) {
        Integer i = index.get(voter);
        return i == null ? null : first[i];
    }

    /** The equivocations seen, as (first, second) pairs. */
    List<SignedMessage[]> equivocations() {
        List<SignedMessage[]> out = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            if (second[i] != null) {
                out.add(new SignedMessage[] {first[i], second[i]});
            }
        }
        return out;
    }
}
