package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.ProgramBlob;

import java.util.Arrays;

/**
 * A deblobbed program (GP 0.7.2 A.1) decoded into one slot per instruction (A.2, A.5 argument layouts), plus a
 * synthetic {@code trap} slot wherever execution can fall onto an octet that starts no instruction. Slots are
 * numbered in code order so the fall-through successor of slot s is s + 1. Branch targets and the jump table
 * are resolved to slots, or -1 when the target is not the start of a basic block (A.3, ϖ).
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
        byte[] c = b.code();
        boolean[] k = b.bitmask();
        int n = c.length;
        codeLength = n;
        int[] nextSet = new int[n + 1];
        int nx = n;
        for (int i = n - 1; i >= 0; i--) {
            nextSet[i] = nx;
            if (k[i]) nx = i;
        }
        int span = n + 26;
        boolean[] isSlot = new boolean[span];
        boolean[] start = new boolean[n];
        if (n > 0 && k[0] && Isa.layout(c[0] & 0xFF) >= 0) start[0] = true;
        for (int i = 0; i < n; i++) {
            if (!k[i]) continue;
            isSlot[i] = true;
            int succ = i + 1 + Math.min(24, nextSet[i] - i - 1);
            isSlot[succ] = true;
            int o = c[i] & 0xFF;
            if (Isa.layout(o) >= 0 && Isa.terminator(o) && succ < n && k[succ] && Isa.layout(c[succ] & 0xFF) >= 0) {
                start[succ] = true;
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
            int o = i < n && k[i] ? c[i] & 0xFF : 0;
            int f = Isa.layout(o);
            if (f < 0) o = 0;
            op[s] = o;
            if (o == 0) continue;
            int l = Math.min(24, nextSet[i] - i - 1);
            int z = octet(c, i + 1);
            int ra = Math.min(12, z & 15), rb = Math.min(12, z >>> 4);
            switch (f) {
                case Isa.NONE -> { }
                case Isa.IMM -> immX[s] = sext(c, i + 1, Math.min(4, l));
                case Isa.REG_EXT_IMM -> {
                    regs[s] = ra;
                    long v = 0;
                    for (int j = 7; j >= 0; j--) v = v << 8 | octet(c, i + 2 + j);
                    immX[s] = v;
                }
                case Isa.TWO_IMM -> {
                    int lx = Math.min(4, z & 7), ly = Math.min(4, Math.max(0, l - lx - 1));
                    immX[s] = sext(c, i + 2, lx);
                    immY[s] = sext(c, i + 2 + lx, ly);
                }
                case Isa.OFFSET -> target[s] = resolve(i + sext(c, i + 1, Math.min(4, l)), start);
                case Isa.REG_IMM -> {
                    regs[s] = ra;
                    immX[s] = sext(c, i + 2, Math.min(4, Math.max(0, l - 1)));
                }
                case Isa.REG_TWO_IMM, Isa.REG_IMM_OFFSET -> {
                    regs[s] = ra;
                    int lx = Math.min(4, (z >>> 4) & 7), ly = Math.min(4, Math.max(0, l - lx - 1));
                    immX[s] = sext(c, i + 2, lx);
                    long y = sext(c, i + 2 + lx, ly);
                    if (f == Isa.REG_TWO_IMM) immY[s] = y;
                    else target[s] = resolve(i + y, start);
                }
                case Isa.TWO_REG -> regs[s] = ra | rb << 4;
                case Isa.TWO_REG_IMM -> {
                    regs[s] = ra | rb << 4;
                    immX[s] = sext(c, i + 2, Math.min(4, Math.max(0, l - 1)));
                }
                case Isa.TWO_REG_OFFSET -> {
                    regs[s] = ra | rb << 4;
                    target[s] = resolve(i + sext(c, i + 2, Math.min(4, Math.max(0, l - 1))), start);
                }
                case Isa.TWO_REG_TWO_IMM -> {
                    regs[s] = ra | rb << 4;
                    int lx = Math.min(4, octet(c, i + 2) & 7), ly = Math.min(4, Math.max(0, l - lx - 2));
                    immX[s] = sext(c, i + 3, lx);
                    immY[s] = sext(c, i + 3 + lx, ly);
                }
                case Isa.THREE_REG -> regs[s] = ra | rb << 4 | Math.min(12, octet(c, i + 2)) << 8;
                default -> throw new IllegalStateException();
            }
        }
        long[] j = b.jumpTable();
        jumpSlots = new int[j.length];
        for (int i = 0; i < j.length; i++) jumpSlots[i] = resolve(j[i], start);
        // units
        unitOf = new int[count];
        int units = 0;
        for (int s = 0; s < count; s++) {
            unitOf[s] = units;
            if (Isa.terminator(op[s]) || op[s] == Isa.ECALLI || s == count - 1) units++;
        }
        unitStart = new int[units];
        unitLen = new int[units];
        for (int s = count - 1; s >= 0; s--) {
            unitStart[unitOf[s]] = s;
            unitLen[unitOf[s]]++;
        }
    }

    private static int octet(byte[] c, int i) {
        return i < c.length ? c[i] & 0xFF : 0;
    }

    /** sext_l of the little-endian l octets at i (A.4). */
    private static long sext(byte[] c, int i, int l) {
        if (l == 0) return 0;
        long v = 0;
        for (int j = l - 1; j >= 0; j--) v = v << 8 | octet(c, i + j);
        return v << (64 - 8 * l) >> (64 - 8 * l);
    }

    private int resolve(long pc, boolean[] start) {
        return pc >= 0 && pc < start.length && start[(int) pc] ? slotAt[(int) pc] : -1;
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
