package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.Opcodes;
import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PageAccess;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random programs (valid opcodes with random operands, branch offsets mostly aimed at instruction starts,
 * random jump tables, registers, RAM and small gas limits) run on the interpreter and on the recompiler; the
 * states must be equal after every host call and at the end.
 */
class DifferentialTest {
    static final int PROGRAMS = Integer.getInteger("pvm.diff.programs", 10_000);
    static final long SEED = Long.getLong("pvm.diff.seed", 0x5EED_2026L);
    static final long[][] REGIONS = {{0x10000, 0x2000}, {0x20000, 0x1000}, {0x30000, 0x3000}};
    static final int[] OPCODES;

    static {
        List<Integer> ops = new ArrayList<>();
        for (int o = 0; o < 256; o++) if (Opcodes.format(o) >= 0) ops.add(o);
        OPCODES = ops.stream().mapToInt(Integer::intValue).toArray();
    }

    record Program(byte[] blob, byte[] code, boolean[] mask, long[] jumps) {
    }

    @Test
    void interpreterAndRecompilerAgree() {
        PvmEngine ref = new InterpreterEngine(), rec = new RecompilerEngine(64, 0);
        long t0 = System.nanoTime();
        int divergences = 0, hostCalls = 0, compiledPrograms = 0;
        long gasUsed = 0, prepareNanos = 0;
        int[] exits = new int[5];
        StringBuilder report = new StringBuilder();
        for (int n = 0; n < PROGRAMS; n++) {
            long seed = SEED + n;
            Random rnd = new Random(seed);
            Program p = generate(rnd);
            long[] regs = new long[13];
            for (int i = 0; i < 13; i++) regs[i] = register(rnd, p);
            long gas = rnd.nextInt(4) == 0 ? rnd.nextInt(8) : rnd.nextInt(300);
            int pc = rnd.nextInt(8) == 0 ? rnd.nextInt(p.code.length + 2) : 0;
            byte[][] ram = new byte[REGIONS.length][];
            for (int i = 0; i < ram.length; i++) {
                ram[i] = new byte[(int) REGIONS[i][1]];
                if (rnd.nextBoolean()) rnd.nextBytes(ram[i]);
            }
            PvmInstance a = instance(ref, p, regs, pc, gas, ram);
            long c0 = System.nanoTime();
            PvmInstance b = instance(rec, p, regs, pc, gas, ram);
            prepareNanos += System.nanoTime() - c0;
            String diff = null;
            for (int step = 0; step < 64 && diff == null; step++) {
                ExitReason ea = a.run(), eb = b.run();
                Snapshot sa = Snapshot.of(ea, a, REGIONS), sb = Snapshot.of(eb, b, REGIONS);
                String d = sa.diff(sb);
                if (!d.isEmpty()) {
                    diff = "after exit " + step + ":" + d;
                    break;
                }
                if (!(ea instanceof ExitReason.HostCall(long index))) {
                    exits[switch (ea) {
                        case ExitReason.Halt h -> 0;
                        case ExitReason.Panic x -> 1;
                        case ExitReason.OutOfGas x -> 2;
                        default -> 3;
                    }]++;
                    break;
                }
                hostCalls++;
                // the same host call on both: mutate a register and some gas, then resume
                for (PvmInstance vm : new PvmInstance[] {a, b}) {
                    vm.registers()[7] = index * 31 + step;
                    vm.setGas(vm.gas() - (index & 3));
                    vm.resumeAfterHostCall();
                }
            }
            if (((RecompiledInstance) b).compiledEntries > 0) compiledPrograms++;
            gasUsed += gas - b.gas();
            if (Boolean.getBoolean("pvm.diff.debug") && n < 40) {
                int fpc = b.pc();
                System.out.println("program " + n + " pc " + fpc + " op " + (fpc < p.code.length ? p.code[fpc] & 0xFF : -1)
                        + " gas " + gas + " -> " + b.gas() + " len " + p.code.length);
            }
            if (diff != null) {
                divergences++;
                if (divergences <= 5) {
                    report.append("seed ").append(seed).append(" (program ").append(n).append("): ").append(diff)
                            .append('\n').append("initial pc ").append(pc).append(" gas ").append(gas)
                            .append(" regs ").append(java.util.Arrays.toString(regs)).append('\n')
                            .append(disassemble(p)).append('\n');
                }
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("differential: %d programs, %d divergences, %d host calls, exits halt=%d panic=%d oog=%d"
                + " fault=%d, %d ran generated code, %d gas used in all, %d ms%n", PROGRAMS, divergences, hostCalls,
                exits[0], exits[1], exits[2], exits[3], compiledPrograms, gasUsed, ms);
        System.out.printf("recompiler prepare (decode + generate + define hidden class): %.1f µs per program%n",
                prepareNanos / 1e3 / PROGRAMS);
        if (divergences > 0) System.out.println(report);
        Assertions.assertEquals(0, divergences, report.toString());
        Assertions.assertTrue(compiledPrograms > PROGRAMS / 2, "generated code ran in only " + compiledPrograms);
    }

    /** Programs large enough to be split into several generated classes (cross-chunk jumps). */
    @Test
    void largeProgramsSpanningChunks() {
        PvmEngine ref = new InterpreterEngine(), rec = new RecompilerEngine(0, 0);
        int multiChunk = 0;
        for (int n = 0; n < 30; n++) {
            long seed = SEED * 31 + n;
            Random rnd = new Random(seed);
            Program p = generate(rnd, 1500 + rnd.nextInt(3000));
            RecompiledProgram rp = (RecompiledProgram) rec.prepare(p.blob);
            if (rp.compiled() != null && rp.compiled().chunkCount() > 1) multiChunk++;
            long[] regs = new long[13];
            for (int i = 0; i < 13; i++) regs[i] = register(rnd, p);
            byte[][] ram = new byte[REGIONS.length][];
            for (int i = 0; i < ram.length; i++) rnd.nextBytes(ram[i] = new byte[(int) REGIONS[i][1]]);
            for (int start : new int[] {0, rnd.nextInt(p.code.length)}) {
                PvmInstance a = instance(ref, p, regs, start, 20_000, ram), b = instance(rec, p, regs, start, 20_000, ram);
                for (int k = 0; k < 200; k++) {
                    ExitReason ea = a.run(), eb = b.run();
                    String d = Snapshot.of(ea, a, REGIONS).diff(Snapshot.of(eb, b, REGIONS));
                    Assertions.assertTrue(d.isEmpty(), "seed " + seed + ":" + d + "\n" + disassemble(p));
                    if (!(ea instanceof ExitReason.HostCall)) break;
                    a.resumeAfterHostCall();
                    b.resumeAfterHostCall();
                }
            }
        }
        System.out.println("large programs: " + multiChunk + "/30 compiled into several classes");
        Assertions.assertTrue(multiChunk > 20);
    }

    static PvmInstance instance(PvmEngine e, Program p, long[] regs, int pc, long gas, byte[][] ram) {
        Memory m = new Memory();
        m.setAccess(REGIONS[0][0], REGIONS[0][1], PageAccess.WRITE);
        m.setAccess(REGIONS[1][0], REGIONS[1][1], PageAccess.READ);
        m.setAccess(REGIONS[2][0], 0x1000, PageAccess.WRITE); // the rest of region 2 stays for sbrk
        m.setHeapBreak(REGIONS[2][0] + 0x1000);
        for (int i = 0; i < ram.length; i++) {
            int len = i == 2 ? 0x1000 : ram[i].length;
            m.poke(REGIONS[i][0], ram[i], 0, len);
        }
        PvmProgram prog = e.prepare(p.blob);
        return prog.instantiate(regs, pc, gas, m);
    }

    static long register(Random rnd, Program p) {
        return switch (rnd.nextInt(7)) {
            case 0 -> rnd.nextInt(16);
            case 1, 6 -> 0x10000 + rnd.nextInt(0x2100) - 0x80;
            case 2 -> 0x20000 + rnd.nextInt(0x1000);
            case 3 -> 2L * (1 + rnd.nextInt(p.jumps.length + 1)); // a jump-table address
            case 4 -> 0xFFFF0000L - rnd.nextInt(3);
            default -> rnd.nextLong();
        };
    }

    /** A random program; branch and jump offsets point at basic-block starts seven times in eight. */
    static Program generate(Random rnd) {
        return generate(rnd, 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 200 : 30));
    }

    static Program generate(Random rnd, int count) {
        int[] ops = new int[count], lens = new int[count], pos = new int[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int o = rnd.nextInt(12) == 0 ? pick(rnd, 10, 40, 50, 80, 180, 1, 0) : OPCODES[rnd.nextInt(OPCODES.length)];
            if (rnd.nextInt(4) == 0) o = 81 + rnd.nextInt(10);
            if (rnd.nextInt(6) == 0) o = 170 + rnd.nextInt(6);
            ops[i] = o;
            lens[i] = switch (Opcodes.format(o)) {
                case Opcodes.F_NONE -> rnd.nextInt(10) == 0 ? rnd.nextInt(3) : 0;
                case Opcodes.F_REG_EXT_IMM -> 9;
                case Opcodes.F_OFFSET -> 4;
                case Opcodes.F_REG_IMM_OFFSET -> 6;
                case Opcodes.F_TWO_REG_OFFSET -> 5;
                case Opcodes.F_THREE_REG -> 2;
                case Opcodes.F_TWO_REG -> 1;
                case Opcodes.F_TWO_IMM -> 5 + rnd.nextInt(5);
                case Opcodes.F_REG_IMM -> Isa.memory(o) ? 5 : 1 + rnd.nextInt(5);
                default -> rnd.nextInt(12) == 0 ? rnd.nextInt(26) : 1 + rnd.nextInt(Isa.memory(o) ? 2 : 8);
            };
            pos[i] = at;
            at += 1 + lens[i];
        }
        List<Integer> starts = new ArrayList<>(); // basic-block starts (GP A.3): 0 and after terminators
        starts.add(0);
        for (int i = 0; i + 1 < count; i++) if (Opcodes.terminates(ops[i])) starts.add(pos[i + 1]);
        int tail = rnd.nextInt(3);
        byte[] code = new byte[at + tail];
        boolean[] mask = new boolean[code.length];
        rnd.nextBytes(code);
        for (int i = 0; i < count; i++) {
            int p = pos[i], o = ops[i];
            code[p] = (byte) o;
            mask[p] = true;
            for (int j = 1; j <= lens[i]; j++) {
                if (rnd.nextInt(3) == 0) code[p + j] = (byte) rnd.nextInt(4); // small values, nibbles ≤ 12
            }
            boolean aim = rnd.nextInt(8) != 0;
            int tgt = starts.get(rnd.nextInt(starts.size())) - p;
            switch (Opcodes.format(o)) {
                case Opcodes.F_OFFSET -> { if (aim) put(code, p + 1, tgt, 4); }
                case Opcodes.F_REG_IMM_OFFSET -> {
                    code[p + 1] = (byte) (rnd.nextInt(13) | 1 << 4); // lx = 1
                    if (aim) put(code, p + 3, tgt, 4);
                }
                case Opcodes.F_TWO_REG_OFFSET -> {
                    code[p + 1] = (byte) (rnd.nextInt(13) | rnd.nextInt(13) << 4);
                    if (aim) put(code, p + 2, tgt, 4);
                }
                case Opcodes.F_TWO_IMM -> {
                    if (aim && lens[i] >= 5) {
                        code[p + 1] = 4;
                        put(code, p + 2, address(rnd), 4);
                    }
                }
                case Opcodes.F_REG_IMM -> {
                    if (aim && Isa.memory(o) && lens[i] >= 5) put(code, p + 2, address(rnd), 4);
                }
                case Opcodes.F_REG_TWO_IMM -> {
                    if (aim && lens[i] >= 1) code[p + 1] = (byte) (rnd.nextInt(13) | 1 << 4);
                }
                case Opcodes.F_TWO_REG_IMM, Opcodes.F_TWO_REG -> {
                    if (rnd.nextBoolean() && lens[i] >= 1) code[p + 1] = (byte) (rnd.nextInt(13) | rnd.nextInt(13) << 4);
                }
                default -> { }
            }
        }
        for (int i = at; i < code.length; i++) mask[i] = rnd.nextInt(3) == 0;
        long[] jumps = new long[rnd.nextInt(6)];
        for (int i = 0; i < jumps.length; i++) jumps[i] = rnd.nextInt(5) == 0 ? rnd.nextInt(code.length + 3)
                : starts.get(rnd.nextInt(starts.size()));
        int z = rnd.nextBoolean() ? 4 : 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        natural(out, jumps.length);
        out.write(z);
        natural(out, code.length);
        for (long j : jumps) for (int k = 0; k < z; k++) out.write((int) (j >>> (8 * k)));
        out.writeBytes(code);
        byte[] k = new byte[(code.length + 7) / 8];
        for (int i = 0; i < code.length; i++) if (mask[i]) k[i >>> 3] |= (byte) (1 << (i & 7));
        out.writeBytes(k);
        return new Program(out.toByteArray(), code, mask, jumps);
    }

    static long address(Random rnd) {
        return rnd.nextInt(3) == 0 ? 0x20000 + rnd.nextInt(0x1000) : 0x10000 + rnd.nextInt(0x2000);
    }

    static int pick(Random rnd, int... xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    static void put(byte[] c, int at, long v, int n) {
        for (int i = 0; i < n && at + i < c.length; i++) c[at + i] = (byte) (v >>> (8 * i));
    }

    /** GP C.6 natural-number encoding E. */
    static void natural(ByteArrayOutputStream out, long x) {
        if (x < 128) {
            out.write((int) x);
            return;
        }
        for (int l = 1; l <= 8; l++) {
            if (x < 1L << (7 * (l + 1))) {
                out.write((int) (256 - (1 << (8 - l)) + (x >>> (8 * l))));
                for (int i = 0; i < l; i++) out.write((int) (x >>> (8 * i)));
                return;
            }
        }
        out.write(255);
        for (int i = 0; i < 8; i++) out.write((int) (x >>> (8 * i)));
    }

    static String disassemble(Program p) {
        StringBuilder sb = new StringBuilder("jump table ").append(java.util.Arrays.toString(p.jumps)).append('\n');
        byte[] c = p.code;
        for (int i = 0; i < c.length; ) {
            int j = i + 1;
            while (j < c.length && !p.mask[j]) j++;
            sb.append(String.format("%5d: %s op %3d", i, p.mask[i] ? " " : "?", c[i] & 0xFF));
            for (int q = i + 1; q < j; q++) sb.append(String.format(" %02x", c[q] & 0xFF));
            sb.append('\n');
            i = j;
        }
        return sb.toString();
    }
}
