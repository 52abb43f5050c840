package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prevote target (spec/grandpa.md §4.2 step 3; GP §19): the primary's proposal if it lies in (estimate(r−1),
 * ghost(r−1)], else ghost(r−1); extended to the best head (GP §19 best-chain rule, below any block still being
 * audited: {@link AuditedPrefix}) when that descends from it; capped at the first set-change block above the finalized
 * one (never vote past it before it is final).
 */
final class PrevoteTarget {
    private static final Logger LOG = LoggerFactory.getLogger(PrevoteTarget.class);

    private final ChainAncestry chain;

    PrevoteTarget(ChainAncestry chain) {
        this.chain = chain;
    }

    /**
     * @param s    the voter's state (its lock held): estimate, ghost and proposal of the round, finalized block
     * @param best the best head
     * @return the block to prevote for
     */
    BlockRef of(VoterState s, Optional<Hash> best) {
        BlockRef prevGhost = s.prevGhost;
        BlockRef prevEstimate = s.prevEstimate;
        BlockRef proposal = s.proposal;
        BlockRef base = prevGhost;
        if (proposal != null && chain.descends(proposal, prevEstimate) && !proposal.equals(prevEstimate)
                && chain.descends(prevGhost, proposal)) {
            base = proposal;
        }
        BlockRef target = base;
        if (best.isPresent()) {
            Optional<Header> h = chain.header(best.get());
            if (h.isPresent()) {
                BlockRef b = new BlockRef(best.get(), h.get().slot());
                if (chain.descends(b, base)) {
                    target = b;
                }
            }
        }
        BlockRef extended = target;
        Optional<BlockRef> change = chain.firstSetChange(s.finalized, target);
        if (change.isPresent()) {
            target = change.get();
            if (!chain.descends(target, base)) {
                target = base;
            }
        }
        if (best.isPresent() && extended.equals(base) && !best.get().equals(base.hash())
                && !chain.descends(base, new BlockRef(best.get(), chain.slot(best.get())))) {
            LOG.info("grandpa: the best head {} does not descend from the prevote base {} (slot {}): voting for the"
                    + " base", best.get(), base.hash(), base.slot());
        }
        LOG.debug("grandpa: prevote target: base slot {} ({}), best {}, extended to slot {}, set change {}", base.slot(),
                base.hash(), best.orElse(null), extended.slot(), change.map(BlockRef::slot).orElse(-1L));
        return target;
    }
}
