package io.jamboree.importer.internal.cli;

import io.jamboree.core.Hex;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.merkle.StateTrie;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where two serialized states (GP Appendix D.1) differ, key by key, and the state root (GP Appendix D,
 * M_σ) of one.
 */
final class StateDiff {
    /** Bytes of a value shown before it is cut short. */
    static final int SHORT_BYTES = 12;

    private StateDiff() {}

    /** {@code M_σ} of a list of key/value pairs. */
    static Hash root(List<KeyValue> state) {
        Map<StateKey, byte[]> m = new TreeMap<>();
        for (KeyValue kv : state) {
            m.put(kv.key(), kv.value());
        }
        return new Hash(StateTrie.root(m));
    }

    /**
     * One line per differing key, in key order: {@code key 0x…: expected 0x… (n bytes), actual 0x… (m bytes)},
     * with {@code absent} for a missing key; at most {@code limit} lines and a count of the rest.
     */
    static List<String> describe(List<KeyValue> expected, List<KeyValue> actual, int limit) {
        Map<StateKey, byte[]> e = map(expected);
        Map<StateKey, byte[]> a = map(actual);
        TreeSet<StateKey> keys = new TreeSet<>(e.keySet());
        keys.addAll(a.keySet());
        List<String> out = new ArrayList<>();
        int differing = 0;
        for (StateKey k : keys) {
            byte[] ev = e.get(k);
            byte[] av = a.get(k);
            if (ev != null && av != null && Arrays.equals(ev, av)) {
                continue;
            }
            differing++;
            if (out.size() < limit) {
                out.add("key " + Hex.encode(k.bytes()) + ": expected " + shortHex(ev) + ", actual " + shortHex(av));
            }
        }
        if (differing > out.size()) {
            out.add("... and " + (differing - out.size()) + " more differing keys");
        }
        return out;
    }

    /** {@code 0x0102…0a0b (n bytes)}, the first and last bytes of a long value; {@code absent} for null. */
    static String shortHex(byte[] v) {
        if (v == null) {
            return "absent";
        }
        if (v.length <= SHORT_BYTES) {
            return Hex.encode(v) + " (" + v.length + " bytes)";
        }
        String head = Hex.encode(Arrays.copyOf(v, SHORT_BYTES - 4));
        String tail = Hex.plain(Arrays.copyOfRange(v, v.length - 4, v.length));
        return head + "…" + tail + " (" + v.length + " bytes)";
    }

    private static Map<StateKey, byte[]> map(List<KeyValue> state) {
        Map<StateKey, byte[]> m = new TreeMap<>();
        for (KeyValue kv : state) {
            m.put(kv.key(), kv.value());
        }
        return m;
    }
}
