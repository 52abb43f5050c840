package io.jamboree.bench;

import io.jamboree.crypto.Bandersnatch;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signature verification on the import path: the Bandersnatch IETF VRF (block seal and entropy source,
 * GP §6.4; target &lt; 1 ms) and ZIP-215 Ed25519 (guarantees, assurances, judgments).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignatureBench {
    byte[] bandersnatchPublic;
    byte[] vrfInput;
    byte[] vrfAux;
    byte[] ietfSignature;
    byte[] edPublic;
    byte[] edMessage;
    byte[] edSignature;

    @Setup
    public void setup() {
        byte[] seed = new byte[32];
        seed[0] = 7;
        byte[] secret = Bandersnatch.secretFromSeed(seed);
        bandersnatchPublic = Bandersnatch.publicKey(secret);
        vrfInput = "jam_entropy".getBytes(StandardCharsets.US_ASCII);
        vrfAux = new byte[100];
        ietfSignature = BandersnatchVrf.ietfProve(secret, vrfInput, vrfAux);
        edPublic = Ed25519.publicKey(seed);
        edMessage = "jam_guarantee and a 32-byte hash.".getBytes(StandardCharsets.US_ASCII);
        edSignature = Ed25519.sign(seed, edMessage);
        if (!BandersnatchVrf.ietfVerify(bandersnatchPublic, vrfInput, vrfAux, ietfSignature)
                || !Ed25519.verify(edPublic, edMessage, edSignature)) {
            throw new IllegalStateException("benchmark inputs do not verify");
        }
    }

    @Benchmark
    public boolean ietfVerify() {
        return BandersnatchVrf.ietfVerify(bandersnatchPublic, vrfInput, vrfAux, ietfSignature);
    }

    @Benchmark
    public byte[] ietfProve() {
        return BandersnatchVrf.ietfProve(Bandersnatch.secretFromSeed(vrfAux), vrfInput, vrfAux);
    }

    @Benchmark
    public boolean ed25519Verify() {
        return Ed25519.verify(edPublic, edMessage, edSignature);
    }
}
