package io.jamboree.grandpa.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.core.CommitCheck;
import io.jamboree.grandpa.internal.core.Justification;
import io.jamboree.grandpa.internal.protocol.GrandpaCodec;
import io.jamboree.grandpa.internal.protocol.Messages.WarpSyncFragment;
import io.jamboree.grandpa.internal.protocol.Messages.WarpSyncRequest;
import io.jamboree.network.PeerId;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warp sync across voter sets (spec/grandpa.md §4.7 and §5.2, CE 153): the justification of each set-change block
 * lets a node in an older set follow the set changes. As the server we give, from the requested set on, each set's
 * change block header with its justification; as the client each fragment of our current set is checked
 * ({@link CommitCheck}) and finalizes its block, moving us into the next set.
 */
final class WarpSync {
    private static final Logger LOG = LoggerFactory.getLogger(WarpSync.class);

    private final VoterState state;
    private final ChainAncestry chain;
    private final ChainParams params;
    private final GrandpaStore store;
    private final GrandpaCodec codec;
    private final GrandpaGossip gossip;
    private final Finalization finalization;
    /** guarded by state */
    private final Map<PeerId, Long> warpAsked = new HashMap<>();

    WarpSync(VoterState state, ChainAncestry chain, ChainParams params, GrandpaStore store, GrandpaCodec codec,
            GrandpaGossip gossip, Finalization finalization) {
        this.state = state;
        this.chain = chain;
        this.params = params;
        this.store = store;
        this.codec = codec;
        this.gossip = gossip;
        this.finalization = finalization;
    }

    /** CE 153 fragments from set {@code from} on, for a peer behind. */
    List<WarpSyncFragment> fragments(long from) {
        List<WarpSyncFragment> out = new ArrayList<>();
        for (long s = from; out.size() < GrandpaCodec.MAX_FRAGMENTS; s++) {
            Optional<Hash> h = store.setChange(s);
            if (h.isEmpty()) {
                break;
            }
            Optional<Header> hd = chain.header(h.get());
            Optional<byte[]> j = store.justification(h.get());
            if (hd.isEmpty() || j.isEmpty()) {
                break;
            }
            out.add(new WarpSyncFragment(hd.get(), codec.decodeJustification(j.get())));
        }
        return out;
    }

    /** Asks {@code peer}, in a later set than our {@code ourSet}, for fragments (once per peer and set). */
    void start(PeerId peer, long ourSet) {
        synchronized (state) {
            Long asked = warpAsked.get(peer);
            if (asked != null && asked >= ourSet) {
                return;
            }
            warpAsked.put(peer, ourSet);
        }
        gossip.execute(() -> sync(peer, ourSet));
    }

    private void sync(PeerId peer, long fromSet) {
        try {
            byte[] resp = gossip.request(peer, GrandpaGossip.CE_WARP_SYNC, codec.encode(new WarpSyncRequest(fromSet)));
            if (resp == null) {
                return;
            }
            for (WarpSyncFragment f : codec.decodeFragments(resp)) {
                synchronized (state) {
                    Justification j = f.justification();
                    if (j.setId() != state.voters.setId()) {
                        continue;
                    }
                    Hash h = f.header().hash(params);
                    if (chain.stateRoot(h).isEmpty()) {
                        return; // not imported yet; later
                    }
                    CommitCheck.verify(j, state.voters, chain, params);
                    BlockRef b = new BlockRef(h, f.header().slot());
                    if (!j.commit().target().block().equals(b) || !chain.descends(b, state.finalized)) {
                        return;
                    }
                    finalization.finalize(b, j);
                }
            }
        } catch (Exception e) {
            LOG.info("grandpa: warp sync from {} failed: {}", peer, e.toString());
        } finally {
            synchronized (state) {
                warpAsked.remove(peer);
            }
        }
    }
}
