package io.jamboree.sync.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.BestChain;
import io.jamboree.grandpa.FinalizedBlock;
import io.jamboree.grandpa.FinalizedHead;
import io.jamboree.importer.BlockImporter;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.sync.internal.protocol.BlockRef;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sync protocols need to know of the node's block tree, over its {@link BlockImporter}: the leaves (JAMNP-S
 * UP 0: blocks with no known children), the latest finalized block (GRANDPA's, {@link FinalizedHead}, when the node
 * runs it; else the root of the tree: the genesis or the block the store started from), chains of blocks up or down from a block
 * (CE 128), and the decoded state of the best head. Thread-safe.
 */
final class ChainView {
    /** The longest walk down the tree this view makes. */
    static final int MAX_WALK = 100_000;

    private final BlockImporter importer;
    private final ChainParams params;
    /** Leaves by hash, with their slots, most recent last. */
    private final Map<Hash, Long> leaves = new LinkedHashMap<>();
    private BlockRef root;
    /** GRANDPA's finalized head when the node runs it (jam-grandpa), else null: the tree's root stands for it. */
    private volatile FinalizedHead finality;
    /** GRANDPA's best chain when the node runs it, else null: the importer's best head stands for it. */
    private volatile BestChain best;
    private Hash stateHead;
    private ChainState state;

    ChainView(BlockImporter importer) {
        this.importer = Objects.requireNonNull(importer);
        this.params = importer.params();
    }

    ChainParams params() {
        return params;
    }

    BlockImporter importer() {
        return importer;
    }

    /** Whether the importer knows the block (its header, or it is the initial state's). */
    boolean knows(Hash hash) {
        return importer.header(hash).isPresent() || importer.stateRoot(hash).isPresent();
    }

    /** Uses GRANDPA's best chain (GP §19) for the best head ({@code null}: the importer's best head again). */
    void bestChain(BestChain b) {
        best = b;
    }

    /** The best head: the GP §19 best chain's when the node runs GRANDPA, else the importer's. */
    Optional<Hash> bestHead() {
        BestChain b = best;
        Optional<Hash> h = b == null ? Optional.empty() : b.bestHead();
        return h.isPresent() ? h : importer.bestHead();
    }

    /** Uses GRANDPA's finalized head ({@code null}: none, the tree's root again). */
    void finality(FinalizedHead f) {
        finality = f;
    }

    /**
     * The latest finalized block: GRANDPA's (UP 0 {@code Final}) when the node runs it, else the block tree's root
     * (see the class comment).
     */
    BlockRef finalized() {
        FinalizedHead f = finality;
        if (f != null) {
            FinalizedBlock b = f.finalized();
            return new BlockRef(b.hash(), b.slot());
        }
        return root();
    }

    /** The block tree's root: the genesis or the block the store started from. */
    synchronized BlockRef root() {
        if (root == null) {
            Hash h = importer.bestHead().orElseThrow(() -> new IllegalStateException("the importer holds no chain"));
            long slot = slotOf(h);
            for (int i = 0; i < MAX_WALK; i++) {
                Optional<Header> hd = importer.header(h);
                if (hd.isEmpty() || !knows(hd.get().parent())) {
                    break;
                }
                h = hd.get().parent();
                slot = slotOf(h);
            }
            root = new BlockRef(h, slot);
        }
        return root;
    }

    /** H_t of a known block (the state's τ for an initial state stored without its header). */
    long slotOf(Hash h) {
        return importer.header(h).map(Header::slot)
                .orElseGet(() -> importer.state(h).map(kvs -> StateCodec.tau(StateCodec.toMap(kvs))).orElse(0L));
    }

    /** The known leaves (blocks pruned by finality dropped); the best head always among them. */
    synchronized List<BlockRef> leaves() {
        leaves.keySet().removeIf(h -> importer.stateRoot(h).isEmpty());
        bestHead().ifPresent(h -> leaves.putIfAbsent(h, slotOf(h)));
        List<BlockRef> out = new ArrayList<>(leaves.size());
        for (Map.Entry<Hash, Long> e : leaves.entrySet()) {
            out.add(new BlockRef(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** A block was imported: it becomes a leaf and its parent stops being one. */
    synchronized void imported(Header h) {
        leaves.remove(h.parent());
        leaves.put(h.hash(params), h.slot());
        // keep the set small: drop leaves far behind the newest (forks that lost)
        if (leaves.size() > 64) {
            leaves.remove(leaves.keySet().iterator().next());
        }
    }

    /** CE 128 descending inclusive: the block {@code hash}, its parent, and so on, at most {@code max}. */
    List<Block> descending(Hash hash, int max) {
        List<Block> out = new ArrayList<>();
        Hash h = hash;
        while (out.size() < max) {
            Optional<Block> b = importer.block(h);
            if (b.isEmpty()) {
                break;
            }
            out.add(b.get());
            h = b.get().header().parent();
        }
        return out;
    }

    /**
     * CE 128 ascending exclusive: a child of {@code hash}, then a grandchild, and so on, at most {@code max}, along the
     * chain of the best head if it contains {@code hash}, else of another leaf that does; empty if none does.
     */
    List<Block> ascending(Hash hash, int max) {
        List<BlockRef> ls = leaves();
        Optional<Hash> best = bestHead();
        List<Hash> order = new ArrayList<>();
        best.ifPresent(order::add);
        for (BlockRef l : ls) {
            if (!order.contains(l.hash())) {
                order.add(l.hash());
            }
        }
        for (Hash leaf : order) {
            List<Block> path = new ArrayList<>();
            Hash h = leaf;
            boolean found = false;
            for (int i = 0; i < MAX_WALK; i++) {
                if (h.equals(hash)) {
                    found = true;
                    break;
                }
                Optional<Block> b = importer.block(h);
                if (b.isEmpty()) {
                    break;
                }
                path.add(b.get());
                h = b.get().header().parent();
            }
            if (found) {
                Collections.reverse(path);
                return path.size() > max ? new ArrayList<>(path.subList(0, max)) : path;
            }
        }
        return List.of();
    }

    /** The decoded posterior state of the best head, and its hash (decoded once per head). */
    synchronized HeadState headState() {
        Hash head = bestHead().orElseThrow(() -> new IllegalStateException("the importer holds no chain"));
        if (!head.equals(stateHead)) {
            state = StateCodec.decode(importer.state(head).orElseThrow(
                    () -> new IllegalStateException("the state of the best head " + head + " is not kept")), params);
            stateHead = head;
        }
        return new HeadState(head, state);
    }

    /** The best head and its posterior state. */
    record HeadState(Hash head, ChainState state) {
        long epoch(ChainParams p) {
            return state.tau() / p.epochLength();
        }

        int phase(ChainParams p) {
            return (int) (state.tau() % p.epochLength());
        }
    }
}
