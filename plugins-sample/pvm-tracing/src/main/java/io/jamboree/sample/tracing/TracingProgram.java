package io.jamboree.sample.tracing;

import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

/** A program of the inner engine whose machines report the gas they use to a {@link GasCounter}. */
final class TracingProgram implements PvmProgram {
    private final PvmProgram inner;
    private final GasCounter counter;

    TracingProgram(PvmProgram inner, GasCounter counter) {
        this.inner = inner;
        this.counter = counter;
    }

    @Override
    public boolean valid() {
        return inner.valid();
    }

    @Override
    public int codeLength() {
        return inner.codeLength();
    }

    @Override
    public PvmInstance instantiate(Memory memory) {
        counter.addRun();
        return new TracingInstance(inner.instantiate(memory), this, counter);
    }

    @Override
    public PvmInstance instantiate(long[] registers, int pc, long gas, Memory memory) {
        counter.addRun();
        return new TracingInstance(inner.instantiate(registers, pc, gas, memory), this, counter);
    }
}
