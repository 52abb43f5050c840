package io.jamboree.merkle;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * State Merklization {@code M_σ} (GP 0.7.2 Appendix D.2, eq. D.4) over a succession of states that share most of
 * their entries, as consecutive blocks' states do. It remembers the leaf identities {@code H(L(k, v))} of the last
 * state it merklized; a leaf whose key and value are unchanged (the same array or equal octets) is not hashed again.
 * This matters for long values, which a leaf holds by their hash (eq. D.3): a service's code preimage of 100 kB or
 * more would otherwise be hashed on every block. Branches are always recomputed (one 64-octet hash each).
 *
 * <p>Gives exactly {@link StateTrie#root(Map)}; values must not change after they were given. Thread-safe.
 */
public final class StateTrieCache {

    /** A remembered leaf: its value (not copied) and identity. */
    private record Leaf(byte[] value, byte[] hash) {}

    private Map<StateKey, Leaf> last = new HashMap<>();

    /** {@code M_σ} over a state-key → value map; reuses and then replaces the remembered leaves. */
    public synchronized byte[] root(SortedMap<StateKey, byte[]> state) {
        if (state.comparator() != null) {
            return root((Map<StateKey, byte[]>) state);
        }
        int n = state.size();
        byte[][] keys = new byte[n][];
        byte[][] values = new byte[n][];
        byte[][] hashes = new byte[n][];
        StateKey[] stateKeys = new StateKey[n];
        int i = 0;
        for (Map.Entry<StateKey, byte[]> e : state.entrySet()) {
            StateKey k = e.getKey();
            byte[] v = e.getValue();
            stateKeys[i] = k;
            keys[i] = k.raw();
            values[i] = v;
            Leaf known = last.get(k);
            if (known != null && Arrays.equals(known.value, v)) {
                hashes[i] = known.hash;
            }
            i++;
        }
        byte[] root = StateTrie.rootOfSorted(keys, values, hashes);
        Map<StateKey, Leaf> next = HashMap.newHashMap(n);
        for (int j = 0; j < n; j++) {
            next.put(stateKeys[j], new Leaf(values[j], hashes[j]));
        }
        last = next;
        return root;
    }

    /** {@code M_σ} over a map in any order. */
    public byte[] root(Map<StateKey, byte[]> state) {
        if (state instanceof SortedMap<StateKey, byte[]> sm && sm.comparator() == null) {
            return root(sm);
        }
        return root(new java.util.TreeMap<>(state));
    }

    /** Forgets the remembered leaves. */
    public synchronized void clear() {
        last = new HashMap<>();
    }
}
