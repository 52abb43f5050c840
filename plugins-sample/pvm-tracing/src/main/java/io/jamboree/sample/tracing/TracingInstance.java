package io.jamboree.sample.tracing;

import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

/**
 * A machine of the inner engine that counts gas: what each {@link #run()} (Ψ, GP A.1) charges, plus what host
 * calls charge between runs through {@link #setGas(long)} (GP A.6, Ψ_H). Everything else is delegated; the
 * counting costs two reads of the gas counter per run, nothing per instruction.
 */
final class TracingInstance implements PvmInstance {
    private final PvmInstance inner;
    private final PvmProgram program;
    private final GasCounter counter;

    TracingInstance(PvmInstance inner, PvmProgram program, GasCounter counter) {
        this.inner = inner;
        this.program = program;
        this.counter = counter;
    }

    @Override
    public PvmProgram program() {
        return program;
    }

    @Override
    public long[] registers() {
        return inner.registers();
    }

    @Override
    public int pc() {
        return inner.pc();
    }

    @Override
    public void setPc(int pc) {
        inner.setPc(pc);
    }

    @Override
    public long gas() {
        return inner.gas();
    }

    @Override
    public void setGas(long gas) {
        long before = inner.gas();
        if (gas < before && before > 0) {
            counter.addGas(before - Math.max(gas, 0));
        }
        inner.setGas(gas);
    }

    @Override
    public Memory memory() {
        return inner.memory();
    }

    @Override
    public ExitReason run() {
        long before = inner.gas();
        ExitReason exit = inner.run();
        long after = inner.gas();
        if (before > 0 && after < before) {
            counter.addGas(before - Math.max(after, 0));
        }
        return exit;
    }

    @Override
    public void resumeAfterHostCall() {
        inner.resumeAfterHostCall();
    }
}
