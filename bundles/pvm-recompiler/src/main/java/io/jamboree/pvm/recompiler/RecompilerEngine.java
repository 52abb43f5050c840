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

    private final ProgramCache cache;
    private final int compileThreshold;

    /** An engine with the default cache that compiles every program. */
    public RecompilerEngine() {
        this(DEFAULT_CACHE_SIZE, 0);
    }

    /**
     * @param cacheSize        number of prepared programs kept (0 disables the cache)
     * @param compileThreshold programs with fewer instructions are stepped, not compiled
     */
    public RecompilerEngine(int cacheSize, int compileThreshold) {
        this.cache = new ProgramCache(cacheSize);
        this.compileThreshold = compileThreshold;
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
        Compiled c = d.op.length >= compileThreshold ? Codegen.compile(d) : null;
        return new RecompiledProgram(d, c);
    }
}
