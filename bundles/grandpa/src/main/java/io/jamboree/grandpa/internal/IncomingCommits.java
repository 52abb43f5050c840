package io.jamboree.grandpa.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.core.CommitCheck;
import io.jamboree.grandpa.internal.core.InvalidMessageException;
import io.jamboree.grandpa.internal.core.Justification;
import io.jamboree.grandpa.internal.core.Vote;
import io.jamboree.grandpa.internal.protocol.GrandpaCodec;
import io.jamboree.grandpa.internal.protocol.Messages.CommitMessage;
import io.jamboree.grandpa.internal.protocol.Messages.JustificationRequest;
import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits from other voters (spec/grandpa.md §4.5 and §5.2, CE 150) and the justifications they lead to (CE 130
 * client): a valid commit for a block on our finalized chain finalizes it ({@link Finalization#adopt}); a commit for a
 * block not imported yet is remembered (at most {@value #MAX_WANTED}), and once the block is imported its
 * justification is asked of that peer, checked ({@link CommitCheck}) and adopted the same way.
 */
final class IncomingCommits {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingCommits.class);
    /** Blocks whose justification we mean to ask for (CE 130), at most. */
    static final int MAX_WANTED = 64;

    private final VoterState state;
    private final ChainAncestry chain;
    private final ChainParams params;
    private final GrandpaCodec codec;
    private final GrandpaGossip gossip;
    private final Finalization finalization;
    /** Blocks a peer's commit named before we imported them: their justifications are asked for (CE 130) later. */
    private final Map<Hash, PeerId> justificationWanted = new LinkedHashMap<>();

    IncomingCommits(VoterState state, ChainAncestry chain, ChainParams params, GrandpaCodec codec, GrandpaGossip gossip,
            Finalization finalization) {
        this.state = state;
        this.chain = chain;
        this.params = params;
        this.codec = codec;
        this.gossip = gossip;
        this.finalization = finalization;
    }

    /** A CE 150 commit from {@code peer}. */
    void receive(PeerId peer, CommitMessage m) throws ProtocolViolationException {
        synchronized (state) {
            if (state.voters == null || m.setId() != state.voters.setId()) {
                return;
            }
            Vote t = m.commit().target();
            BlockRef tb = t.block();
            BlockRef finalized = state.finalized;
            if (tb.equals(finalized) || tb.slot() <= finalized.slot() && chain.descends(finalized, tb)) {
                return; // known
            }
            Optional<Hash> root = chain.stateRoot(tb.hash());
            if (root.isEmpty()) {
                LOG.debug("grandpa: commit from {} for the unknown block {}; its justification is asked for once"
                        + " imported", peer, tb.hash());
                if (justificationWanted.size() >= MAX_WANTED) {
                    justificationWanted.remove(justificationWanted.keySet().iterator().next()); // the oldest
                }
                justificationWanted.put(tb.hash(), peer);
                return;
            }
            if (!root.get().equals(t.target().stateRoot())) {
                throw new ProtocolViolationException("CE 150: commit target with a state root that is not the block's");
            }
            try {
                CommitCheck.verify(m.commit(), m.round(), m.setId(), state.voters, chain);
            } catch (InvalidMessageException e) {
                throw new ProtocolViolationException("CE 150: invalid commit from " + peer + ": " + e.getMessage());
            }
            if (!chain.descends(tb, finalized)) {
                LOG.error("grandpa: a valid commit from {} finalizes {} (slot {}), which is not on our finalized chain",
                        peer, tb.hash(), tb.slot());
                return;
            }
            finalization.adopt(peer, tb, new Justification(m.round(), m.setId(), m.commit(), List.of()));
        }
    }

    /**
     * CE 130 client: for each block a commit named before it was imported, now imported and above our finalized block,
     * the peer that sent the commit is asked for the block's justification; a valid one finalizes the block. Holds the
     * lock.
     */
    void askJustifications() {
        if (justificationWanted.isEmpty()) {
            return;
        }
        Iterator<Map.Entry<Hash, PeerId>> it = justificationWanted.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Hash, PeerId> e = it.next();
            Optional<Header> h = chain.header(e.getKey());
            if (h.isEmpty()) {
                continue;
            }
            it.remove();
            if (h.get().slot() <= state.finalized.slot()) {
                continue;
            }
            Hash block = e.getKey();
            PeerId peer = e.getValue();
            long set = state.voters.setId();
            if (!gossip.execute(() -> fetchJustification(peer, block, set))) {
                return; // shutting down
            }
        }
    }

    private void fetchJustification(PeerId peer, Hash block, long set) {
        try {
            byte[] resp = gossip.request(peer, GrandpaGossip.CE_JUSTIFICATION,
                    codec.encode(new JustificationRequest(block)));
            if (resp == null) {
                return;
            }
            Justification j = codec.decodeJustification(resp);
            synchronized (state) {
                if (state.voters.setId() != set || j.setId() != set) {
                    return;
                }
                Optional<Header> h = chain.header(block);
                if (h.isEmpty()) {
                    return;
                }
                BlockRef b = new BlockRef(block, h.get().slot());
                if (!j.commit().target().block().equals(b) || b.equals(state.finalized)
                        || !chain.descends(b, state.finalized)) {
                    return;
                }
                CommitCheck.verify(j, state.voters, chain, params);
                LOG.info("grandpa: justification of {} (slot {}, round {}) from {} over CE 130", block, b.slot(),
                        j.round(), peer);
                finalization.adopt(peer, b, j);
            }
        } catch (Exception e) {
            LOG.info("grandpa: CE 130 justification request for {} to {} failed: {}", block, peer, e.toString());
        }
    }
}
