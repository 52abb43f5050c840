package io.jamboree.pvm.interpreter;

import io.jamboree.pvm.Memory;
import io.jamboree.pvm.ProgramBlob;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

import java.util.Arrays;
import java.util.Optional;

import static io.jamboree.pvm.interpreter.Opcodes.*;

/**
 * A deblobbed program (GP 0.7.2 A.1) pre-decoded into parallel primitive arrays, one "slot" per instruction
 * opcode octet (k_n = 1), plus a synthetic {@code trap} slot wherever fall-through lands on an octet that
 * starts no instruction (past the end of c, where ζ is zero, or after a skip capped at 24). Slots are in
 * code order, so the fall-through successor of slot i is always slot i + 1. Operands follow A.5: register
 * indices min(12, …), immediates ν already sign-extended (sext_l), branch offsets resolved to the target
 * slot or -1 when the target is not in ϖ (A.3), the jump table resolved the same way.
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
        return d.isPresent() ? new InterpretedProgram(d.get()) : new InterpretedProgram();
    }

    private InterpretedProgram(ProgramBlob b) {
        valid = true;
        final byte[] c = b.code();
        final boolean[] k = b.bitmask();
        final int n = c.length;
        codeLength = n;

        // skip(i) = min(24, distance to the next set bit of k ⌢ [1, 1, …]) - computed from a backwards scan
        int[] nextSet = new int[n + 1];
        int next = n;
        for (int i = n - 1; i >= 0; i--) {
            nextSet[i] = next;
            if (k[i]) next = i;
        }
        int span = n + 26;
        boolean[] isSlot = new boolean[span];
        boolean[] blockStart = new boolean[n];
        if (n > 0 && k[0] && format(c[0] & 0xFF) != INVALID) blockStart[0] = true;
        for (int i = 0; i < n; i++) {
            if (!k[i]) continue;
            isSlot[i] = true;
            int t = i + 1 + Math.min(24, nextSet[i] - i - 1);
            isSlot[t] = true;
            int o = c[i] & 0xFF;
            if (format(o) != INVALID && terminates(o) && t < n && k[t] && format(c[t] & 0xFF) != INVALID) {
                blockStart[t] = true;
            }
        }
        slotAt = new int[span];
        Arrays.fill(slotAt, -1);
        int count = 0;
        for (int i = 0; i < span; i++) if (isSlot[i]) slotAt[i] = count++;
        op = new int[count];
        pcs = new int[count];
        regs = new int[count];
        immX = new long[count];
        immY = new long[count];
        target = new int[count];
        Arrays.fill(target, -1);

        for (int i = 0; i < span; i++) {
            int s = slotAt[i];
            if (s < 0) continue;
            pcs[s] = i;
            if (i >= n || !k[i]) { op[s] = TRAP; continue; }
            int o = c[i] & 0xFF;
            int f = format(o);
            if (f == INVALID) { op[s] = TRAP; continue; }
            op[s] = o;
            int l = Math.min(24, nextSet[i] - i - 1);
            int z1 = at(c, i + 1);
            switch (f) {
                case F_NONE -> { }
                case F_IMM -> immX[s] = imm(c, i + 1, Math.min(4, l));
                case F_REG_EXT_IMM -> {
                    regs[s] = Math.min(12, z1 & 15);
                    long v = 0;
                    for (int j = 0; j < 8; j++) v |= (long) at(c, i + 2 + j) << (8 * j);
                    immX[s] = v;
                }
                case F_TWO_IMM -> {
                    int lx = Math.min(4, z1 & 7);
                    int ly = Math.min(4, Math.max(0, l - lx - 1));
                    immX[s] = imm(c, i + 2, lx);
                    immY[s] = imm(c, i + 2 + lx, ly);
                }
                case F_OFFSET -> target[s] = resolve(i + imm(c, i + 1, Math.min(4, l)), blockStart);
                case F_REG_IMM -> {
                    regs[s] = Math.min(12, z1 & 15);
                    immX[s] = imm(c, i + 2, Math.min(4, Math.max(0, l - 1)));
                }
                case F_REG_TWO_IMM, F_REG_IMM_OFFSET -> {
                    regs[s] = Math.min(12, z1 & 15);
                    int lx = Math.min(4, (z1 >>> 4) & 7);
                    int ly = Math.min(4, Math.max(0, l - lx - 1));
                    immX[s] = imm(c, i + 2, lx);
                    long y = imm(c, i + 2 + lx, ly);
                    if (f == F_REG_TWO_IMM) immY[s] = y;
                    else target[s] = resolve(i + y, blockStart);
                }
                case F_TWO_REG -> regs[s] = Math.min(12, z1 & 15) | Math.min(12, z1 >>> 4) << 4;
                case F_TWO_REG_IMM -> {
                    regs[s] = Math.min(12, z1 & 15) | Math.min(12, z1 >>> 4) << 4;
                    immX[s] = imm(c, i + 2, Math.min(4, Math.max(0, l - 1)));
                }
                case F_TWO_REG_OFFSET -> {
                    regs[s] = Math.min(12, z1 & 15) | Math.min(12, z1 >>> 4) << 4;
                    target[s] = resolve(i + imm(c, i + 2, Math.min(4, Math.max(0, l - 1))), blockStart);
                }
                case F_TWO_REG_TWO_IMM -> {
                    regs[s] = Math.min(12, z1 & 15) | Math.min(12, z1 >>> 4) << 4;
                    int lx = Math.min(4, at(c, i + 2) & 7);
                    int ly = Math.min(4, Math.max(0, l - lx - 2));
                    immX[s] = imm(c, i + 3, lx);
                    immY[s] = imm(c, i + 3 + lx, ly);
                }
                case F_THREE_REG -> regs[s] = Math.min(12, z1 & 15) | Math.min(12, z1 >>> 4) << 4
                        | Math.min(12, at(c, i + 2)) << 8;
                default -> throw new IllegalStateException();
            }
        }
        long[] j = b.jumpTable();
        jumpSlots = new int[j.length];
        for (int i = 0; i < j.length; i++) jumpSlots[i] = resolve(j[i], blockStart);
    }

    /** ζ_i: the code octet, or 0 past the end (A.2, eq:instructions). */
    private static int at(byte[] c, int i) {
        return i < c.length ? c[i] & 0xFF : 0;
    }

    /** sext_l(E_l^-1(ζ[i..i+l])) (A.4, eq:signedextension); also serves signed offsets as 64-bit values. */
    private static long imm(byte[] c, int i, int l) {
        if (l == 0) return 0;
        long v = 0;
        for (int j = 0; j < l; j++) v |= (long) at(c, i + j) << (8 * j);
        int sh = 64 - 8 * l;
        return (v << sh) >> sh;
    }

    private int resolve(long pc, boolean[] blockStart) {
        if (pc < 0 || pc >= blockStart.length || !blockStart[(int) pc]) return -1;
        return slotAt[(int) pc];
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
