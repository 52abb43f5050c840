package io.jamboree.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * {@link SignatureBench}'s operations timed by the CPU time of the running thread (ThreadMXBean) instead of the
 * wall clock, for a machine shared with other loads. Each round runs an operation {@code reps} times; prints the
 * minimum and median per operation over {@code rounds} rounds (default 20, after as many warm-up rounds).
 * {@code java -cp bench/target/benchmarks.jar io.jamboree.bench.SignatureCpuTime [rounds] [reps]}
 */
public final class SignatureCpuTime {
    private SignatureCpuTime() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        SignatureBench b = new SignatureBench();
        b.setup();
        String[] names = {"ietfVerify", "ietfProve", "ed25519Verify", "ed25519VerifySingles16", "ed25519VerifyBatch16"};
        BooleanSupplier[] ops = {
            b::ietfVerify, () -> b.ietfProve() != null, b::ed25519Verify, b::ed25519VerifySingles16, b::ed25519VerifyBatch16
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[][] cpu = new long[ops.length][rounds];
        for (int round = -rounds; round < rounds; round++) {
            for (int op = 0; op < ops.length; op++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    if (!ops[op].getAsBoolean()) {
                        throw new IllegalStateException(names[op] + " failed");
                    }
                }
                long t1 = mx.getCurrentThreadCpuTime();
                if (round >= 0) {
                    cpu[op][round] = (t1 - t0) / reps;
                }
            }
        }
        System.out.printf("CPU time of one thread per operation over %d rounds of %d:%n", rounds, reps);
        for (int op = 0; op < ops.length; op++) {
            long[] t = cpu[op];
            Arrays.sort(t);
            System.out.printf("  %-24s min %8.1f us   median %8.1f us%n", names[op], t[0] / 1e3, t[rounds / 2] / 1e3);
        }
    }
}
