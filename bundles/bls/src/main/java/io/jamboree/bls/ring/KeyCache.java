package io.jamboree.bls.ring;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded LRU cache of decoded Bandersnatch keys (decoding includes a prime-subgroup check,
 * which dominates the cost of a ring commitment; validator keys repeat across epochs).
 */
final class KeyCache {
    private KeyCache() { }

    private static final int MAX = 8192;
    private static final Bandersnatch.Affine INVALID = new Bandersnatch.Affine(new long[4], new long[4]);
    private static final Map<ByteBuffer, Bandersnatch.Affine> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Bandersnatch.Affine> e) { return size() > MAX; }
    };

    /** Decoded key, or null if it does not decode to a prime-subgroup point. */
    static Bandersnatch.Affine decode(byte[] key) {
        ByteBuffer k = ByteBuffer.wrap(key.clone());
        Bandersnatch.Affine a;
        synchronized (CACHE) { a = CACHE.get(k); }
        if (a == null) {
            a = Bandersnatch.decode(key);
            if (a == null) a = INVALID;
            synchronized (CACHE) { CACHE.put(k, a); }
        }
        return a == INVALID ? null : a;
    }

    /** Empties the cache (for benchmarks). */
    static void clear() { synchronized (CACHE) { CACHE.clear(); } }
}
