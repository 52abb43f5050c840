package io.jamboree.importer.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.merkle.StateKey;
import io.jamboree.store.Cursor;
import io.jamboree.store.Entry;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The posterior states σ' (GP 0.7.2 §4.2, as state-key → value maps, Appendix D.2 T(σ)) of imported blocks in the
 * node store, written as <em>changes</em>: a block's state is stored as the keys whose values differ from its parent's
 * state, plus the keys removed, and only every {@link #SNAPSHOT_INTERVAL}-th state of a chain (and every initial
 * state) is stored in full. A block import so writes what the block changed, not all of σ.
 *
 * <p>A full state and the change sets stored on top of it form a <em>group</em> named by the full state's block;
 * a state is read back by applying its chain of change sets to the group's full state. A state stops being
 * <em>live</em> (importable on, listed in {@code STATES}) when it is pruned; its data stays while any state of its
 * group is live, as the group's change sets need it, and the whole group is deleted with its last live state. So a
 * pruned store holds at most one interval of change sets beyond the retained states.
 *
 * <p>Layout (see {@link StoreLayout}): {@code STATE_KV} holds header hash ⌢ state key → value for a full state or
 * a changed key, and header hash ⌢ state key ⌢ {@code 0} → empty for a removed key; {@code TREE} holds
 * {@code 's'} ⌢ header hash → E_1(kind) ⌢ group ⌢ E_4(depth) for every state whose data is in the store.
 *
 * <p>Writes go into the caller's write transaction; the in-memory bookkeeping follows only on {@link #committed()}
 * (and is dropped by {@link #rolledBack()}), so a rejected or failed import leaves both as they were.
 */
final class StoredStates {
    /** The longest chain of change sets on top of a full state. */
    static final int SNAPSHOT_INTERVAL = 32;
    private static final byte[] RECORD_PREFIX = {'s'};

    /**
     * A state whose data is in the store.
     *
     * @param full  whether it is stored in full (else as changes over its parent's state)
     * @param group the block of the full state its changes build on (itself when full)
     * @param depth the number of change sets from the group's full state to this one
     * @param keys  the {@code STATE_KV} keys written for it, or null when not known (after a restart: found by a scan)
     */
    private record Stored(boolean full, Hash group, int depth, List<byte[]> keys) {
        byte[] encode() {
            return new Encoder(37).u8(full ? 0 : 1).bytes(group.bytes()).u32(depth).toByteArray();
        }

        static Stored decode(byte[] b) {
            Decoder d = new Decoder(b);
            boolean full = d.u8() == 0;
            Hash group = new Hash(d.bytes(Hash.SIZE, "state group"));
            int depth = (int) d.u32();
            return new Stored(full, group, depth, null);
        }
    }

    private final Map<Hash, Stored> stored = new HashMap<>();
    private final Map<Hash, Set<Hash>> groups = new HashMap<>();
    private final Set<Hash> live = new HashSet<>();
    private final List<Runnable> staged = new ArrayList<>();

    /** Whether {@code block}'s state is live (can be imported on). */
    boolean live(Hash block) {
        return live.contains(block);
    }

    /** The blocks with a live state (a copy). */
    List<Hash> liveBlocks() {
        return new ArrayList<>(live);
    }

    /** Stages forgetting every state (the tables are cleared by the caller in the same transaction). */
    void clear() {
        staged.add(() -> {
            stored.clear();
            groups.clear();
            live.clear();
        });
    }

    /**
     * Writes {@code block}'s state {@code kv} with root {@code root}: as changes over its parent's state
     * {@code parentKv} when the parent's state is stored and its chain of change sets is not yet
     * {@link #SNAPSHOT_INTERVAL} long, else in full.
     *
     * @param parent the parent block, or null for an initial state
     * @param parentKv the parent's state, or null
     */
    void write(WriteTxn w, Hash block, Hash parent, Hash root, NavigableMap<StateKey, byte[]> kv,
            NavigableMap<StateKey, byte[]> parentKv) {
        Stored p = parent == null ? null : stored.get(parent);
        Stored s;
        List<byte[]> keys = new ArrayList<>();
        byte[] prefix = block.bytes();
        if (p != null && parentKv != null && p.depth() + 1 < SNAPSHOT_INTERVAL) {
            for (Map.Entry<StateKey, byte[]> e : kv.entrySet()) {
                byte[] was = parentKv.get(e.getKey());
                if (was == null || !Arrays.equals(was, e.getValue())) {
                    byte[] k = StoreLayout.concat(prefix, e.getKey().bytes());
                    w.put(Table.STATE_KV, k, e.getValue());
                    keys.add(k);
                }
            }
            for (StateKey k : parentKv.keySet()) {
                if (!kv.containsKey(k)) {
                    byte[] t = removedKey(prefix, k);
                    w.put(Table.STATE_KV, t, new byte[0]);
                    keys.add(t);
                }
            }
            s = new Stored(false, p.group(), p.depth() + 1, keys);
        } else {
            for (Map.Entry<StateKey, byte[]> e : kv.entrySet()) {
                byte[] k = StoreLayout.concat(prefix, e.getKey().bytes());
                w.put(Table.STATE_KV, k, e.getValue());
                keys.add(k);
            }
            s = new Stored(true, block, 0, keys);
        }
        w.put(Table.TREE, recordKey(block), s.encode());
        w.put(Table.STATES, block.bytes(), new Encoder(36).bytes(root.bytes()).u32(kv.size()).toByteArray());
        staged.add(() -> {
            stored.put(block, s);
            groups.computeIfAbsent(s.group(), g -> new HashSet<>()).add(block);
            live.add(block);
        });
    }

    /**
     * Ends the life of the states of {@code blocks} (pruned): they leave {@code STATES}, and every group left
     * without a live state is deleted from the store.
     */
    void release(WriteTxn w, Collection<Hash> blocks) {
        Set<Hash> ending = new HashSet<>();
        for (Hash b : blocks) {
            if (live.contains(b) && ending.add(b)) {
                w.delete(Table.STATES, b.bytes());
            }
        }
        if (ending.isEmpty()) {
            return;
        }
        Set<Hash> touched = new HashSet<>();
        for (Hash b : ending) {
            Stored s = stored.get(b);
            if (s != null) {
                touched.add(s.group());
            }
        }
        List<Hash> deleted = new ArrayList<>();
        for (Hash g : touched) {
            Set<Hash> members = groups.getOrDefault(g, Set.of());
            boolean anyLive = false;
            for (Hash m : members) {
                if (live.contains(m) && !ending.contains(m)) {
                    anyLive = true;
                    break;
                }
            }
            if (!anyLive) {
                for (Hash m : members) {
                    deleteData(w, m, stored.get(m));
                    deleted.add(m);
                }
            }
        }
        staged.add(() -> {
            live.removeAll(ending);
            for (Hash m : deleted) {
                Stored s = stored.remove(m);
                Set<Hash> members = groups.get(s.group());
                if (members != null) {
                    members.remove(m);
                    if (members.isEmpty()) {
                        groups.remove(s.group());
                    }
                }
            }
        });
    }

    /** Makes the staged bookkeeping current: call after the write transaction committed. */
    void committed() {
        for (Runnable r : staged) {
            r.run();
        }
        staged.clear();
    }

    /** Drops the staged bookkeeping: call when the write transaction was not committed. */
    void rolledBack() {
        staged.clear();
    }

    /**
     * Reads {@code block}'s state: its group's full state with the change sets from there to {@code block} applied.
     *
     * @param parentOf a block's parent (for the blocks between {@code block} and its group's full state)
     * @return the state, or null if its data is not in the store
     */
    NavigableMap<StateKey, byte[]> load(ReadTxn r, Hash block, UnaryOperator<Hash> parentOf) {
        List<Hash> chain = new ArrayList<>();
        Hash at = block;
        Stored s = stored.get(at);
        while (s != null && !s.full()) {
            chain.add(at);
            at = parentOf.apply(at);
            s = at == null ? null : stored.get(at);
        }
        if (s == null) {
            return null;
        }
        chain.add(at);
        NavigableMap<StateKey, byte[]> kv = new TreeMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            try (Cursor c = r.scan(Table.STATE_KV, chain.get(i).bytes())) {
                for (Entry e = c.next(); e != null; e = c.next()) {
                    byte[] k = e.key();
                    StateKey key = StateKey.ofBytes(Arrays.copyOfRange(k, Hash.SIZE, Hash.SIZE + StateKey.LENGTH));
                    if (k.length == Hash.SIZE + StateKey.LENGTH) {
                        kv.put(key, e.value());
                    } else {
                        kv.remove(key);
                    }
                }
            }
        }
        return kv;
    }

    /** Forgets the bookkeeping now (the store holds no importer data). */
    void reset() {
        stored.clear();
        groups.clear();
        live.clear();
        staged.clear();
    }

    /** Rebuilds the bookkeeping from the store (after a restart): the stored states' records and the live states. */
    void reload(ReadTxn r) {
        reset();
        try (Cursor c = r.scan(Table.TREE, RECORD_PREFIX)) {
            for (Entry e = c.next(); e != null; e = c.next()) {
                Hash h = new Hash(Arrays.copyOfRange(e.key(), 1, 1 + Hash.SIZE));
                Stored s = Stored.decode(e.value());
                stored.put(h, s);
                groups.computeIfAbsent(s.group(), g -> new HashSet<>()).add(h);
            }
        }
        try (Cursor c = r.scan(Table.STATES, new byte[0], new byte[0])) {
            for (Entry e = c.next(); e != null; e = c.next()) {
                live.add(new Hash(e.key()));
            }
        }
    }

    /** Deletes a state's data: the keys written for it if known (no scan, which copies every value), else all found. */
    private static void deleteData(WriteTxn w, Hash block, Stored s) {
        w.delete(Table.TREE, recordKey(block));
        if (s != null && s.keys() != null) {
            for (byte[] k : s.keys()) {
                w.delete(Table.STATE_KV, k);
            }
            return;
        }
        List<byte[]> keys = new ArrayList<>();
        try (Cursor c = w.scan(Table.STATE_KV, block.bytes())) {
            for (Entry e = c.next(); e != null; e = c.next()) {
                keys.add(e.key());
            }
        }
        for (byte[] k : keys) {
            w.delete(Table.STATE_KV, k);
        }
    }

    private static byte[] recordKey(Hash block) {
        return StoreLayout.concat(RECORD_PREFIX, block.bytes());
    }

    private static byte[] removedKey(byte[] prefix, StateKey k) {
        byte[] t = new byte[Hash.SIZE + StateKey.LENGTH + 1];
        System.arraycopy(prefix, 0, t, 0, Hash.SIZE);
        System.arraycopy(k.bytes(), 0, t, Hash.SIZE, StateKey.LENGTH);
        return t;
    }
}
