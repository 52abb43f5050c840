package io.jamboree.stf.state;

import io.jamboree.core.Hex;
import io.jamboree.merkle.StateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where two serialized states (GP Appendix D.1, T(σ)) differ, key by key in key order: the one difference report of
 * {@code jam import} and {@code jam fuzz-replay}.
 *
 * @param differences the differing keys, in key order
 */
public record StateDiff(List<Difference> differences) {
    /** Bytes of a value shown before it is cut short. */
    public static final int SHORT_BYTES = 12;

    public StateDiff {
        differences = List.copyOf(differences);
    }

    /**
     * One differing key.
     *
     * @param key the key
     * @param expected the expected value, or null when the key should be absent
     * @param actual the actual value, or null when the key is absent
     */
    public record Difference(StateKey key, byte[] expected, byte[] actual) {
        /** {@code key 0x… [component]: expected 0x… (n bytes), LABEL 0x… (m bytes)}. */
        public String describe(String actualLabel) {
            return "key " + Hex.encode(key.bytes()) + " [" + StateCodec.describe(key) + "]: expected "
                    + shortHex(expected) + ", " + actualLabel + " " + shortHex(actual);
        }
    }

    /** The differences of {@code actual} from {@code expected} (a key given twice: its last value counts). */
    public static StateDiff of(List<KeyValue> expected, List<KeyValue> actual) {
        Map<StateKey, byte[]> e = StateCodec.toMap(expected);
        Map<StateKey, byte[]> a = StateCodec.toMap(actual);
        TreeSet<StateKey> keys = new TreeSet<>(e.keySet());
        keys.addAll(a.keySet());
        List<Difference> out = new ArrayList<>();
        for (StateKey k : keys) {
            byte[] ev = e.get(k);
            byte[] av = a.get(k);
            if (ev == null || av == null || !Arrays.equals(ev, av)) {
                out.add(new Difference(k, ev, av));
            }
        }
        return new StateDiff(out);
    }

    /** Whether the states are equal. */
    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /**
     * One line per difference ({@link Difference#describe}), at most {@code limit}, then a count of the rest.
     *
     * @param actualLabel what the actual state is called, e.g. {@code actual} or {@code target}
     */
    public List<String> describe(String actualLabel, int limit) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < differences.size() && i < limit; i++) {
            out.add(differences.get(i).describe(actualLabel));
        }
        if (differences.size() > out.size()) {
            out.add("... and " + (differences.size() - out.size()) + " more differing keys");
        }
        return out;
    }

    /** {@code 0x0102…0a0b (n bytes)}, the first and last bytes of a long value; {@code absent} for null. */
    public static String shortHex(byte[] v) {
        if (v == null) {
            return "absent";
        }
        if (v.length <= SHORT_BYTES) {
            return Hex.encode(v) + " (" + v.length + " bytes)";
        }
        return Hex.encode(Arrays.copyOf(v, SHORT_BYTES - 4)) + "…" + Hex.plain(Arrays.copyOfRange(v, v.length - 4,
                v.length)) + " (" + v.length + " bytes)";
    }
}
