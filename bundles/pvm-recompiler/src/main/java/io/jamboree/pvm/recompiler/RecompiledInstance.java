package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.MemoryAccessException;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

/**
 * A PVM machine (GP 0.7.2 A.1) running compiled units (A.3 basic blocks, charged as a whole on entry when the
 * gas suffices) and stepping single instructions (A.4 Ψ_1, 1 gas each per A.5) otherwise, so that out-of-gas,
 * faults and host calls leave exactly the state of the per-instruction definition.
 */
final class RecompiledInstance implements PvmInstance {
    private static final long LOW_RAM = 1L << 16;

    private final RecompiledProgram program;
    private final Decoded d;
    private final Memory memory;
    private final long[] reg = new long[13];
    /** Exchange area with generated code: gas, slot, extra (fault address or host-call index). */
    private final long[] st = new long[3];
    private int pc;
    private long gas;
    private ExitReason exit;
    /** Number of entries into generated code (for tests and diagnostics). */
    long compiledEntries;

    RecompiledInstance(RecompiledProgram program, Memory memory) {
        this.program = program;
        this.d = program.decoded();
        this.memory = memory;
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
        return pc;
    }

    @Override
    public void setPc(int pc) {
        this.pc = pc;
    }

    @Override
    public long gas() {
        return gas;
    }

    @Override
    public void setGas(long gas) {
        this.gas = gas;
    }

    @Override
    public Memory memory() {
        return memory;
    }

    @Override
    public void resumeAfterHostCall() {
        if (d == null) return;
        int s = d.slot(pc);
        pc = s >= 0 && s + 1 < d.pcs.length ? d.pcs[s + 1] : pc + 1;
    }

    @Override
    public ExitReason run() {
        if (d == null) return ExitReason.PANIC; // deblob failed (A.1)
        int s = d.slot(pc);
        if (s < 0) { // no opcode at ı: trap
            gas -= 1;
            return gas < 0 ? ExitReason.OUT_OF_GAS : ExitReason.PANIC;
        }
        final Compiled code = program.compiled();
        for (;;) {
            if (code != null && d.unitEntry(s) && gas >= d.unitLen[d.unitOf[s]]) {
                st[0] = gas;
                int rc = code.run(reg, memory, st, d.jumpSlots, s);
                if (rc == Compiled.COLD) { // step the whole unit: only its last instruction can jump or exit early
                    for (int k = d.unitLen[d.unitOf[s]]; k > 0; k--) {
                        s = step(s);
                        if (s < 0) return exit;
                    }
                    continue;
                }
                compiledEntries++;
                gas = st[0];
                s = (int) st[1];
                switch (rc) {
                    case Compiled.HALT -> { pc = d.pcs[s]; return ExitReason.HALT; }
                    case Compiled.PANIC -> { pc = d.pcs[s]; return ExitReason.PANIC; }
                    case Compiled.FAULT -> {
                        gas += d.refund(s) - 1; // only the faulting instruction stays charged (see InterpretedInstance)
                        pc = d.pcs[s];
                        return memoryExit(st[2]);
                    }
                    case Compiled.HOST -> { pc = d.pcs[s]; return new ExitReason.HostCall(st[2]); }
                    case Compiled.STEP, Compiled.CONTINUE -> { }
                    default -> throw new IllegalStateException("generated code returned " + rc);
                }
                if (rc == Compiled.CONTINUE) continue;
            }
            s = step(s);
            if (s < 0) return exit;
        }
    }

    /** Ψ_1 for the slot s (A.4): the next slot, or -1 with {@link #exit}, pc and gas set. */
    private int step(int s) {
        final int o = d.op[s], x = d.regs[s];
        final long ix = d.immX[s], iy = d.immY[s];
        final long[] r = reg;
        final int ra = x & 15, rb = (x >>> 4) & 15, rc = x >>> 8;
        if (gas < 1) {
            pc = d.pcs[s];
            gas -= 1;
            return stop(ExitReason.OUT_OF_GAS);
        }
        gas -= 1;
        try {
            switch (o) {
                case 0 -> { pc = d.pcs[s]; return stop(ExitReason.PANIC); }
                case 1 -> { return s + 1; }
                case 10 -> { pc = d.pcs[s]; return stop(new ExitReason.HostCall(ix)); }
                case 20, 51 -> r[ra] = ix;
                case 30, 31, 32, 33, 59, 60, 61, 62, 70, 71, 72, 73, 120, 121, 122, 123 -> {
                    int a = address(o, ra, rb, ix);
                    long v = o <= 33 || (o >= 70 && o <= 73) ? iy : r[ra];
                    switch (Isa.width(o)) {
                        case 1 -> memory.storeU8(a, v);
                        case 2 -> memory.storeU16(a, v);
                        case 4 -> memory.storeU32(a, v);
                        default -> memory.storeU64(a, v);
                    }
                }
                case 52, 53, 54, 55, 56, 57, 58, 124, 125, 126, 127, 128, 129, 130 -> {
                    int a = address(o, ra, rb, ix);
                    r[ra] = switch (o) {
                        case 52, 124 -> memory.loadU8(a);
                        case 53, 125 -> (byte) memory.loadU8(a);
                        case 54, 126 -> memory.loadU16(a);
                        case 55, 127 -> (short) memory.loadU16(a);
                        case 56, 128 -> memory.loadU32(a);
                        case 57, 129 -> (int) memory.loadU32(a);
                        default -> memory.loadU64(a);
                    };
                }
                case 40 -> { return jump(s, d.target[s]); }
                case 50, 180 -> {
                    long a = (o == 50 ? r[ra] + ix : r[rb] + iy) & 0xFFFF_FFFFL;
                    if (o == 180) r[ra] = ix;
                    int t = Isa.djump(a, d.jumpSlots);
                    if (t < 0) { pc = d.pcs[s]; return stop(t == -2 ? ExitReason.HALT : ExitReason.PANIC); }
                    return t;
                }
                case 80 -> { r[ra] = ix; return jump(s, d.target[s]); }
                case 81, 82, 83, 84, 85, 86, 87, 88, 89, 90 -> {
                    return Isa.branch(o, r[ra], ix) ? jump(s, d.target[s]) : s + 1;
                }
                case 170, 171, 172, 173, 174, 175 -> {
                    return Isa.branch(o, r[ra], r[rb]) ? jump(s, d.target[s]) : s + 1;
                }
                case 101 -> r[ra] = Isa.sbrk(memory, r[rb]);
                case 147 -> { if (r[rb] == 0) r[ra] = ix; }
                case 148 -> { if (r[rb] != 0) r[ra] = ix; }
                case 218 -> { if (r[rb] == 0) r[rc] = r[ra]; }
                case 219 -> { if (r[rb] != 0) r[rc] = r[ra]; }
                default -> {
                    if (o < 120) r[ra] = Isa.alu(o, r[rb], 0);
                    else if (o < 190) r[ra] = Isa.alu(o, r[rb], ix);
                    else r[rc] = Isa.alu(o, r[ra], r[rb]);
                }
            }
            return s + 1;
        } catch (MemoryAccessException e) {
            // ε^μ keeps the instruction charged, as the interpreter does (fuzz-proto sessions; GP A.4 charges nothing)
            pc = d.pcs[s];
            return stop(memoryExit(e.address()));
        }
    }

    private int jump(int s, int t) {
        if (t >= 0) return t;
        pc = d.pcs[s];
        return stop(ExitReason.PANIC);
    }

    private int stop(ExitReason e) {
        exit = e;
        return -1;
    }

    private int address(int o, int ra, int rb, long ix) {
        if (o >= 120) return (int) (reg[rb] + ix);
        if (o >= 70) return (int) (reg[ra] + ix);
        return (int) ix;
    }

    private static ExitReason memoryExit(long address) {
        return address < LOW_RAM ? ExitReason.PANIC
                : new ExitReason.PageFault(address & ~(long) (Memory.PAGE_SIZE - 1));
    }
}
