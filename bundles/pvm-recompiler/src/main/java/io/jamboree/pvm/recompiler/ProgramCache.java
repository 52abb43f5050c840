package io.jamboree.pvm.recompiler;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded LRU (by entry count) of prepared programs keyed by the SHA-256 of their blob, so that preparing
 * the same code again costs one hash. Thread-safe.
 */
final class ProgramCache<P> {
    private final int capacity;
    private final Map<String, P> map;

    ProgramCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, P> eldest) {
                return size() > capacity;
            }
        };
    }

    static String key(byte[] blob) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the cached program for {@code key}, building (outside the lock) and caching it if absent */
    P get(String key, Supplier<P> build) {
        if (capacity <= 0) return build.get();
        synchronized (map) {
            P p = map.get(key);
            if (p != null) return p;
        }
        P p = build.get();
        synchronized (map) {
            P q = map.putIfAbsent(key, p);
            return q != null ? q : p;
        }
    }

    int size() {
        synchronized (map) {
            return map.size();
        }
    }
}
