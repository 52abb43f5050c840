package io.jamboree.bench;

import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.crypto.Bandersnatch;
import io.jamboree.stf.safrole.RingSrs;
import java.util.ArrayList;
import java.util.List;
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
 * The ring commitment gamma_z (GP §6.5, computed at every epoch change) for {@code keys} distinct
 * validator keys (6 = tiny, 1023 = full; target &lt; 250 ms for 1023). Domain setup (the Lagrange-basis
 * SRS) happens once in {@link #setup()}. The Zcash SRS is the one the node
 * carries ({@link RingSrs}: bundled in jam-stf, or {@code -Djam.srs=FILE}); no vectors needed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RingCommitmentBench {
    @Param({"6", "1023"})
    int keys;

    RingCommitment commitment;
    List<byte[]> ring;

    @Setup
    public void setup() {
        commitment = new RingCommitment(RingSrs.load(2048));
        ring = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            seed[1] = (byte) (i >> 8);
            ring.add(Bandersnatch.publicKey(Bandersnatch.secretFromSeed(seed)));
        }
        commitment.prepareFor(keys);
        commitment.commit(ring);
    }

    @Benchmark
    public byte[] commit() {
        return commitment.commit(ring);
    }
}
