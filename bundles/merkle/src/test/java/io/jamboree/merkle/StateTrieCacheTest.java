package io.jamboree.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link StateTrieCache} gives exactly {@link StateTrie#root(Map)} over a random walk of states: values changed in
 * place of equal length, replaced by equal copies, keys added and removed, long (hashed) and short (embedded)
 * values, the empty state, and maps in other orders.
 */
class StateTrieCacheTest {

    private static StateKey randomKey(Random r) {
        byte[] k = new byte[StateKey.LENGTH];
        r.nextBytes(k);
        if (r.nextInt(4) == 0) {
            k[0] = 0; // shared prefixes give deeper branches
        }
        return StateKey.ofBytes(k);
    }

    private static byte[] randomValue(Random r) {
        byte[] v = new byte[r.nextInt(3) == 0 ? 33 + r.nextInt(3000) : r.nextInt(33)];
        r.nextBytes(v);
        return v;
    }

    @Test
    void equalsFullRootOverRandomWalk() {
        Random r = new Random(7);
        StateTrieCache cache = new StateTrieCache();
        TreeMap<StateKey, byte[]> state = new TreeMap<>();
        for (int step = 0; step < 300; step++) {
            TreeMap<StateKey, byte[]> next = new TreeMap<>(state);
            List<StateKey> keys = new ArrayList<>(next.keySet());
            int changes = r.nextInt(6);
            for (int c = 0; c < changes; c++) {
                switch (r.nextInt(5)) {
                    case 0, 1 -> next.put(randomKey(r), randomValue(r));
                    case 2 -> {
                        if (!keys.isEmpty()) {
                            next.remove(keys.get(r.nextInt(keys.size())));
                        }
                    }
                    case 3 -> {
                        if (!keys.isEmpty()) { // a new value of the same length under an old key
                            StateKey k = keys.get(r.nextInt(keys.size()));
                            byte[] v = next.get(k);
                            if (v != null) {
                                byte[] w = new byte[v.length];
                                r.nextBytes(w);
                                next.put(k, w);
                            }
                        }
                    }
                    default -> {
                        if (!keys.isEmpty()) { // an equal copy
                            StateKey k = keys.get(r.nextInt(keys.size()));
                            byte[] v = next.get(k);
                            if (v != null) {
                                next.put(k, v.clone());
                            }
                        }
                    }
                }
            }
            if (step == 150) {
                next.clear();
            }
            state = next;
            assertArrayEquals(StateTrie.root(state), cache.root(state), "step " + step);
            if (step % 10 == 0) {
                Map<StateKey, byte[]> unordered = new HashMap<>(state);
                assertArrayEquals(StateTrie.root(state), cache.root(unordered), "unordered, step " + step);
            }
        }
    }
}
