package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.FinalityListener;
import io.jamboree.grandpa.FinalizedBlock;
import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.core.Commit;
import io.jamboree.grandpa.internal.core.Justification;
import io.jamboree.grandpa.internal.core.Round;
import io.jamboree.grandpa.internal.core.SignedMessage;
import io.jamboree.grandpa.internal.core.Target;
import io.jamboree.grandpa.internal.core.Vote;
import io.jamboree.grandpa.internal.core.VoterSet;
import io.jamboree.grandpa.internal.protocol.GrandpaCodec;
import io.jamboree.grandpa.internal.protocol.Messages.CommitMessage;
import io.jamboree.importer.BlockImporter;
import io.jamboree.network.PeerId;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finalization (GP §19; spec/grandpa.md §4.3 and §4.5): a block a round's precommits finalize becomes the finalized
 * head, stored with its justification (the commit: target and the supporting precommits) and announced as a CE 150
 * commit; a checked justification from a peer finalizes the same way and moves the voter past its round. Finalizing a
 * set-change block (the first block of an epoch) starts set id + 1 with κ of its posterior state, at round 1. After
 * every finalization the finality listeners are told and the importer prunes the forks that can no longer become final.
 */
final class Finalization {
    private static final Logger LOG = LoggerFactory.getLogger(Finalization.class);

    private final VoterState state;
    private final ChainAncestry chain;
    private final GrandpaStore store;
    private final GrandpaCodec codec;
    private final BlockImporter importer;
    private final GrandpaGossip gossip;
    private final Supplier<Optional<Hash>> bestHead;
    private final List<FinalityListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon()
            .name("jam-grandpa-notify").unstarted(r));

    Finalization(VoterState state, ChainAncestry chain, GrandpaStore store, GrandpaCodec codec, BlockImporter importer,
            GrandpaGossip gossip, Supplier<Optional<Hash>> bestHead) {
        this.state = state;
        this.chain = chain;
        this.store = store;
        this.codec = codec;
        this.importer = importer;
        this.gossip = gossip;
        this.bestHead = bestHead;
    }

    void addListener(FinalityListener l) {
        listeners.add(l);
    }

    void removeListener(FinalityListener l) {
        listeners.remove(l);
    }

    void shutdown() {
        notifier.shutdownNow();
    }

    /** Finalizes what round {@code r}'s precommits finalize, if it is beyond our finalized block. Holds the lock. */
    void tryFinalize(Round r) {
        VoterSet voters = state.voters;
        if (r.voters().setId() != voters.setId()) {
            return;
        }
        Optional<BlockRef> f = r.finalized();
        if (f.isEmpty() || f.get().equals(state.finalized) || !chain.descends(f.get(), state.finalized)) {
            return;
        }
        Optional<Hash> root = chain.stateRoot(f.get().hash());
        if (root.isEmpty()) {
            return;
        }
        Vote target = new Vote(new Target(f.get().hash(), root.get()), f.get().slot());
        List<SignedMessage> pcs = new ArrayList<>();
        Map<Ed25519Public, Integer> per = new HashMap<>();
        for (SignedMessage m : r.precommits()) {
            per.merge(m.voter(), 1, Integer::sum);
        }
        for (SignedMessage m : r.precommits()) {
            if (per.get(m.voter()) > 1 || chain.descends(m.vote().block(), f.get())) {
                pcs.add(m);
            }
        }
        Justification j = new Justification(r.number(), r.voters().setId(), new Commit(target, pcs), List.of());
        finalize(f.get(), j);
        gossip.broadcast(GrandpaGossip.CE_COMMIT, codec.encode(new CommitMessage(j.round(), j.setId(), j.commit())));
    }

    /** Makes {@code f} (checked ≥ our finalized block) the finalized head, justified by {@code j}. Holds the lock. */
    void finalize(BlockRef f, Justification j) {
        BlockRef old = state.finalized;
        store.saveJustification(f.hash(), codec.encode(j));
        state.finalized = f;
        state.finalizedNow = f;
        Optional<BlockRef> change = chain.firstSetChange(old, f);
        if (change.isPresent()) {
            Optional<List<Ed25519Public>> keys = chain.validators(change.get().hash());
            if (keys.isPresent()) {
                long next = state.voters.setId() + 1;
                store.saveSetChange(state.voters.setId(), change.get().hash());
                state.voters = new VoterSet(next, keys.get());
                state.setBase = f;
                state.moveTo(1);
                state.pending.clear();
                state.useLocalKeys();
                LOG.info("grandpa: set change at {} (slot {}): set {} begins", change.get().hash(),
                        change.get().slot(), next);
            } else {
                LOG.warn("grandpa: the state of set-change block {} is not kept: staying in set {}",
                        change.get().hash(), state.voters.setId());
            }
        }
        state.persist();
        long bestSlot = bestHead.get().flatMap(chain::header).map(Header::slot).orElse(-1L);
        String line = "grandpa: finalized " + f.hash() + " (slot " + f.slot() + ") in round " + j.round() + " of set "
                + j.setId() + "; best head at slot " + bestSlot;
        System.out.println(line);
        System.out.flush();
        LOG.debug(line);
        FinalizedBlock fb = new FinalizedBlock(f.hash(), f.slot());
        try {
            notifier.execute(() -> {
                for (FinalityListener l : listeners) {
                    try {
                        l.finalized(fb);
                    } catch (RuntimeException e) {
                        LOG.warn("grandpa: finality listener {} failed: {}", l, e.toString());
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down
        }
        prune(f);
        state.notifyAll();
    }

    /**
     * Finalizes {@code b} by the checked justification {@code j} from {@code peer}, moving on past its round. Holds
     * the lock.
     */
    void adopt(PeerId peer, BlockRef b, Justification j) {
        long set = state.voters.setId();
        finalize(b, j);
        if (state.voters.setId() == set && j.round() >= state.roundNo) {
            LOG.info("grandpa: commit of round {} from {}: moving on to round {}", j.round(), peer, j.round() + 1);
            state.moveTo(j.round() + 1);
            state.notifyAll();
        }
    }

    /** Pruning by finality (GP §19), off the voter's lock: the importer forgets the forks beside {@code f}'s chain. */
    void prune(BlockRef f) {
        try {
            notifier.execute(() -> {
                try {
                    int n = importer.pruneForks(f.hash());
                    if (n > 0) {
                        LOG.info("grandpa: pruned {} blocks on forks that cannot become final (finalized slot {})", n,
                                f.slot());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("grandpa: pruning the forks of {} failed: {}", f.hash(), e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }
}
