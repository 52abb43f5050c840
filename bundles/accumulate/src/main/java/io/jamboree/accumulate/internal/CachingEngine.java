package io.jamboree.accumulate.internal;

import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmProgram;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the programs a {@link PvmEngine} prepared for service code (GP §9.1 a_c), so that a service
 * accumulated in many blocks is deblobbed and pre-decoded once. Keyed by the engine's current name
 * (the active engine can be switched) and the code octets; least recently used programs are dropped.
 * Prepared programs are immutable and thread-safe, so sharing them is safe.
 */
final class CachingEngine implements PvmEngine {
    private static final int CAPACITY = 64;

    private record Key(String engine, ByteBuffer code) {}

    private final PvmEngine engine;
    private final Map<Key, PvmProgram> programs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PvmProgram> eldest) {
            return size() > CAPACITY;
        }
    };

    CachingEngine(PvmEngine engine) {
        this.engine = Objects.requireNonNull(engine);
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public PvmProgram prepare(byte[] blob) {
        Key key = new Key(engine.name(), ByteBuffer.wrap(blob.clone()));
        synchronized (programs) {
            PvmProgram p = programs.get(key);
            if (p != null) return p;
        }
        PvmProgram p = engine.prepare(blob);
        synchronized (programs) {
            programs.put(key, p);
        }
        return p;
    }
}
