package io.jamboree.fuzz.internal.replay;

import io.jamboree.core.Hex;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.merkle.StateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a target's state differs from the trace's, key by key (the serialized state of GP Appendix D.1), in
 * key order, with the state component a key belongs to (GP eq. D.2: C(1)..C(16), C(255, s) for service
 * accounts, other keys for service storage, preimages and requests).
 */
final class StateDiff {
    /** Bytes of a value shown before it is cut short. */
    private static final int SHORT_BYTES = 12;
    /** The components of GP eq. D.2, by index. */
    private static final String[] COMPONENTS = {null, "α", "φ", "β", "γ", "ψ", "η", "ι", "κ", "λ", "ρ", "τ", "χ", "π",
        "ω", "ξ", "θ"};

    private StateDiff() {}

    /**
     * One line per differing key: {@code key 0x… (C11 τ): expected 0x… (4 bytes), target 0x… (4 bytes)}, with
     * {@code absent} for a missing key; at most {@code limit} lines, then a count of the rest. Empty if equal.
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
                out.add("key " + Hex.encode(k.bytes()) + " (" + component(k) + "): expected " + shortHex(ev)
                        + ", target " + shortHex(av));
            }
        }
        if (differing > out.size()) {
            out.add("... and " + (differing - out.size()) + " more differing keys");
        }
        return out;
    }

    /** The state component of a key (GP eq. D.2); C1..C16 as the importer's {@link StateCodec#componentOf} finds them. */
    static String component(StateKey k) {
        byte[] key = k.bytes();
        int c = StateCodec.componentOf(k);
        if (c != 0) {
            return "C" + c + " " + COMPONENTS[c];
        }
        int first = key[0] & 0xFF;
        if (first == 255 && key[2] == 0 && key[4] == 0 && key[6] == 0 && key[8] == 0) {
            boolean tailZero = true;
            for (int i = 9; i < key.length; i++) {
                tailZero &= key[i] == 0;
            }
            if (tailZero) {
                long s = (key[1] & 0xFFL) | (key[3] & 0xFFL) << 8 | (key[5] & 0xFFL) << 16 | (key[7] & 0xFFL) << 24;
                return "C255 account of service " + s;
            }
        }
        long s = (key[0] & 0xFFL) | (key[2] & 0xFFL) << 8 | (key[4] & 0xFFL) << 16 | (key[6] & 0xFFL) << 24;
        return "service " + s + " storage/preimage/request";
    }

    /** {@code 0x0102…0a0b (n bytes)}, the first and last bytes of a long value; {@code absent} for null. */
    static String shortHex(byte[] v) {
        if (v == null) {
            return "absent";
        }
        if (v.length <= SHORT_BYTES) {
            return Hex.encode(v) + " (" + v.length + " bytes)";
        }
        return Hex.encode(Arrays.copyOf(v, SHORT_BYTES - 4)) + "…" + Hex.plain(Arrays.copyOfRange(v, v.length - 4, v.length))
                + " (" + v.length + " bytes)";
    }

    private static Map<StateKey, byte[]> map(List<KeyValue> state) {
        Map<StateKey, byte[]> m = new TreeMap<>();
        for (KeyValue kv : state) {
            m.put(kv.key(), kv.value());
        }
        return m;
    }
}
