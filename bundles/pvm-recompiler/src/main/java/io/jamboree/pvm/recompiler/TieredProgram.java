package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A program of the {@link TieredEngine}: its interpreted form, and its compiled form once the compiler thread has
 * built it. Counts instantiations and gas spent (GP A.1 ξ consumed by Ψ) over all its instances to decide when it
 * is hot. Thread-safe.
 */
final class TieredProgram implements PvmProgram {
    private final TieredEngine engine;
    private final PvmProgram interpreted;
    private final byte[] blob;
    private final AtomicLong instantiations = new AtomicLong();
    private final AtomicLong gasSpent = new AtomicLong();
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile PvmProgram compiled;

    TieredProgram(TieredEngine engine, PvmProgram interpreted, byte[] blob) {
        this.engine = engine;
        this.interpreted = interpreted;
        this.blob = blob;
    }

    byte[] blob() {
        return blob;
    }

    /** @return the compiled form, or null while the program is cold or being compiled */
    PvmProgram compiled() {
        return compiled;
    }

    void compiled(PvmProgram p) {
        compiled = p;
    }

    /** @return the interpreted form */
    PvmProgram interpreted() {
        return interpreted;
    }

    /** Adds gas spent by an instance; queues the compilation once the program is hot. */
    void spent(long gas) {
        long g = gas > 0 ? gasSpent.addAndGet(gas) : gasSpent.get();
        if (!queued.get() && engine.hot(instantiations.get(), g) && queued.compareAndSet(false, true)) {
            engine.compile(this);
        }
    }

    @Override
    public boolean valid() {
        return interpreted.valid();
    }

    @Override
    public int codeLength() {
        return interpreted.codeLength();
    }

    @Override
    public PvmInstance instantiate(Memory memory) {
        instantiations.incrementAndGet();
        if (valid()) spent(0);
        PvmProgram c = compiled;
        return new TieredInstance(this, c != null ? c.instantiate(memory) : interpreted.instantiate(memory), c != null);
    }
}
