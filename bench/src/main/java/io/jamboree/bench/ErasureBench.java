package io.jamboree.bench;

import io.jamboree.core.ChainParams;
import io.jamboree.erasure.ErasureCode;
import io.jamboree.erasure.internal.AdditiveFftErasureCoding;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Erasure coding (GP Appendix H) of a work-package bundle of {@code bundleBytes} octets (default 4 MiB), zero-padded
 * to whole pieces, with full parameters (V = 1023, W_E = 684: 342 data shards of 12,264 octets) or tiny, on one
 * thread, milliseconds per operation. Target for full: below 50 ms each.
 * <ul>
 *   <li>{@link #encode}: {@code C_k}, all 1023 shards;</li>
 *   <li>{@link #reconstructFromRecoveryShards}: {@code R_k} from the last 342 shards, all of them recovery shards
 *       (the worst case: every data shard is rebuilt);</li>
 *   <li>{@link #reconstructFromRandomShards}: {@code R_k} from a random third of the shards (fixed seed), the
 *       case an auditor meets.</li>
 * </ul>
 * {@code java -jar bench/target/benchmarks.jar ErasureBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ErasureBench {
    @Param({"full"})
    public String chain;

    @Param({"4194304"})
    public int bundleBytes;

    private ErasureCode code;
    private byte[] data;
    private int[] recoveryIndices;
    private byte[][] recoveryShards;
    private int[] randomIndices;
    private byte[][] randomShards;

    @Setup
    public void setup() {
        ChainParams params = ChainParams.byName(chain).orElseThrow();
        code = new AdditiveFftErasureCoding().code(params);
        int piece = code.pieceSize();
        data = new byte[(bundleBytes + piece - 1) / piece * piece];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < bundleBytes; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        byte[][] shards = code.encode(data);
        int n = code.shardCount();
        int need = code.dataShards();
        recoveryIndices = new int[need];
        recoveryShards = new byte[need][];
        for (int j = 0; j < need; j++) {
            recoveryIndices[j] = n - need + j;
            recoveryShards[j] = shards[n - need + j];
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < need; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        randomIndices = java.util.Arrays.copyOf(all, need);
        randomShards = new byte[need][];
        for (int j = 0; j < need; j++) {
            randomShards[j] = shards[randomIndices[j]];
        }
        if (!java.util.Arrays.equals(data, code.reconstruct(recoveryIndices, recoveryShards))
                || !java.util.Arrays.equals(data, code.reconstruct(randomIndices, randomShards))) {
            throw new IllegalStateException("erasure coding does not round-trip");
        }
    }

    @Benchmark
    public byte[][] encode() {
        return code.encode(data);
    }

    @Benchmark
    public byte[] reconstructFromRecoveryShards() {
        return code.reconstruct(recoveryIndices, recoveryShards);
    }

    @Benchmark
    public byte[] reconstructFromRandomShards() {
        return code.reconstruct(randomIndices, randomShards);
    }
}
