package io.jamboree.accumulate.internal;

import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmProgram;

/**
 * An integrated PVM M = (p code, u RAM, i instruction counter) (GP 0.7.2 Appendix B.3, eq. pvmguest), the
 * inner machines of the refine context m. The code is kept prepared by the outer invocation's engine;
 * RAM and counter change with {@code pages}, {@code poke} and {@code invoke}.
 */
final class PvmGuest {
    /** p, prepared (always a valid blob: {@code machine} refuses others). */
    final PvmProgram program;
    /** u, the inner RAM. */
    Memory ram;
    /** i, the instruction counter (a register value). */
    long pc;

    PvmGuest(PvmProgram program, Memory ram, long pc) {
        this.program = program;
        this.ram = ram;
        this.pc = pc;
    }
}
