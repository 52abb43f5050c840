package io.jamboree.bench;

import io.jamboree.crypto.Bandersnatch;
import io.jamboree.crypto.RingVrf;
import io.jamboree.stf.safrole.RingSrs;
import java.nio.charset.StandardCharsets;
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
 * The Bandersnatch ring VRF (GP §3.8.2; Safrole tickets, §6.7) for a ring of {@code keys} validator keys
 * (6 = tiny, domain 512; 1023 = full, domain 2048): {@link #verify()} one ticket signature (target &lt; 25 ms)
 * and {@link #prove()} one (zero-knowledge, target &lt; 2 s for 1023 keys). The ring commitment and the
 * prover's tables are built in {@link #setup()}. The Zcash SRS is the one the node
 * carries ({@link RingSrs}: bundled in jam-stf, or {@code -Djam.srs=FILE}); no vectors needed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class RingVrfBench {
    @Param({"6", "1023"})
    int keys;

    RingVrf vrf;
    List<byte[]> ring;
    byte[] secret;
    int index;
    byte[] commitment;
    byte[] input;
    byte[] signature;

    @Setup
    public void setup() {
        vrf = RingVrf.of(RingSrs.load(Integer.MAX_VALUE), keys); // the prover needs all 3N+1 powers
        ring = new ArrayList<>(keys);
        index = keys / 2;
        for (int i = 0; i < keys; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            seed[1] = (byte) (i >> 8);
            byte[] sk = Bandersnatch.secretFromSeed(seed);
            if (i == index) secret = sk;
            ring.add(Bandersnatch.publicKey(sk));
        }
        commitment = vrf.commitment(ring);
        input = "jam_ticket_seal-benchmark-entropy".getBytes(StandardCharsets.US_ASCII);
        signature = vrf.prove(secret, ring, index, input, new byte[0]);
        if (vrf.verify(commitment, input, new byte[0], signature).isEmpty()) throw new IllegalStateException("own proof rejected");
    }

    @Benchmark
    public boolean verify() {
        return vrf.verify(commitment, input, new byte[0], signature).isPresent();
    }

    @Benchmark
    public byte[] prove() {
        return vrf.prove(secret, ring, index, input, new byte[0]);
    }
}
