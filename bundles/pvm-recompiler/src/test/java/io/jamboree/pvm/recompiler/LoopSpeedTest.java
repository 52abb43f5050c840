package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The compute-bound loop of bench/PvmInterpreterBench (add_imm_64 r2 += 1; add_imm_64 r1 -= 1; branch_ne_imm
 * r1, 0) on both engines; prints PVM instructions per second. No timing assertions (loaded machine).
 */
class LoopSpeedTest {
    static final int ITERATIONS = 1_000_000;
    private static final byte[] CODE = {(byte) 149, 0x22, 0x01, (byte) 149, 0x11, (byte) 0xff, 82, 0x01, (byte) 0xfa, 0};
    private static final byte[] BITMASK = {0b0100_1001, 0b10};

    static byte[] blob() {
        byte[] blob = new byte[3 + CODE.length + BITMASK.length];
        blob[2] = (byte) CODE.length;
        System.arraycopy(CODE, 0, blob, 3, CODE.length);
        System.arraycopy(BITMASK, 0, blob, 3 + CODE.length, BITMASK.length);
        return blob;
    }

    static double measure(PvmEngine engine) {
        PvmProgram p = engine.prepare(blob());
        long instructions = 0, t0 = 0;
        for (int round = 0; round < 30; round++) {
            if (round == 10) { // warm-up done
                instructions = 0;
                t0 = System.nanoTime();
            }
            long[] regs = new long[13];
            regs[1] = ITERATIONS;
            PvmInstance vm = p.instantiate(regs, 0, Long.MAX_VALUE / 2, new Memory());
            ExitReason e = vm.run();
            Assertions.assertEquals(ExitReason.PANIC, e);
            Assertions.assertEquals(ITERATIONS, vm.registers()[2]);
            Assertions.assertEquals(Long.MAX_VALUE / 2 - (3L * ITERATIONS + 1), vm.gas());
            instructions += 3L * ITERATIONS + 1;
        }
        return instructions / ((System.nanoTime() - t0) / 1e9);
    }

    @Test
    void loopSpeed() {
        double interp = measure(new InterpreterEngine()), rec = measure(new RecompilerEngine());
        System.out.printf("3-instruction loop: interpreter %.0f M instr/s, recompiler %.0f M instr/s (%.1fx)%n",
                interp / 1e6, rec / 1e6, rec / interp);
    }

    @Test
    void cacheReturnsSameProgram() {
        RecompilerEngine e = new RecompilerEngine(2, 0);
        PvmProgram a = e.prepare(blob());
        Assertions.assertSame(a, e.prepare(blob().clone()));
        byte[] other = blob();
        other[3] = 1; // fallthrough instead of add
        Assertions.assertNotSame(a, e.prepare(other));
        e.prepare(new byte[] {0, 0, 0});
        Assertions.assertEquals(2, e.cachedPrograms());
        Assertions.assertNotSame(a, e.prepare(blob()), "LRU by count evicted the eldest");
        Assertions.assertFalse(e.prepare(new byte[] {5}).valid());
    }
}
