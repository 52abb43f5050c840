package io.jamboree.importer.internal;

import io.jamboree.merkle.StateKey;
import io.jamboree.types.Hash;
import java.nio.charset.StandardCharsets;

/**
 * How the importer lays out its data in the node store tables (one write transaction per import):
 * <ul>
 *   <li>{@code BLOCKS}: header hash → encoded block (the initial header alone for the state it was given with);</li>
 *   <li>{@code STATES}: header hash → state root ⌢ E_4(key count) of its posterior state, for live (unpruned)
 *       states;</li>
 *   <li>{@code STATE_KV}: header hash ⌢ 31-byte state key → value, for every key of a state stored in full and
 *       for the changed keys of a state stored as changes over its parent's; header hash ⌢ state key ⌢ {@code 0}
 *       → empty for a key such a state removed (see {@link StoredStates});</li>
 *   <li>{@code TREE}: {@code 'n'} ⌢ header hash → tree node; {@code 's'} ⌢ header hash → how its state is stored
 *       ({@link StoredStates}); {@code 'a'} ⌢ E_4 big-endian(slot) ⌢ hash → given ancestry;
 *       {@code "best"} → best-head hash; {@code "init"} → initial header hash;</li>
 *   <li>{@code META}: {@code "importer.schema"} → layout version, {@code "importer.ancestry"} → 1 when the
 *       ancestry is complete (every lookup anchor is checked), 0 when anchors older than the initial header are
 *       let through.</li>
 * </ul>
 */
final class StoreLayout {
    static final byte[] NODE_PREFIX = {'n'};
    static final byte[] ANCESTRY_PREFIX = {'a'};
    static final byte[] BEST = ascii("best");
    static final byte[] INIT = ascii("init");
    static final byte[] SCHEMA = ascii("importer.schema");
    static final byte[] ANCESTRY_COMPLETE = ascii("importer.ancestry");
    static final byte[] SCHEMA_VERSION = {2};

    private StoreLayout() {}

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] nodeKey(Hash h) {
        return concat(NODE_PREFIX, h.bytes());
    }

    static byte[] ancestryKey(long slot, Hash h) {
        byte[] k = new byte[1 + 4 + 32];
        k[0] = 'a';
        k[1] = (byte) (slot >>> 24);
        k[2] = (byte) (slot >>> 16);
        k[3] = (byte) (slot >>> 8);
        k[4] = (byte) slot;
        System.arraycopy(h.bytes(), 0, k, 5, 32);
        return k;
    }

    static byte[] stateKvKey(Hash block, StateKey key) {
        return concat(block.bytes(), key.bytes());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
