package io.jamboree.importer.internal;

import io.jamboree.importer.AncestryItem;
import io.jamboree.stf.StateTransition;
import io.jamboree.types.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ancestor set A of GP §11.4 (eq. 11.35) for the lookup-anchor check: the last L headers of the chain (slot and
 * header hash), topped up with the ancestry given to {@code initialize}. When the ancestry is incomplete (the
 * importer started from a state without the headers before it) and fewer than L headers are held, an anchor older
 * than the oldest header held cannot be known and is let through (fuzz-proto "Ancestry": without the ancestry the
 * check is skipped); anchors from that header on are checked.
 */
final class AncestorSet implements StateTransition.Ancestry {
    private final Map<Hash, Long> slots = new HashMap<>();
    /** The slot of the oldest header held when the set is incomplete, else -1 (everything is known). */
    private final long unknownBefore;

    /**
     * @param chain the chain's headers, newest (the parent of the block) first, oldest (the initial one) last
     * @param given the ancestry given to {@code initialize}, oldest first (the fuzzer's includes the initial header)
     * @param complete whether the ancestry is complete (imported from a genesis or given)
     * @param length L, the number of headers kept
     */
    AncestorSet(List<BlockTree.Node> chain, List<AncestryItem> given, boolean complete, int length) {
        int n = 0;
        long oldest = -1;
        for (int i = 0; i < chain.size() && n < length; i++) {
            slots.put(chain.get(i).hash(), chain.get(i).slot());
            oldest = chain.get(i).slot();
            n++;
        }
        for (int i = given.size() - 1; i >= 0 && n < length; i--) { // each header counted once
            AncestryItem a = given.get(i);
            if (slots.putIfAbsent(a.headerHash(), a.slot()) == null) {
                n++;
            }
        }
        unknownBefore = !complete && n < length ? oldest : -1;
    }

    /** Whether the anchor ({@code slot}, {@code hash}) is let through because it is older than anything known. */
    boolean unknowable(long slot, Hash hash) {
        Long s = slots.get(hash);
        return (s == null || s != slot) && slot < unknownBefore;
    }

    @Override
    public boolean contains(long slot, Hash hash) {
        Long s = slots.get(hash);
        return s != null && s == slot || slot < unknownBefore;
    }
}
