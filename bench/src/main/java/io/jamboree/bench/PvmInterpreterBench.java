package io.jamboree.bench;

import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmProgram;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.pvm.recompiler.RecompilerEngine;
import org.openjdk.jmh.annotations.Param;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A PVM engine (GP Appendix A) on a compute-bound loop; the score is PVM instructions per second. The
 * {@code engine} parameter compares the interpreter with the recompiler to JVM bytecode.
 * Program, as GP A.5 encodes it:
 * <pre>
 *   0: add_imm_64    r2, r2, 1       (149, 0x22, 0x01)
 *   3: add_imm_64    r1, r1, -1      (149, 0x11, 0xff)
 *   6: branch_ne_imm r1, 0, @0       (82, 0x01, 0xfa)
 *   9: trap                          (0)
 * </pre>
 * run with r1 = {@value #ITERATIONS}: 3 instructions per iteration plus the final trap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PvmInterpreterBench {
    static final int ITERATIONS = 1_000_000;
    static final int INSTRUCTIONS = 3 * ITERATIONS + 1;

    private static final byte[] CODE = {(byte) 149, 0x22, 0x01, (byte) 149, 0x11, (byte) 0xff, 82, 0x01, (byte) 0xfa, 0};
    private static final byte[] BITMASK = {0b0100_1001, 0b10}; // opcodes at 0, 3, 6, 9

    @Param({"interpreter", "recompiler"})
    String engine;

    PvmProgram program;

    @Setup
    public void setup() {
        PvmEngine pvm = engine.equals("recompiler") ? new RecompilerEngine() : new InterpreterEngine();
        // deblob: E(|j|) = 0, E_1(z) = 0, E(|c|), c, k (GP A.1)
        byte[] blob = new byte[3 + CODE.length + BITMASK.length];
        blob[2] = (byte) CODE.length;
        System.arraycopy(CODE, 0, blob, 3, CODE.length);
        System.arraycopy(BITMASK, 0, blob, 3 + CODE.length, BITMASK.length);
        program = pvm.prepare(blob);
        long[] r = run();
        if (r[2] != ITERATIONS) {
            throw new IllegalStateException("loop ran " + r[2] + " times, expected " + ITERATIONS);
        }
    }

    private long[] run() {
        long[] regs = new long[13];
        regs[1] = ITERATIONS;
        var vm = program.instantiate(regs, 0, Long.MAX_VALUE, new Memory());
        ExitReason exit = vm.run();
        if (!(exit instanceof ExitReason.Panic)) {
            throw new IllegalStateException("expected the final trap, got " + exit);
        }
        return vm.registers();
    }

    @Benchmark
    @OperationsPerInvocation(INSTRUCTIONS)
    public long[] loop() {
        return run();
    }
}
