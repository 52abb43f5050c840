package io.jamboree.grandpa.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.types.Ed25519Public;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GHOST, estimate, completability and finality on a hand-built fork (spec/grandpa.md §4.1), six voters
 * (threshold 5, f = 1). Every expected value is worked out by hand in the comments.
 *
 * <pre>
 *   G(0) - A(1) - B(2) - C(3)
 *             \
 *              X(3) - Y(4)
 * </pre>
 */
class RoundTest {
    TestChain t;
    BlockRef g;
    BlockRef a;
    BlockRef b;
    BlockRef c;
    BlockRef x;
    BlockRef y;
    Round r;

    @BeforeEach
    void tree() {
        t = new TestChain(6);
        g = t.block("G", 0, null);
        a = t.block("A", 1, g);
        b = t.block("B", 2, a);
        c = t.block("C", 3, b);
        x = t.block("X", 3, a);
        y = t.block("Y", 4, x);
        r = new Round(1, t.voters, g, t);
    }

    @Test
    void thresholds() {
        assertEquals(5, t.voters.threshold());
        assertEquals(1, t.voters.faulty());
        List<Ed25519Public> many = new ArrayList<>();
        for (int i = 0; i < 1023; i++) {
            byte[] k = new byte[32];
            k[0] = (byte) (i + 1);
            k[1] = (byte) ((i + 1) >> 8);
            many.add(new Ed25519Public(k));
        }
        VoterSet full = new VoterSet(0, many);
        assertEquals(683, full.threshold());
        assertEquals(340, full.faulty());
    }

    @Test
    void ghostNeedsSupermajority() {
        // 3 for C: w(G)=3 < 5: no ghost at all
        for (int i = 0; i < 3; i++) {
            r.prevote(t.prevote(i, c));
        }
        assertEquals(Optional.empty(), r.ghost());
        r.prevote(t.prevote(3, b));
        r.prevote(t.prevote(4, b));
        // w(B)=5 -> ghost B (C has 3)
        assertEquals(Optional.of(b), r.ghost());
        r.prevote(t.prevote(5, y));
        // w(A)=6, w(B)=5, w(X)=1: still B
        assertEquals(Optional.of(b), r.ghost());
        assertEquals(6, r.prevoteWeight(a));
        assertEquals(5, r.prevoteWeight(b));
        assertEquals(3, r.prevoteWeight(c));
        assertEquals(1, r.prevoteWeight(x));
        // no precommit yet: every block can still get 6, so the estimate is the ghost; not completable
        assertEquals(Optional.of(b), r.estimate());
        assertFalse(r.completable());
        assertEquals(Optional.empty(), r.finalized());
    }

    private void prevotesForB() {
        for (int i = 0; i < 5; i++) {
            r.prevote(t.prevote(i, b));
        }
        r.prevote(t.prevote(5, y));
    }

    @Test
    void completableWhenGhostFinalized() {
        prevotesForB();
        for (int i = 0; i < 4; i++) {
            r.precommit(t.precommit(i, b));
        }
        // 4 participants < 5: not completable, nothing final
        assertFalse(r.completable());
        assertEquals(Optional.empty(), r.finalized());
        r.precommit(t.precommit(4, b));
        // w_pc(B)=5: B final; potential(B)=5+0+1+min(1,0)=6 -> estimate B = ghost; B has no precommitted child
        assertEquals(Optional.of(b), r.finalized());
        assertEquals(Optional.of(b), r.estimate());
        assertTrue(r.completable());
    }

    @Test
    void estimateBelowGhostWhenPrecommitsSplit() {
        prevotesForB();
        for (int i = 0; i < 3; i++) {
            r.precommit(t.precommit(i, b));
        }
        for (int i = 3; i < 6; i++) {
            r.precommit(t.precommit(i, y));
        }
        // potential(B) = 3 + 0 + 0 + min(1, 3) = 4 < 5; potential(A) = 6 -> estimate A, strictly below ghost B
        assertEquals(Optional.of(b), r.ghost());
        assertEquals(Optional.of(a), r.estimate());
        assertTrue(r.completable());
        // precommit GHOST: w(A) = 6, w(B) = 3, w(X) = 3 -> A final
        assertEquals(Optional.of(a), r.finalized());
    }

    @Test
    void notCompletableWhileAChildOfTheGhostCanStillWin() {
        prevotesForB();
        for (int i = 0; i < 3; i++) {
            r.precommit(t.precommit(i, c));
        }
        r.precommit(t.precommit(3, b));
        r.precommit(t.precommit(4, b));
        // participants 5; potential(B) = 5 + 1 + min(1, 0) = 6 -> estimate B = ghost;
        // child C: potential = 3 + 0 + 1 + min(1, 5 - 3) = 5 >= 5 -> C may still be finalized: not completable
        assertEquals(Optional.of(b), r.estimate());
        assertFalse(r.completable());
        assertEquals(Optional.of(b), r.finalized());
        // the sixth voter precommits Y: C's potential drops to 3 + 0 + 0 + min(1, 3) = 4 -> completable
        r.precommit(t.precommit(5, y));
        assertTrue(r.completable());
    }

    @Test
    void equivocatorCountsForEveryBlock() {
        for (int i = 1; i < 5; i++) {
            r.prevote(t.prevote(i, b));
        }
        assertEquals(Round.Outcome.ADDED, r.prevote(t.prevote(0, y)));
        // w(B) = 4, w(A) = 5 -> ghost A
        assertEquals(Optional.of(a), r.ghost());
        assertEquals(Round.Outcome.DUPLICATE, r.prevote(t.prevote(0, y)));
        assertEquals(Round.Outcome.EQUIVOCATION, r.prevote(t.prevote(0, c)));
        // voter 0 leaves the graph and counts for every block: w(B) = 4 + 1 = 5 -> ghost B; w(Y) = 0 + 1
        assertEquals(Optional.of(b), r.ghost());
        assertEquals(5, r.prevoteWeight(b));
        assertEquals(1, r.prevoteWeight(y));
        assertEquals(Round.Outcome.IGNORED, r.prevote(t.prevote(0, x)));
        assertEquals(1, r.equivocations().size());
        Equivocation e = r.equivocations().get(0);
        assertEquals(t.voters.keys().get(0), e.voter());
        assertEquals(MessageType.PREVOTE, e.stage());
        assertEquals(y.hash(), e.first().vote().target().header());
        assertEquals(c.hash(), e.second().vote().target().header());
        assertEquals(6, r.prevotes().size(), "five first votes and the equivocator's second");
        assertEquals(5, r.prevoteParticipants());
    }

    @Test
    void equivocatedPrecommitsCannotBlockFinality() {
        prevotesForB();
        // voter 5 precommits B and Y; voters 0..3 precommit B: 4 honest + 1 equivocator = 5 for B
        for (int i = 0; i < 4; i++) {
            r.precommit(t.precommit(i, b));
        }
        r.precommit(t.precommit(5, b));
        r.precommit(t.precommit(5, y));
        assertEquals(1, r.equivocations().size());
        assertEquals(Optional.of(b), r.finalized());
        // participants 5, equivocators 1: potential(B) = 4 + 1 + 1 + min(0, 0) = 6 -> estimate B, no child: completable
        assertTrue(r.completable());
    }

    @Test
    void votesNotDescendingFromTheBaseAddNoWeight() {
        Round fromB = new Round(2, t.voters, b, t);
        for (int i = 0; i < 5; i++) {
            fromB.prevote(t.prevote(i, y));
        }
        // Y is on the other fork: nothing reaches B's supermajority
        assertEquals(Optional.empty(), fromB.ghost());
        assertEquals(5, fromB.prevoteParticipants());
        assertEquals(0, fromB.prevoteWeight(b));
    }

    @Test
    void strangersAreNotVoters() {
        TestChain other = new TestChain(7);
        assertEquals(Round.Outcome.NOT_A_VOTER, r.prevote(other.prevote(6, b)));
        assertEquals(0, r.prevoteParticipants());
    }

    @Test
    void primaryRotatesOverSortedKeys() {
        List<Ed25519Public> sorted = new ArrayList<>(t.voters.keys());
        sorted.sort(null);
        for (long round = 0; round < 12; round++) {
            assertEquals(sorted.get((int) (round % 6)), t.voters.primary(round));
        }
    }
}
