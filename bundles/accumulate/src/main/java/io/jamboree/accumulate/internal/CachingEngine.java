package io.jamboree.accumulate.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmProgram;
import io.jamboree.pvm.StandardProgramBlob;
import io.jamboree.types.Hash;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps service code ready to run (GP 0.7.2 §9.1 a_c, Appendix A.7 Y), so that a service accumulated in many blocks
 * has its code preimage stripped, its standard program blob decoded and its code deblobbed and pre-decoded once,
 * not once per accumulate call. Keyed by the code hash a_c and the engine's current name (the active engine can be
 * switched); a hit is taken only for the very preimage octets it was made from (the same array, else equal octets),
 * so a state whose preimage does not match its hash still runs exactly the code it holds. Least recently used
 * entries are dropped. Entries are immutable, so sharing them between threads is safe.
 */
final class CachingEngine implements PvmEngine {
    private static final int CAPACITY = 64;

    /**
     * A service's code ready to run.
     *
     * @param preimage   the code preimage E(↕m, c) it was made from (not copied, never modified)
     * @param codeLength |c|, or -1 when the preimage does not decode as metadata and code (a_c = ∅)
     * @param blob       c decoded as a standard program blob, or null when c is malformed (Y = ∅)
     * @param program    c's code prepared by the engine, or null with {@code blob}
     */
    record ServiceProgram(byte[] preimage, int codeLength, StandardProgramBlob blob, PvmProgram program) {}

    private record Key(String engine, Hash codeHash) {}

    private final PvmEngine engine;
    private final Map<Key, ServiceProgram> programs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ServiceProgram> eldest) {
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
        return engine.prepare(blob);
    }

    /** The code of preimage {@code preimage} (the value a_p[codeHash]) on {@code engine}, cached if it caches. */
    static ServiceProgram serviceProgram(PvmEngine engine, Hash codeHash, byte[] preimage) {
        if (engine instanceof CachingEngine c) {
            return c.serviceProgram(codeHash, preimage);
        }
        return build(engine, preimage);
    }

    private ServiceProgram serviceProgram(Hash codeHash, byte[] preimage) {
        Key key = new Key(engine.name(), codeHash);
        synchronized (programs) {
            ServiceProgram p = programs.get(key);
            if (p != null && (p.preimage == preimage || Arrays.equals(p.preimage, preimage))) return p;
        }
        ServiceProgram p = build(engine, preimage);
        synchronized (programs) {
            programs.put(key, p);
        }
        return p;
    }

    /** Strips E(↕m, c) to c (eq. 9.4) without copying it, decodes c as p (A.7) and prepares p's code. */
    private static ServiceProgram build(PvmEngine engine, byte[] preimage) {
        int offset = codeOffset(preimage);
        if (offset < 0) return new ServiceProgram(preimage, -1, null, null);
        StandardProgramBlob blob = StandardProgramBlob.parse(preimage, offset).orElse(null);
        PvmProgram program = blob == null ? null : engine.prepare(blob.code());
        return new ServiceProgram(preimage, preimage.length - offset, blob, program);
    }

    /** Where c starts in E(↕m, c), or -1 if the preimage is malformed (as {@link ServiceCode#strip}). */
    private static int codeOffset(byte[] preimage) {
        try {
            Decoder d = new Decoder(preimage);
            long m = d.natural();
            if (m > d.remaining()) return -1;
            return d.position() + (int) m;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
