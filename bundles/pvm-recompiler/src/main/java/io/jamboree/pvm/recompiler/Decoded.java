package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.DecodedProgram;
import io.jamboree.pvm.Opcodes;
import io.jamboree.pvm.ProgramBlob;

/**
 * A deblobbed program (GP A.1) decoded by the shared {@link DecodedProgram} decoder into one slot per instruction
 * (see there), held in fields for the code generator.
 *
 * <p>Slots are also grouped into compilation units: maximal runs ending with a block terminator (A.3, T) or an
 * {@code ecalli} (so execution resumed after a host call always starts a unit).
 */
final class Decoded {
    final int codeLength;
    final int[] op, pcs, regs, target, jumpSlots, slotAt;
    final long[] immX, immY;
    /** Unit index of each slot; first slot and slot count of each unit. */
    final int[] unitOf, unitStart, unitLen;

    Decoded(ProgramBlob b) {
        DecodedProgram p = DecodedProgram.decode(b);
        codeLength = p.codeLength();
        op = p.op();
        pcs = p.pcs();
        regs = p.regs();
        immX = p.immX();
        immY = p.immY();
        target = p.target();
        jumpSlots = p.jumpSlots();
        slotAt = p.slotAt();
        int count = op.length;
        // units
        unitOf = new int[count];
        int units = 0;
        for (int s = 0; s < count; s++) {
            unitOf[s] = units;
            if (Opcodes.terminates(op[s]) || op[s] == Opcodes.ECALLI || s == count - 1) units++;
        }
        unitStart = new int[units];
        unitLen = new int[units];
        for (int s = count - 1; s >= 0; s--) {
            unitStart[unitOf[s]] = s;
            unitLen[unitOf[s]]++;
        }
    }

    int slot(int pc) {
        return pc >= 0 && pc < slotAt.length ? slotAt[pc] : -1;
    }

    boolean unitEntry(int s) {
        return unitStart[unitOf[s]] == s;
    }

    /** Gas to give back when slot s faults after its whole unit was charged: s and the slots after it. */
    int refund(int s) {
        int u = unitOf[s];
        return unitStart[u] + unitLen[u] - s;
    }
}
