package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PageAccess;

/**
 * The semantics of the PVM's register, branch and RAM instructions (GP A.5; the opcode tables, layouts and
 * terminators are the shared {@link io.jamboree.pvm.Opcodes}), used by the generated code (which calls these tiny
 * static methods, inlined by HotSpot) and the slow stepping path.
 */
final class Isa {
    private Isa() {
    }

    static final long HALT_ADDRESS = (1L << 32) - (1L << 16);

    /** @return true for RAM instructions (A.5.3, A.5.6, A.5.7, A.5.10) */
    static boolean memory(int o) {
        return (o >= 30 && o <= 33) || (o >= 52 && o <= 62) || (o >= 70 && o <= 73) || (o >= 120 && o <= 130);
    }

    /**
     * Result of a register instruction writing one register: for A.5.9 a = ω_A; for A.5.10 a = ω_B, b = ν_X;
     * for A.5.13 a = ω_A, b = ω_B.
     */
    static long alu(int o, long a, long b) {
        return switch (o) {
            case 100 -> a;
            case 102 -> Long.bitCount(a);
            case 103 -> Integer.bitCount((int) a);
            case 104 -> Long.numberOfLeadingZeros(a);
            case 105 -> Integer.numberOfLeadingZeros((int) a);
            case 106 -> Long.numberOfTrailingZeros(a);
            case 107 -> Integer.numberOfTrailingZeros((int) a);
            case 108 -> (byte) a;
            case 109 -> (short) a;
            case 110 -> a & 0xFFFF;
            case 111 -> Long.reverseBytes(a);
            case 131, 190 -> (int) (a + b);
            case 132, 210 -> a & b;
            case 133, 211 -> a ^ b;
            case 134, 212 -> a | b;
            case 135, 192 -> (int) (a * b);
            case 136, 216 -> Long.compareUnsigned(a, b) < 0 ? 1 : 0;
            case 137, 217 -> a < b ? 1 : 0;
            case 138, 197 -> (int) a << (int) b;
            case 139, 198 -> (int) a >>> (int) b;
            case 140, 199 -> (int) a >> (int) b;
            case 141 -> (int) (b - a);
            case 142 -> Long.compareUnsigned(a, b) > 0 ? 1 : 0;
            case 143 -> a > b ? 1 : 0;
            case 144 -> (int) b << (int) a;
            case 145 -> (int) b >>> (int) a;
            case 146 -> (int) b >> (int) a;
            case 149, 200 -> a + b;
            case 150, 202 -> a * b;
            case 151, 207 -> a << b;
            case 152, 208 -> a >>> b;
            case 153, 209 -> a >> b;
            case 154 -> b - a;
            case 155 -> b << a;
            case 156 -> b >>> a;
            case 157 -> b >> a;
            case 158 -> Long.rotateRight(a, (int) b);
            case 159 -> Long.rotateRight(b, (int) a);
            case 160 -> Integer.rotateRight((int) a, (int) b);
            case 161 -> Integer.rotateRight((int) b, (int) a);
            case 191 -> (int) (a - b);
            case 193 -> (int) b == 0 ? -1L : Integer.divideUnsigned((int) a, (int) b);
            case 194 -> (int) b == 0 ? -1L : (int) a / (int) b;
            case 195 -> (int) b == 0 ? (int) a : Integer.remainderUnsigned((int) a, (int) b);
            case 196 -> (int) b == 0 ? (int) a : (int) a % (int) b;
            case 201 -> a - b;
            case 203 -> b == 0 ? -1L : Long.divideUnsigned(a, b);
            case 204 -> b == 0 ? -1L : a / b;
            case 205 -> b == 0 ? a : Long.remainderUnsigned(a, b);
            case 206 -> b == 0 ? a : a % b;
            case 213 -> Math.multiplyHigh(a, b);
            case 214 -> Math.unsignedMultiplyHigh(a, b);
            case 215 -> Math.multiplyHigh(a, b) + (b < 0 ? a : 0);
            case 220 -> Long.rotateLeft(a, (int) b);
            case 221 -> Integer.rotateLeft((int) a, (int) b);
            case 222 -> Long.rotateRight(a, (int) b);
            case 223 -> Integer.rotateRight((int) a, (int) b);
            case 224 -> a & ~b;
            case 225 -> a | ~b;
            case 226 -> ~(a ^ b);
            case 227 -> Math.max(a, b);
            case 228 -> Long.compareUnsigned(a, b) >= 0 ? a : b;
            case 229 -> Math.min(a, b);
            case 230 -> Long.compareUnsigned(a, b) <= 0 ? a : b;
            default -> throw new IllegalStateException("not a register instruction: " + o);
        };
    }

    /** Branch condition of A.5.8 / A.5.11 on ω_A and ν_X (or ω_B). */
    static boolean branch(int o, long a, long b) {
        return switch (o) {
            case 81, 170 -> a == b;
            case 82, 171 -> a != b;
            case 83, 172 -> Long.compareUnsigned(a, b) < 0;
            case 84 -> Long.compareUnsigned(a, b) <= 0;
            case 85, 174 -> Long.compareUnsigned(a, b) >= 0;
            case 86 -> Long.compareUnsigned(a, b) > 0;
            case 87, 173 -> a < b;
            case 88 -> a <= b;
            case 89, 175 -> a >= b;
            case 90 -> a > b;
            default -> throw new IllegalStateException("not a branch: " + o);
        };
    }

    /** djump (A.4): the target slot, -1 for panic, -2 for halt. */
    static int djump(long a, int[] jumpSlots) {
        if (a == HALT_ADDRESS) return -2;
        if (a == 0 || a > 2L * jumpSlots.length || (a & 1) != 0) return -1;
        return jumpSlots[(int) (a >>> 1) - 1];
    }

    /** sbrk (A.5.9, opcode 101) as the interpreter's bump allocator over the heap break. */
    static long sbrk(Memory memory, long size) {
        long brk = memory.heapBreak();
        if (size == 0) return brk;
        if (Long.compareUnsigned(size, (1L << 32) - brk) > 0) return 0;
        long end = brk + size;
        long firstNew = (brk + Memory.PAGE_SIZE - 1) & ~(long) (Memory.PAGE_SIZE - 1);
        if (end > firstNew) memory.setAccess(firstNew, end - firstNew, PageAccess.WRITE);
        memory.setHeapBreak(end);
        return brk;
    }

    /** Octets accessed by RAM instruction o. */
    static int width(int o) {
        return switch (o) {
            case 30, 52, 53, 59, 70, 120, 124, 125 -> 1;
            case 31, 54, 55, 60, 71, 121, 126, 127 -> 2;
            case 32, 56, 57, 61, 72, 122, 128, 129 -> 4;
            default -> 8;
        };
    }

    /** @return true if RAM instruction o stores */
    static boolean store(int o) {
        return (o >= 30 && o <= 33) || (o >= 59 && o <= 62) || (o >= 70 && o <= 73) || (o >= 120 && o <= 123);
    }
}
