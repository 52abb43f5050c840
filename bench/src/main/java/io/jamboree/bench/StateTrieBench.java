package io.jamboree.bench;

import io.jamboree.merkle.StateTrie;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;

/** State merklization (GP Appendix D) of a state with {@code size} random key/value pairs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateTrieBench {
    @Param({"1000", "100000"})
    int size;

    byte[][] keys;
    byte[][] values;

    @Setup
    public void setup() {
        Random r = new Random(42);
        keys = new byte[size][31];
        values = new byte[size][];
        for (int i = 0; i < size; i++) {
            r.nextBytes(keys[i]);
            values[i] = new byte[r.nextInt(100)];
            r.nextBytes(values[i]);
        }
    }

    @Benchmark
    public byte[] root() {
        return StateTrie.root(keys, values);
    }
}
