package io.jamboree.pvm.interpreter;

import io.jamboree.pvm.DecodedProgram;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.ProgramBlob;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

import java.util.Optional;


/**
 * A deblobbed program (GP A.1) pre-decoded by the shared {@link DecodedProgram} decoder into parallel primitive
 * arrays (one slot per instruction; see there), held in fields for the interpreter loop.
 */
final class InterpretedProgram implements PvmProgram {
    final boolean valid;
    final int codeLength;
    /** Effective opcode per slot (an invalid opcode becomes trap, A.5 opcode()). */
    final int[] op;
    /** Instruction counter ı of each slot. */
    final int[] pcs;
    /** Packed registers: first | second << 4 | third << 8 (meaning per layout: A/B/D or D/A). */
    final int[] regs;
    /** ν_X and ν_Y. */
    final long[] immX, immY;
    /** Branch / jump target slot, or -1 if the target is not a basic-block start. */
    final int[] target;
    /** Jump table j mapped to slots (-1 if j_i ∉ ϖ). */
    final int[] jumpSlots;
    /** Slot at each octet index, -1 if none (length codeLength + 26). */
    final int[] slotAt;

    private InterpretedProgram() {
        valid = false;
        codeLength = 0;
        op = pcs = regs = target = jumpSlots = slotAt = new int[0];
        immX = immY = new long[0];
    }

    static InterpretedProgram prepare(byte[] blob) {
        Optional<ProgramBlob> d = ProgramBlob.deblob(blob);
        return d.isPresent() ? new InterpretedProgram(DecodedProgram.decode(d.get())) : new InterpretedProgram();
    }

    private InterpretedProgram(DecodedProgram d) {
        valid = true;
        codeLength = d.codeLength();
        op = d.op();
        pcs = d.pcs();
        regs = d.regs();
        immX = d.immX();
        immY = d.immY();
        target = d.target();
        jumpSlots = d.jumpSlots();
        slotAt = d.slotAt();
    }

    /** @return the slot at octet index {@code pc}, or -1 if there is none */
    int slot(int pc) {
        return pc >= 0 && pc < slotAt.length ? slotAt[pc] : -1;
    }

    /** ı + 1 + skip(ı) (A.2). */
    int nextPc(int pc) {
        int s = slot(pc);
        if (s >= 0 && s + 1 < pcs.length) return pcs[s + 1];
        return pc + 1; // not an instruction start: ζ beyond the code, where skip is 0
    }

    @Override
    public boolean valid() {
        return valid;
    }

    @Override
    public int codeLength() {
        return codeLength;
    }

    @Override
    public PvmInstance instantiate(Memory memory) {
        return new InterpretedInstance(this, memory);
    }
}
