package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

/**
 * A machine of the {@link TieredEngine} (GP 0.7.2 A.1): runs on an interpreter instance until its program's
 * tier-1 form is ready, then moves its state (ı, ξ, ω; μ is shared) to a tier-1 instance at the start of the
 * next {@link #run()}. Its register file is its own, copied to and from the running machine around each run, so
 * that callers may keep the array across runs.
 */
final class TieredInstance implements PvmInstance {
    private final TieredProgram program;
    private final long[] reg = new long[13];
    private PvmInstance vm;
    private boolean onCompiled;

    TieredInstance(TieredProgram program, PvmInstance vm, boolean onCompiled) {
        this.program = program;
        this.vm = vm;
        this.onCompiled = onCompiled;
    }

    @Override
    public PvmProgram program() {
        return program;
    }

    @Override
    public long[] registers() {
        return reg;
    }

    @Override
    public int pc() {
        return vm.pc();
    }

    @Override
    public void setPc(int pc) {
        vm.setPc(pc);
    }

    @Override
    public long gas() {
        return vm.gas();
    }

    @Override
    public void setGas(long gas) {
        vm.setGas(gas);
    }

    @Override
    public Memory memory() {
        return vm.memory();
    }

    @Override
    public void resumeAfterHostCall() {
        vm.resumeAfterHostCall();
    }

    @Override
    public ExitReason run() {
        if (!onCompiled) {
            PvmProgram c = program.compiled();
            if (c != null) {
                PvmInstance next = c.instantiate(vm.memory());
                next.setPc(vm.pc());
                next.setGas(vm.gas());
                vm = next;
                onCompiled = true;
            }
        }
        long[] r = vm.registers();
        System.arraycopy(reg, 0, r, 0, 13);
        long before = vm.gas();
        ExitReason e = vm.run();
        System.arraycopy(r, 0, reg, 0, 13);
        if (!onCompiled) program.spent(before - vm.gas());
        return e;
    }

    /** @return the entries into generated code so far (for tests) */
    long chunkEntries() {
        return vm instanceof RecompiledInstance r ? r.compiledEntries : 0;
    }

    /** @return whether this machine runs on tier 1 now (for tests) */
    boolean compiledNow() {
        return onCompiled;
    }
}
