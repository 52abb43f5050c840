package io.jamboree.pvm;

import static io.jamboree.pvm.Opcodes.*;

import java.util.Arrays;

/**
 * A deblobbed program (GP Appendix A.1) decoded into parallel primitive arrays, one slot per instruction opcode
 * octet (A.2), plus a synthetic {@code trap} slot wherever fall-through lands on an octet that starts no
 * instruction (past the end of c, where ζ is zero, or after a skip capped at 24). Slots are in code order, so the
 * fall-through successor of slot s is slot s + 1. Operands follow A.5: register indices min(12, …), immediates ν
 * already sign-extended (sext_l, A.4), branch offsets resolved to the target slot or -1 when the target is not in
 * ϖ (the basic-block starts, A.3), the jump table resolved the same way. The one decoder of every engine; the
 * arrays are shared, not copied: engines must not modify them.
 *
 * @param codeLength |c|
 * @param op effective opcode per slot (an invalid opcode, or an octet outside the instructions, is {@code trap})
 * @param pcs instruction counter ı of each slot
 * @param regs packed registers: first | second &lt;&lt; 4 | third &lt;&lt; 8 (meaning per layout: A/B/D or D/A)
 * @param immX ν_X per slot
 * @param immY ν_Y per slot
 * @param target branch or jump target slot, or -1 if the target is not a basic-block start
 * @param jumpSlots the jump table j mapped to slots (-1 if j_i ∉ ϖ)
 * @param slotAt the slot at each octet index, -1 if none (length |c| + 26)
 */
public record DecodedProgram(int codeLength, int[] op, int[] pcs, int[] regs, long[] immX, long[] immY,
        int[] target, int[] jumpSlots, int[] slotAt) {

    /** Decodes a deblobbed program. */
    public static DecodedProgram decode(ProgramBlob b) {
        final byte[] c = b.code();
        final boolean[] k = b.bitmask();
        final int n = c.length;

        // skip(i) = min(24, distance to the next set bit of k ⌢ [1, 1, …]), from a backwards scan
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
        int[] slotAt = new int[span];
        Arrays.fill(slotAt, -1);
        int count = 0;
        for (int i = 0; i < span; i++) if (isSlot[i]) slotAt[i] = count++;
        int[] op = new int[count];
        int[] pcs = new int[count];
        int[] regs = new int[count];
        long[] immX = new long[count];
        long[] immY = new long[count];
        int[] target = new int[count];
        Arrays.fill(target, -1);

        for (int i = 0; i < span; i++) {
            int s = slotAt[i];
            if (s < 0) continue;
            pcs[s] = i;
            if (i >= n || !k[i]) {
                op[s] = TRAP;
                continue;
            }
            int o = c[i] & 0xFF;
            int f = format(o);
            if (f == INVALID) {
                op[s] = TRAP;
                continue;
            }
            op[s] = o;
            int l = Math.min(24, nextSet[i] - i - 1);
            int z1 = at(c, i + 1);
            int ra = Math.min(12, z1 & 15);
            int rb = Math.min(12, z1 >>> 4);
            switch (f) {
                case F_NONE -> { }
                case F_IMM -> immX[s] = imm(c, i + 1, Math.min(4, l));
                case F_REG_EXT_IMM -> {
                    regs[s] = ra;
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
                case F_OFFSET -> target[s] = resolve(i + imm(c, i + 1, Math.min(4, l)), blockStart, slotAt);
                case F_REG_IMM -> {
                    regs[s] = ra;
                    immX[s] = imm(c, i + 2, Math.min(4, Math.max(0, l - 1)));
                }
                case F_REG_TWO_IMM, F_REG_IMM_OFFSET -> {
                    regs[s] = ra;
                    int lx = Math.min(4, (z1 >>> 4) & 7);
                    int ly = Math.min(4, Math.max(0, l - lx - 1));
                    immX[s] = imm(c, i + 2, lx);
                    long y = imm(c, i + 2 + lx, ly);
                    if (f == F_REG_TWO_IMM) immY[s] = y;
                    else target[s] = resolve(i + y, blockStart, slotAt);
                }
                case F_TWO_REG -> regs[s] = ra | rb << 4;
                case F_TWO_REG_IMM -> {
                    regs[s] = ra | rb << 4;
                    immX[s] = imm(c, i + 2, Math.min(4, Math.max(0, l - 1)));
                }
                case F_TWO_REG_OFFSET -> {
                    regs[s] = ra | rb << 4;
                    target[s] = resolve(i + imm(c, i + 2, Math.min(4, Math.max(0, l - 1))), blockStart, slotAt);
                }
                case F_TWO_REG_TWO_IMM -> {
                    regs[s] = ra | rb << 4;
                    int lx = Math.min(4, at(c, i + 2) & 7);
                    int ly = Math.min(4, Math.max(0, l - lx - 2));
                    immX[s] = imm(c, i + 3, lx);
                    immY[s] = imm(c, i + 3 + lx, ly);
                }
                case F_THREE_REG -> regs[s] = ra | rb << 4 | Math.min(12, at(c, i + 2)) << 8;
                default -> throw new IllegalStateException("layout " + f);
            }
        }
        long[] j = b.jumpTable();
        int[] jumpSlots = new int[j.length];
        for (int i = 0; i < j.length; i++) jumpSlots[i] = resolve(j[i], blockStart, slotAt);
        return new DecodedProgram(n, op, pcs, regs, immX, immY, target, jumpSlots, slotAt);
    }

    /** ζ_i: the code octet, or 0 past the end (A.2). */
    private static int at(byte[] c, int i) {
        return i < c.length ? c[i] & 0xFF : 0;
    }

    /** sext_l(E_l^-1(ζ[i..i+l])) (A.4); also serves signed offsets as 64-bit values. */
    private static long imm(byte[] c, int i, int l) {
        if (l == 0) return 0;
        long v = 0;
        for (int j = 0; j < l; j++) v |= (long) at(c, i + j) << (8 * j);
        int sh = 64 - 8 * l;
        return (v << sh) >> sh;
    }

    private static int resolve(long pc, boolean[] blockStart, int[] slotAt) {
        if (pc < 0 || pc >= blockStart.length || !blockStart[(int) pc]) return -1;
        return slotAt[(int) pc];
    }

    /** @return the slot at octet index {@code pc}, or -1 if there is none */
    public int slot(int pc) {
        return pc >= 0 && pc < slotAt.length ? slotAt[pc] : -1;
    }
}
