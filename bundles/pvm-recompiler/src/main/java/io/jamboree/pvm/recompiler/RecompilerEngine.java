package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.ProgramBlob;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmProgram;
import org.osgi.service.component.annotations.Component;

import java.util.Optional;

/**
 * The PVM (GP 0.7.2 Appendix A) as a recompiler to JVM bytecode: basic blocks (A.3) become straight-line
 * bytecode in hidden classes, HotSpot JIT-compiles them further. Behaves exactly like the interpreter engine
 * (same exit reason, ı, gas, registers and RAM), and so can replace it at any time. Prepared programs are
 * cached by the SHA-256 of their blob.
 */
@Component(service = PvmEngine.class, property = "pvm.engine=recompiler")
public final class RecompilerEngine implements PvmEngine {
    /** Default number of cached programs. */
    public static final int DEFAULT_CACHE_SIZE = 256;
    /**
     * Default number of entries into a chunk of units (over all runs of the program) before its code is
     * generated; until then its instructions are stepped. See README (PVM engines) for the measurements.
     */
    public static final int DEFAULT_HOT_ENTRIES = Integer.getInteger("jam.pvm.recompiler.hot", 64);

    private final ProgramCache<RecompiledProgram> cache;
    private final int compileThreshold;
    private final int hotEntries;

    /** An engine with the default cache that generates code for chunks once they are hot. */
    public RecompilerEngine() {
        this(DEFAULT_CACHE_SIZE, 0, DEFAULT_HOT_ENTRIES);
    }

    /**
     * An engine that generates the code of every chunk on its first entry.
     *
     * @param cacheSize        number of prepared programs kept (0 disables the cache)
     * @param compileThreshold programs with fewer instructions are stepped, not compiled
     */
    public RecompilerEngine(int cacheSize, int compileThreshold) {
        this(cacheSize, compileThreshold, 1);
    }

    /**
     * @param cacheSize        number of prepared programs kept (0 disables the cache)
     * @param compileThreshold programs with fewer instructions are stepped, not compiled
     * @param hotEntries       entries into a chunk of units before its code is generated (1: at once)
     */
    public RecompilerEngine(int cacheSize, int compileThreshold, int hotEntries) {
        this.cache = new ProgramCache<>(cacheSize);
        this.compileThreshold = compileThreshold;
        this.hotEntries = Math.max(1, hotEntries);
    }

    @Override
    public String name() {
        return "recompiler";
    }

    @Override
    public PvmProgram prepare(byte[] blob) {
        return cache.get(ProgramCache.key(blob), () -> build(blob));
    }

    /** @return the number of cached programs */
    public int cachedPrograms() {
        return cache.size();
    }

    private RecompiledProgram build(byte[] blob) {
        Optional<ProgramBlob> b = ProgramBlob.deblob(blob);
        if (b.isEmpty()) return new RecompiledProgram(null, null);
        Decoded d = new Decoded(b.get());
        Compiled c = d.op.length >= compileThreshold ? Codegen.compile(d, hotEntries) : null;
        return new RecompiledProgram(d, c);
    }
}
