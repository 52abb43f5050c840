package io.jamboree.guarantor.internal.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.types.Hash;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When {@code jam submit-work --wait} builds a package again: its anchor is off the best chain. A chain
 * g(0) ← a1(1) ← a2(2) ← a3(4) and a fork g ← b1(1) ← b3(3); the node does not know u's parent.
 */
class SubmitWorkOffChainTest {
    private static Hash h(int n) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) n);
        return new Hash(b);
    }

    private static final Hash G = h(1), A1 = h(2), A2 = h(3), A3 = h(4), B1 = h(5), B3 = h(6), U = h(7);
    private static final Map<Hash, SubmitWorkCommand.ParentRef> PARENT = Map.of(
            A1, new SubmitWorkCommand.ParentRef(G, 0), A2, new SubmitWorkCommand.ParentRef(A1, 1),
            A3, new SubmitWorkCommand.ParentRef(A2, 2), B1, new SubmitWorkCommand.ParentRef(G, 0),
            B3, new SubmitWorkCommand.ParentRef(B1, 1));
    private static final SubmitWorkCommand.Parents PARENTS = PARENT::get;

    @Test
    void anAnchorOnTheBestChainStays() throws Exception {
        assertFalse(SubmitWorkCommand.offChain(PARENTS, A3, 4, A1, 1));
        assertFalse(SubmitWorkCommand.offChain(PARENTS, A3, 4, G, 0));
        assertFalse(SubmitWorkCommand.offChain(PARENTS, A3, 4, A3, 4), "the head itself");
    }

    @Test
    void anAnchorOnALostForkIsOff() throws Exception {
        assertTrue(SubmitWorkCommand.offChain(PARENTS, A3, 4, B1, 1), "b1 at slot 1, the chain has a1 there");
        assertTrue(SubmitWorkCommand.offChain(PARENTS, A3, 4, B3, 3), "no block of the chain at slot 3: a2 below it");
        assertTrue(SubmitWorkCommand.offChain(PARENTS, A2, 2, B3, 3), "the best head is below the anchor's slot");
    }

    @Test
    void anUnknownParentTellsNothing() throws Exception {
        assertFalse(SubmitWorkCommand.offChain(PARENTS, U, 9, A1, 1));
    }
}
