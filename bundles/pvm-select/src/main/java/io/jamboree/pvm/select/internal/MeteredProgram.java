package io.jamboree.pvm.select.internal;

import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

/** A prepared program (GP A.1) whose instances count their gas and run time into a {@link GasMeter}. */
final class MeteredProgram implements PvmProgram {
    private final PvmProgram program;
    private final GasMeter meter;

    MeteredProgram(PvmProgram program, GasMeter meter) {
        this.program = program;
        this.meter = meter;
    }

    @Override
    public boolean valid() {
        return program.valid();
    }

    @Override
    public int codeLength() {
        return program.codeLength();
    }

    @Override
    public PvmInstance instantiate(Memory memory) {
        return new MeteredInstance(this, program.instantiate(memory), meter);
    }

    @Override
    public PvmInstance instantiate(long[] registers, int pc, long gas, Memory memory) {
        return new MeteredInstance(this, program.instantiate(registers, pc, gas, memory), meter);
    }

    @Override
    public String toString() {
        return program.toString();
    }
}
