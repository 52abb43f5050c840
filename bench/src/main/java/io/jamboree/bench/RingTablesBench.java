package io.jamboree.bench;

import io.jamboree.bls.Srs;
import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.stf.safrole.RingSrs;
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

/**
 * What a fresh process pays for the ring commitment tables of one PLONK domain (ring root O, GP Appendix G / eq.
 * 6.13) before its first epoch change: {@link #build} them from the SRS (the group FFT: what a node without the
 * distribution's {@code lib/ring-tables} does) or {@link #load} the bytes the distribution generated at package
 * time ({@code RingTableFiles}). Single shots on a fresh engine each, as in a fresh process (cold code: few
 * warm-up rounds). {@code ringSize} 6 = tiny (N = 512), 1023 = full (N = 2048).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class RingTablesBench {
    @Param({"6", "1023"})
    int ringSize;

    Srs srs;
    byte[] tables;

    @Setup
    public void setup() {
        srs = RingSrs.load(2048);
        tables = new RingCommitment(srs).exportTables(ringSize);
    }

    @Benchmark
    public boolean build() {
        RingCommitment c = new RingCommitment(srs);
        c.prepareFor(ringSize);
        return c.isPrepared(ringSize);
    }

    @Benchmark
    public boolean load() {
        RingCommitment c = new RingCommitment(srs);
        c.importTables(tables);
        return c.isPrepared(ringSize);
    }
}
