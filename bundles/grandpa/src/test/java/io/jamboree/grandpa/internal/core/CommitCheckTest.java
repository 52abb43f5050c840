package io.jamboree.grandpa.internal.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.types.Ed25519Signature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commit validation (spec/grandpa.md §4.3) on the fork G - A - B - C, A - X. */
class CommitCheckTest {
    final TestChain t = new TestChain(6);
    final BlockRef g = t.block("G", 0, null);
    final BlockRef a = t.block("A", 1, g);
    final BlockRef b = t.block("B", 2, a);
    final BlockRef c = t.block("C", 3, b);
    final BlockRef x = t.block("X", 3, a);

    private List<SignedMessage> precommits(int n, BlockRef to) {
        List<SignedMessage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(t.precommit(i, to));
        }
        return out;
    }

    private String fails(Commit c, long round, long set) {
        return assertThrows(InvalidMessageException.class, () -> CommitCheck.verify(c, round, set, t.voters, t))
                .getMessage();
    }

    @Test
    void fivePrecommitsOnTargetOrDescendantsJustify() {
        List<SignedMessage> pcs = precommits(3, b);
        pcs.add(t.precommit(3, c));
        pcs.add(t.precommit(4, c));
        assertDoesNotThrow(() -> CommitCheck.verify(new Commit(t.vote(b), pcs), 1, 0, t.voters, t));
    }

    @Test
    void fourAreTooFew() {
        assertTrue(fails(new Commit(t.vote(b), precommits(4, b)), 1, 0).contains("threshold"));
    }

    @Test
    void wrongRoundOrSetBreaksSignatures() {
        assertTrue(fails(new Commit(t.vote(b), precommits(5, b)), 2, 0).contains("signature"));
        assertTrue(fails(new Commit(t.vote(b), precommits(5, b)), 1, 1).contains("set"));
    }

    @Test
    void tamperedSignatureIsRejected() {
        List<SignedMessage> pcs = precommits(5, b);
        SignedMessage m = pcs.get(2);
        byte[] sig = m.signature().bytes();
        sig[0] ^= 1;
        pcs.set(2, new SignedMessage(m.type(), m.vote(), new Ed25519Signature(sig), m.voter()));
        assertTrue(fails(new Commit(t.vote(b), pcs), 1, 0).contains("signature"));
    }

    @Test
    void precommitOnAnotherForkIsRejected() {
        List<SignedMessage> pcs = precommits(5, b);
        pcs.add(t.precommit(5, x));
        assertTrue(fails(new Commit(t.vote(b), pcs), 1, 0).contains("descend"));
    }

    @Test
    void equivocatorCountsOnceAndAThirdVoteIsRejected() {
        List<SignedMessage> pcs = precommits(4, b);
        pcs.add(t.precommit(5, b));
        pcs.add(t.precommit(5, x));
        assertDoesNotThrow(() -> CommitCheck.verify(new Commit(t.vote(b), pcs), 1, 0, t.voters, t));
        pcs.add(t.precommit(5, c));
        assertTrue(fails(new Commit(t.vote(b), pcs), 1, 0).contains("more than one"));
    }

    @Test
    void strangerIsRejected() {
        TestChain seven = new TestChain(7);
        List<SignedMessage> pcs = precommits(5, b);
        pcs.add(seven.precommit(6, b));
        assertTrue(fails(new Commit(t.vote(b), pcs), 1, 0).contains("not a voter"));
    }
}
