package io.jamboree.grandpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The GP §19 best-chain rule on hand-built block trees. */
class BestChainRuleTest {

    /** A block tree built by hand: name → (parent, slot, ticket-sealed). */
    private static final class Tree implements BestChainRule.Tree {
        final Map<Hash, BestChainRule.BlockInfo> blocks = new HashMap<>();
        final Set<Hash> parents = new HashSet<>();
        Hash longest;

        Hash add(String name, Hash parent, long slot, boolean ticketed) {
            Hash h = hash(name);
            blocks.put(h, new BestChainRule.BlockInfo(parent, slot, ticketed));
            parents.add(parent);
            return h;
        }

        @Override
        public List<Hash> leaves() {
            List<Hash> out = new ArrayList<>();
            for (Hash h : blocks.keySet()) {
                if (!parents.contains(h)) {
                    out.add(h);
                }
            }
            return out;
        }

        @Override
        public Optional<Hash> longest() {
            return Optional.ofNullable(longest);
        }

        @Override
        public Optional<BestChainRule.BlockInfo> info(Hash block) {
            return Optional.ofNullable(blocks.get(block));
        }
    }

    private static Hash hash(String name) {
        byte[] b = new byte[32];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, b, 0, n.length);
        return new Hash(b);
    }

    private final Tree t = new Tree();
    private final Hash g = t.add("genesis", Hash.ZERO, 0, false);
    private final BlockRef genesis = new BlockRef(g, 0);

    @Test
    void theTipOfTheOnlyChainIsBest() {
        Hash a1 = t.add("a1", g, 1, false);
        Hash a2 = t.add("a2", a1, 2, false);
        BestChainRule rule = new BestChainRule(t);
        assertEquals(a2, rule.best(genesis, h -> false));
        assertEquals(a2, rule.best(new BlockRef(a1, 1), h -> false), "from a finalized a1");
        assertEquals(a2, rule.best(new BlockRef(a2, 2), h -> false), "the finalized block itself, nothing above");
    }

    @Test
    void aLongerForkBelowTheFinalizedBlockIsIgnored() {
        Hash a1 = t.add("a1", g, 1, false);
        Hash a3 = t.add("a3", a1, 3, false);
        Hash b2 = t.add("b2", g, 2, false);
        Hash b4 = t.add("b4", b2, 4, false);
        Hash b5 = t.add("b5", b4, 5, false);
        t.longest = b5;
        BestChainRule rule = new BestChainRule(t);
        assertEquals(b5, rule.best(genesis, h -> false), "longest chain while only genesis is final");
        assertEquals(a3, rule.best(new BlockRef(a1, 1), h -> false),
                "the longer fork b does not descend from the finalized a1");
        assertEquals(a3, rule.best(new BlockRef(a3, 3), h -> false), "nothing above a finalized a3: a3 itself");
    }

    @Test
    void mostTicketSealedAncestorsWinOverLength() {
        Hash a1 = t.add("a1", g, 1, false);
        Hash a2 = t.add("a2", a1, 2, false);
        Hash a3 = t.add("a3", a2, 3, false);
        t.longest = a3;
        Hash b2 = t.add("b2", a1, 4, true);
        Hash b3 = t.add("b3", b2, 5, false);
        BestChainRule rule = new BestChainRule(t);
        assertEquals(b3, rule.best(genesis, h -> false), "one ticket beats three fallback blocks; then length");
        Hash a4 = t.add("a4", a3, 6, true);
        Hash a5 = t.add("a5", a4, 7, true);
        assertEquals(a5, rule.best(genesis, h -> false), "two tickets beat one");
    }

    @Test
    void tiesGoToTheLongestChainOfTheTree() {
        Hash a1 = t.add("a1", g, 1, false);
        Hash b1 = t.add("b1", g, 2, false);
        BestChainRule rule = new BestChainRule(t);
        t.longest = b1;
        assertEquals(b1, rule.best(genesis, h -> false));
        t.longest = a1;
        assertEquals(a1, rule.best(genesis, h -> false));
    }

    @Test
    void noUnfinalizedAncestorAtASlotWithTwoBlocks() {
        Hash a1 = t.add("a1", g, 1, true);
        Hash a2 = t.add("a2", a1, 2, true);
        Hash a3 = t.add("a3", a2, 3, true);
        t.add("x3", a2, 3, true); // the author of slot 3 equivocated
        Hash a4 = t.add("a4", a3, 4, true);
        t.longest = a4;
        BestChainRule rule = new BestChainRule(t);
        assertEquals(a2, rule.best(genesis, h -> false), "both chains through slot 3 are cut below it");
        Hash c5 = t.add("c5", a2, 5, false);
        assertEquals(c5, rule.best(genesis, h -> false), "a block of slot 5 on a2 avoids the equivocation");
        assertEquals(a4, rule.best(new BlockRef(a3, 3), h -> false),
                "once a3 is final, the equivocation is no longer an unfinalized ancestor");
    }

    @Test
    void blocksTheAuditorsRejectedAreNotAcceptable() {
        Hash a1 = t.add("a1", g, 1, false);
        Hash a2 = t.add("a2", a1, 2, false);
        Hash a3 = t.add("a3", a2, 3, false);
        t.longest = a3;
        Hash b2 = t.add("b2", a1, 4, false);
        BestChainRule rule = new BestChainRule(t);
        assertEquals(a3, rule.best(genesis, h -> false));
        assertEquals(b2, rule.best(genesis, a2::equals), "a2 rejected: the chain through b2");
        assertEquals(g, rule.best(genesis, a1::equals), "every block above genesis rejected: genesis");
    }
}
