package io.jamboree.bench;

import io.jamboree.crypto.Bandersnatch;
import io.jamboree.crypto.RingVrf;
import io.jamboree.stf.safrole.RingSrs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
 * The tickets of one block (GP §6.7, eq. 6.29): {@code tickets} ring VRF signatures against one ring root of a
 * tiny ring (6 keys, domain 512), checked {@link #oneByOne()} (before: a pairing product per proof, one
 * thread) and as a {@link #batch()} ({@link RingVrf#verifyBatch}: transcripts on every core, one pairing
 * product for all). Tiny allows 3 tickets per block, full 16.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RingBatchBench {
    @Param({"3", "16"})
    int tickets;

    RingVrf vrf;
    byte[] commitment;
    List<byte[]> inputs;
    List<byte[]> ads;
    List<byte[]> signatures;

    @Setup
    public void setup() {
        int keys = 6;
        vrf = RingVrf.of(RingSrs.load(Integer.MAX_VALUE), keys);
        List<byte[]> ring = new ArrayList<>(keys);
        List<byte[]> secrets = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) i;
            byte[] sk = Bandersnatch.secretFromSeed(seed);
            secrets.add(sk);
            ring.add(Bandersnatch.publicKey(sk));
        }
        commitment = vrf.commitment(ring);
        inputs = new ArrayList<>();
        signatures = new ArrayList<>();
        for (int t = 0; t < tickets; t++) {
            byte[] input = ("jam_ticket_seal-benchmark-" + t).getBytes(StandardCharsets.US_ASCII);
            inputs.add(input);
            signatures.add(vrf.prove(secrets.get(t % keys), ring, t % keys, input, new byte[0]));
        }
        ads = Collections.nCopies(tickets, new byte[0]);
        for (byte[] out : vrf.verifyBatch(commitment, inputs, ads, signatures)) {
            if (out == null) throw new IllegalStateException("own proof rejected");
        }
    }

    @Benchmark
    public int oneByOne() {
        int ok = 0;
        for (int t = 0; t < tickets; t++) {
            if (vrf.verify(commitment, inputs.get(t), ads.get(t), signatures.get(t)).isPresent()) ok++;
        }
        return ok;
    }

    @Benchmark
    public byte[][] batch() {
        return vrf.verifyBatch(commitment, inputs, ads, signatures);
    }
}
