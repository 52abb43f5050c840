package io.jamboree.importer.internal;

import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportFailedException;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.merkle.StateTrieCache;
import io.jamboree.stf.StateTransition;
import io.jamboree.store.Cursor;
import io.jamboree.store.Entry;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link BlockImporter} over a {@link NodeStore} (see {@link StoreLayout}): checks a block against its parent
 * (known, H_r = the parent's state root), runs Υ ({@link StateTransition}) and stores the block, its posterior
 * state and its tree node in one write transaction; a rejected block writes nothing.
 *
 * <p>Memory: the tree nodes (about 100 bytes per block) and the decoded states of the last few imported blocks
 * are kept in memory. Posterior states of blocks more than {@code retainBlocks} below the best head's height are
 * pruned from the store (their blocks and tree nodes stay), so a long chain uses bounded state storage; importing
 * on top of a pruned block is rejected as "parent state unknown". Height, not slot, decides: a valid block with a
 * far-future slot (as the fuzzer's mutations have) must not prune the states its siblings still need.
 *
 * <p>After a restart the tree, the best head and the ancestry are reloaded from the store.
 */
public final class StoreBlockImporter implements BlockImporter {

    private static final int STATE_CACHE = 8;

    private final ChainParams params;
    private final NodeStore store;
    private final StateTransition transition;
    private final int ancestryLength;
    private final long retainBlocks;
    private final BlockTree tree = new BlockTree();
    /** The stored posterior states: which are live, and how each is stored (in full or as changes). */
    private final StoredStates states = new StoredStates();
    private final List<AncestryItem> givenAncestry = new ArrayList<>();
    /** Whether every ancestor is known: started from a genesis header or given the ancestry (see {@link #ancestry}). */
    private boolean ancestryComplete;
    private boolean anchorSkipLogged;
    /** The height of the finalized block the last {@link #pruneForks} pruned at (forks below are gone). */
    private long prunedHeight = -1;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreBlockImporter.class);
    /** M_σ with the last state's leaves remembered: unchanged long values are not hashed again per block. */
    private final StateTrieCache trie = new StateTrieCache();
    /** A recently used state: decoded, and as the key-value map it was stored as (the next block's changes are over it). */
    private record Cached(ChainState state, NavigableMap<StateKey, byte[]> kv) {}

    private final Map<Hash, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Cached> e) {
            return size() > STATE_CACHE;
        }
    };

    /**
     * @param transition Υ (the {@link StateTransition} service); its one-off preparation for {@code params} is
     *     started here, so that it does not land on the first epoch-change block
     * @param retainBlocks how many blocks below the best head's height keep their states
     */
    public StoreBlockImporter(ChainParams params, NodeStore store, StateTransition transition, long retainBlocks) {
        this.params = Objects.requireNonNull(params);
        this.store = Objects.requireNonNull(store);
        this.transition = Objects.requireNonNull(transition);
        transition.prepare(params);
        this.ancestryLength = params.ancestryLength();
        this.retainBlocks = retainBlocks;
        reload();
    }

    @Override
    public ChainParams params() {
        return params;
    }

    @Override
    public synchronized Hash initialize(Header header, List<KeyValue> state, List<AncestryItem> ancestry) {
        Hash hash = header.hash(params);
        Encoder e = new Encoder(1024);
        header.encode(e, params);
        // ancestry is complete when the caller gives it or the initial header is a genesis (no parent)
        return start(hash, header.parent(), header.slot(), e.toByteArray(), StateCodec.toMapUnique(state), ancestry,
                !ancestry.isEmpty() || header.parent().equals(Hash.ZERO));
    }

    @Override
    public synchronized Hash initialize(Hash headerHash, List<KeyValue> state, List<AncestryItem> ancestry) {
        NavigableMap<StateKey, byte[]> kv = StateCodec.toMapUnique(state);
        // the header is unknown: its slot is the state's τ (τ' = H_t, GP 6.1), its parent unknown (zero)
        return start(headerHash, Hash.ZERO, StateCodec.tau(kv), null, kv, ancestry, !ancestry.isEmpty());
    }

    /**
     * Forgets everything and stores the state {@code kv} as given under {@code hash} (with the encoded header, if known).
     * The state is decoded here only to warm the cache: a state that does not decode is stored all the same, and
     * blocks on top of it are rejected.
     */
    private Hash start(Hash hash, Hash parent, long slot, byte[] headerBytes, NavigableMap<StateKey, byte[]> kv,
            List<AncestryItem> ancestry, boolean complete) {
        ChainState decoded;
        try {
            decoded = StateCodec.decode(kv, params);
        } catch (StateCodec.UnusableStateException ex) {
            decoded = null;
        }
        Hash root;
        BlockTree.Node node;
        try {
            root = new Hash(trie.root(kv));
            node = new BlockTree.Node(hash, parent, slot, 0, root);
            try (WriteTxn w = store.write()) {
                for (Table t : List.of(Table.BLOCKS, Table.STATES, Table.STATE_KV, Table.TREE)) {
                    clear(w, t);
                }
                if (headerBytes != null) {
                    w.put(Table.BLOCKS, hash.bytes(), headerBytes);
                }
                states.clear();
                states.write(w, hash, null, root, kv, null);
                w.put(Table.TREE, StoreLayout.nodeKey(hash), node.encode());
                w.put(Table.TREE, StoreLayout.BEST, hash.bytes());
                w.put(Table.TREE, StoreLayout.INIT, hash.bytes());
                for (AncestryItem a : ancestry) {
                    w.put(Table.TREE, StoreLayout.ancestryKey(a.slot(), a.headerHash()), new byte[] {1});
                }
                w.put(Table.META, StoreLayout.SCHEMA, StoreLayout.SCHEMA_VERSION);
                w.put(Table.META, StoreLayout.ANCESTRY_COMPLETE, new byte[] {(byte) (complete ? 1 : 0)});
                w.commit();
            }
            states.committed();
        } catch (RuntimeException ex) {
            states.rolledBack();
            trie.clear(); // its remembered leaves may be of the state just refused
            throw new ImportFailedException("the importer could not store the initial state", ex);
        }
        tree.clear();
        cache.clear();
        givenAncestry.clear();
        givenAncestry.addAll(ancestry);
        prunedHeight = -1;
        ancestryComplete = complete;
        anchorSkipLogged = false;
        tree.addAndChoose(node);
        if (decoded != null) {
            cache.put(hash, new Cached(decoded, kv));
        }
        return root;
    }

    @Override
    public synchronized ImportOutcome importBlock(Block block) {
        try {
            return importChecked(block);
        } catch (ImportFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            // a bug or a failing store: nothing was committed (the write transaction commits last, the in-memory
            // tree follows the commit), so the store is as it was
            throw new ImportFailedException("the importer failed on block " + safeHash(block), e);
        }
    }

    private String safeHash(Block block) {
        try {
            return block.header().hash(params).toString();
        } catch (RuntimeException e) {
            return "(unhashable)";
        }
    }

    /**
     * Checks and imports {@code block}. Invalid blocks are {@link ImportOutcome.Rejected}: the header checks here,
     * the parent state lacking what the block needs, and every {@link StateTransition.Result.Invalid}. Any exception
     * is an internal failure.
     */
    private ImportOutcome importChecked(Block block) {
        Header h = block.header();
        Hash hash = h.hash(params);
        BlockTree.Node known = tree.get(hash);
        if (known != null && known.height() > 0) {
            return new ImportOutcome.Imported(hash, known.stateRoot());
        }
        BlockTree.Node parent = tree.get(h.parent());
        if (parent == null) {
            return new ImportOutcome.Rejected("unknown parent " + h.parent() + " (GP eq. 5.2)");
        }
        if (!states.live(parent.hash())) {
            return new ImportOutcome.Rejected("parent state unknown (pruned) for parent " + h.parent());
        }
        if (!parent.stateRoot().equals(h.parentStateRoot())) {
            return new ImportOutcome.Rejected("bad parent state root: header has " + h.parentStateRoot()
                    + ", parent state root is " + parent.stateRoot() + " (GP eq. 5.8)");
        }
        if (h.slot() <= parent.slot()) {
            return new ImportOutcome.Rejected("bad slot: " + h.slot() + " is not after the parent's slot "
                    + parent.slot() + " (GP eq. 5.7)");
        }
        Cached pre;
        try {
            pre = loadState(parent.hash());
        } catch (StateCodec.UnusableStateException e) {
            return new ImportOutcome.Rejected("the parent's state cannot be used as the prior state: " + e.getMessage()
                    + " (GP App. D.1)");
        }
        StateTransition.Result r = transition.apply(params, pre.state(), block, ancestry(parent));
        if (r instanceof StateTransition.Result.Invalid inv) {
            return new ImportOutcome.Rejected(inv.reason());
        }
        ChainState post = ((StateTransition.Result.Valid) r).post();
        NavigableMap<StateKey, byte[]> kv = StateCodec.encode(post, params, pre.state(), pre.kv());
        Hash root = new Hash(trie.root(kv));
        BlockTree.Node node = new BlockTree.Node(hash, parent.hash(), h.slot(), parent.height() + 1, root);
        List<Hash> pruned = new ArrayList<>();
        try (WriteTxn w = store.write()) {
            Encoder e = new Encoder(4096);
            block.encode(e, params);
            w.put(Table.BLOCKS, hash.bytes(), e.toByteArray());
            states.write(w, hash, parent.hash(), root, kv, pre.kv());
            w.put(Table.TREE, StoreLayout.nodeKey(hash), node.encode());
            BlockTree.Node best = tree.best();
            boolean newBest = best == null || node.height() >= best.height();
            if (newBest) {
                w.put(Table.TREE, StoreLayout.BEST, hash.bytes());
                for (Hash old : states.liveBlocks()) {
                    BlockTree.Node n = tree.get(old);
                    if (n != null && n.height() + retainBlocks < node.height()) {
                        pruned.add(old);
                    }
                }
                states.release(w, pruned);
            }
            w.commit();
            states.committed();
        } finally {
            states.rolledBack(); // nothing staged is left after a commit
        }
        tree.addAndChoose(node);
        for (Hash old : pruned) {
            cache.remove(old);
        }
        cache.put(hash, new Cached(post, kv));
        return new ImportOutcome.Imported(hash, root);
    }

    @Override
    public synchronized Optional<List<KeyValue>> state(Hash headerHash) {
        if (!states.live(headerHash)) {
            return Optional.empty();
        }
        NavigableMap<StateKey, byte[]> kv;
        Cached c = cache.get(headerHash);
        if (c != null) {
            kv = c.kv();
        } else {
            try (ReadTxn r = store.read()) {
                kv = states.load(r, headerHash, this::parentOf);
            }
        }
        if (kv == null) {
            return Optional.empty();
        }
        List<KeyValue> out = new ArrayList<>(kv.size());
        for (Map.Entry<StateKey, byte[]> e : kv.entrySet()) {
            out.add(new KeyValue(e.getKey(), e.getValue()));
        }
        return Optional.of(out);
    }

    @Override
    public synchronized Optional<Block> block(Hash headerHash) {
        BlockTree.Node n = tree.get(headerHash);
        if (n == null || n.height() == 0) {
            return Optional.empty();
        }
        byte[] b;
        try (ReadTxn r = store.read()) {
            b = r.get(Table.BLOCKS, headerHash.bytes());
        }
        return b == null ? Optional.empty() : Optional.of(Block.decode(new io.jamboree.codec.Decoder(b), params));
    }

    @Override
    public synchronized Optional<Header> header(Hash headerHash) {
        BlockTree.Node n = tree.get(headerHash);
        if (n == null) {
            return Optional.empty();
        }
        if (n.height() > 0) {
            return block(headerHash).map(Block::header);
        }
        byte[] b;
        try (ReadTxn r = store.read()) {
            b = r.get(Table.BLOCKS, headerHash.bytes());
        }
        return b == null ? Optional.empty() : Optional.of(Header.decode(new io.jamboree.codec.Decoder(b), params));
    }

    @Override
    public synchronized Optional<Hash> stateRoot(Hash headerHash) {
        BlockTree.Node n = tree.get(headerHash);
        return n == null ? Optional.empty() : Optional.of(n.stateRoot());
    }

    @Override
    public synchronized Optional<Hash> bestHead() {
        BlockTree.Node b = tree.best();
        return b == null ? Optional.empty() : Optional.of(b.hash());
    }

    @Override
    public synchronized List<Hash> leaves() {
        return tree.leaves();
    }

    /**
     * Prunes the forks that cannot become final (see {@link BlockImporter#pruneForks}): blocks of height above the
     * last pruning's finalized block that neither descend from {@code finalized} nor lie on its chain below it. Blocks
     * at or below the last pruned height are on the finalized chain already (their forks went then), so the walk is
     * over the unfinalized part of the tree only.
     */
    @Override
    public synchronized int pruneForks(Hash finalized) {
        BlockTree.Node f = tree.get(finalized);
        if (f == null || f.height() <= prunedHeight) {
            return 0;
        }
        Map<Long, Hash> onChain = new java.util.HashMap<>();
        for (BlockTree.Node at = f; at != null && at.height() > prunedHeight; at = tree.get(at.parent())) {
            onChain.put(at.height(), at.hash());
        }
        List<BlockTree.Node> dead = new ArrayList<>();
        Map<Hash, Boolean> keep = new java.util.HashMap<>();
        for (BlockTree.Node n : tree.nodes()) {
            if (n.height() > prunedHeight && !kept(n, f, onChain, keep)) {
                dead.add(n);
            }
        }
        prunedHeight = f.height();
        if (dead.isEmpty()) {
            return 0;
        }
        BlockTree.Node best = tree.best();
        boolean bestDead = best == null || keep.get(best.hash()) == Boolean.FALSE;
        BlockTree.Node newBest = best;
        if (bestDead) {
            newBest = f;
            for (BlockTree.Node n : tree.nodes()) {
                if (n.height() > newBest.height() && keep.get(n.hash()) == Boolean.TRUE) {
                    newBest = n;
                }
            }
        }
        try (WriteTxn w = store.write()) {
            List<Hash> deadStates = new ArrayList<>();
            for (BlockTree.Node n : dead) {
                w.delete(Table.BLOCKS, n.hash().bytes());
                w.delete(Table.TREE, StoreLayout.nodeKey(n.hash()));
                deadStates.add(n.hash());
            }
            states.release(w, deadStates);
            if (bestDead) {
                w.put(Table.TREE, StoreLayout.BEST, newBest.hash().bytes());
            }
            w.commit();
            states.committed();
        } finally {
            states.rolledBack();
        }
        for (BlockTree.Node n : dead) {
            tree.remove(n.hash());
            cache.remove(n.hash());
        }
        if (bestDead) {
            tree.setBest(newBest);
        }
        LOG.debug("pruned {} blocks on forks of finalized block {} (height {})", dead.size(), finalized, f.height());
        return dead.size();
    }

    /** Whether {@code n} (above the pruned height) is on the chain of {@code f} or descends from it; memoized. */
    private boolean kept(BlockTree.Node n, BlockTree.Node f, Map<Long, Hash> onChain, Map<Hash, Boolean> memo) {
        List<Hash> path = new ArrayList<>();
        boolean result = false;
        BlockTree.Node at = n;
        while (true) {
            Boolean known = memo.get(at.hash());
            if (known != null) {
                result = known;
                break;
            }
            path.add(at.hash());
            if (at.height() <= f.height()) {
                result = at.hash().equals(onChain.get(at.height()));
                break;
            }
            BlockTree.Node p = tree.get(at.parent());
            if (p == null) {
                break;
            }
            at = p;
        }
        for (Hash h : path) {
            memo.put(h, result);
        }
        return result;
    }

    /**
     * The ancestor set for a child of {@code parent} ({@link AncestorSet}), built on first use only, as most blocks
     * carry no guarantees. An anchor let through as unknowable is logged once per initial state, at debug.
     */
    private StateTransition.Ancestry ancestry(BlockTree.Node parent) {
        return new StateTransition.Ancestry() {
            private AncestorSet set;

            @Override
            public boolean contains(long slot, Hash hash) {
                if (set == null) {
                    List<BlockTree.Node> chain = new ArrayList<>();
                    for (BlockTree.Node at = parent; at != null && chain.size() < ancestryLength;
                            at = tree.get(at.parent())) {
                        chain.add(at);
                    }
                    set = new AncestorSet(chain, givenAncestry, ancestryComplete, ancestryLength);
                }
                if (!anchorSkipLogged && set.unknowable(slot, hash)) {
                    anchorSkipLogged = true;
                    LOG.debug("lookup anchor {} at slot {} is older than the oldest known header: the ancestry is"
                            + " incomplete, so anchors that old are not checked (GP 11.35, fuzz-proto \"Ancestry\")",
                            hash, slot);
                }
                return set.contains(slot, hash);
            }
        };
    }

    private Cached loadState(Hash block) {
        Cached s = cache.get(block);
        if (s != null) {
            return s;
        }
        NavigableMap<StateKey, byte[]> kv;
        try (ReadTxn r = store.read()) {
            kv = states.load(r, block, this::parentOf);
        }
        if (kv == null) {
            throw new IllegalStateException("the store lacks the data of live state " + block);
        }
        s = new Cached(StateCodec.decode(kv, params), kv);
        cache.put(block, s);
        return s;
    }

    /** A block's parent in the tree, or null if it is not in the tree or has none. */
    private Hash parentOf(Hash block) {
        BlockTree.Node n = tree.get(block);
        return n == null ? null : n.parent();
    }

    private static void clear(WriteTxn w, Table t) {
        List<byte[]> keys = new ArrayList<>();
        try (Cursor c = w.scan(t, new byte[0], new byte[0])) {
            for (Entry e = c.next(); e != null; e = c.next()) {
                keys.add(e.key());
            }
        }
        for (byte[] k : keys) {
            w.delete(t, k);
        }
    }

    /** Rebuilds the in-memory tree, best head and ancestry from the store (after a restart). */
    private void reload() {
        tree.clear();
        givenAncestry.clear();
        cache.clear();
        trie.clear();
        states.reset();
        try (ReadTxn r = store.read()) {
            byte[] schema = r.get(Table.META, StoreLayout.SCHEMA);
            if (schema == null) {
                return;
            }
            if (!Arrays.equals(schema, StoreLayout.SCHEMA_VERSION)) {
                throw new IllegalStateException("the node store holds importer data of layout version "
                        + Arrays.toString(schema) + "; this importer reads version "
                        + Arrays.toString(StoreLayout.SCHEMA_VERSION) + ": initialize it anew");
            }
            try (Cursor c = r.scan(Table.TREE, StoreLayout.NODE_PREFIX)) {
                for (Entry e = c.next(); e != null; e = c.next()) {
                    Hash h = new Hash(Arrays.copyOfRange(e.key(), 1, 33));
                    tree.add(BlockTree.Node.decode(h, e.value()));
                }
            }
            try (Cursor c = r.scan(Table.TREE, StoreLayout.ANCESTRY_PREFIX)) {
                for (Entry e = c.next(); e != null; e = c.next()) {
                    byte[] k = e.key();
                    long slot = (k[1] & 0xFFL) << 24 | (k[2] & 0xFFL) << 16 | (k[3] & 0xFFL) << 8 | (k[4] & 0xFFL);
                    givenAncestry.add(new AncestryItem(slot, new Hash(Arrays.copyOfRange(k, 5, 37))));
                }
            }
            states.reload(r);
            byte[] best = r.get(Table.TREE, StoreLayout.BEST);
            if (best != null) {
                tree.setBest(tree.get(new Hash(best)));
            }
            byte[] complete = r.get(Table.META, StoreLayout.ANCESTRY_COMPLETE);
            ancestryComplete = complete != null && complete.length == 1 && complete[0] == 1;
        }
    }
}
