package io.jamboree.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link ErasureBench}'s three operations timed by the CPU time of the running thread (ThreadMXBean) instead of the
 * wall clock, for a machine shared with other loads, where JMH's wall-clock figures mostly measure waiting for a
 * core. Prints the minimum and median of {@code rounds} (default 20) after as many warm-up rounds.
 * {@code java -cp bench/target/benchmarks.jar io.jamboree.bench.ErasureCpuTime [full|tiny] [bytes] [rounds]}
 */
public final class ErasureCpuTime {
    private ErasureCpuTime() {}

    public static void main(String[] args) {
        ErasureBench b = new ErasureBench();
        b.chain = args.length > 0 ? args[0] : "full";
        b.bundleBytes = args.length > 1 ? Integer.parseInt(args[1]) : 4 << 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        b.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] names = {"encode", "reconstructFromRecoveryShards", "reconstructFromRandomShards"};
        long[][] cpu = new long[3][rounds];
        for (int round = -rounds; round < rounds; round++) {
            for (int op = 0; op < 3; op++) {
                long t0 = mx.getCurrentThreadCpuTime();
                Object out = switch (op) {
                    case 0 -> b.encode();
                    case 1 -> b.reconstructFromRecoveryShards();
                    default -> b.reconstructFromRandomShards();
                };
                long t1 = mx.getCurrentThreadCpuTime();
                if (out == null) {
                    throw new IllegalStateException();
                }
                if (round >= 0) {
                    cpu[op][round] = t1 - t0;
                }
            }
        }
        System.out.printf("%s, %d octets, CPU time of one thread over %d rounds:%n", b.chain, b.bundleBytes, rounds);
        for (int op = 0; op < 3; op++) {
            long[] t = cpu[op];
            Arrays.sort(t);
            System.out.printf("  %-30s min %6.1f ms   median %6.1f ms%n", names[op], t[0] / 1e6, t[rounds / 2] / 1e6);
        }
    }
}
