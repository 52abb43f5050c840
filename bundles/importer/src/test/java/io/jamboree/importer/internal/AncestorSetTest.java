package io.jamboree.importer.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.importer.AncestryItem;
import io.jamboree.types.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ancestor set A (GP §11.4, eq. 11.35) with complete and incomplete ancestry: a chain of headers at slots 5, 6
 * and 7 (7 the parent of the block), L = 4.
 */
class AncestorSetTest {
    private static Hash h(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        return new Hash(b);
    }

    private static final List<BlockTree.Node> CHAIN = List.of(
            new BlockTree.Node(h(7), h(6), 7, 2, Hash.ZERO),
            new BlockTree.Node(h(6), h(5), 6, 1, Hash.ZERO),
            new BlockTree.Node(h(5), Hash.ZERO, 5, 0, Hash.ZERO));

    @Test
    void incompleteAncestryLetsOnlyOlderAnchorsThrough() {
        AncestorSet a = new AncestorSet(CHAIN, List.of(), false, 4);
        assertTrue(a.contains(6, h(6)), "a held header");
        assertTrue(a.contains(3, h(3)) && a.unknowable(3, h(3)), "older than the initial header: cannot be known");
        assertFalse(a.contains(6, h(9)), "a slot held, another header: checked and refused");
        assertFalse(a.contains(5, h(9)), "the initial header's slot is held");
        assertFalse(a.contains(8, h(8)), "newer than the parent: not an ancestor");
    }

    @Test
    void completeAncestryChecksEveryAnchor() {
        AncestorSet genesis = new AncestorSet(CHAIN, List.of(), true, 4);
        assertFalse(genesis.contains(3, h(3)));
        assertFalse(genesis.unknowable(3, h(3)));
        AncestorSet given = new AncestorSet(CHAIN, List.of(new AncestryItem(3, h(3)), new AncestryItem(4, h(4))), true, 4);
        assertTrue(given.contains(4, h(4)), "given ancestry up to L headers");
        assertFalse(given.contains(3, h(3)), "beyond the last L = 4 headers");
    }

    @Test
    void aFullWindowIsCompleteEvenWithoutGivenAncestry() {
        AncestorSet a = new AncestorSet(CHAIN, List.of(), false, 3);
        assertFalse(a.contains(3, h(3)), "L headers held: everything older is out of the window");
    }
}
