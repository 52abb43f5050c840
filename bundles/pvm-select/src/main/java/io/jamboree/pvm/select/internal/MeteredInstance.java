package io.jamboree.pvm.select.internal;

import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

/**
 * A PVM instance (GP A.2, Ψ) that adds the gas each {@link #run()} consumed (ϱ before the run minus ϱ after it, a
 * counter left below zero by running out of gas taken as zero) and the run's wall time to a {@link GasMeter}.
 */
final class MeteredInstance implements PvmInstance {
    private final MeteredProgram program;
    private final PvmInstance vm;
    private final GasMeter meter;

    MeteredInstance(MeteredProgram program, PvmInstance vm, GasMeter meter) {
        this.program = program;
        this.vm = vm;
        this.meter = meter;
    }

    @Override
    public ExitReason run() {
        long before = vm.gas();
        long t0 = System.nanoTime();
        try {
            return vm.run();
        } finally {
            long took = System.nanoTime() - t0;
            long after = vm.gas();
            long used = before - (after > 0 ? after : 0);
            meter.add(used > 0 ? used : 0, took);
        }
    }

    @Override
    public PvmProgram program() {
        return program;
    }

    @Override
    public long[] registers() {
        return vm.registers();
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
    public int gpPc(ExitReason exit) {
        return vm.gpPc(exit);
    }
}
