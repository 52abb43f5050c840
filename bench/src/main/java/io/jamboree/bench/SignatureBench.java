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
    /** A block's worth of guarantee/assurance signatures: 16 keys, messages, signatures. */
    byte[][] batchKeys = new byte[16][], batchMessages = new byte[16][], batchSignatures = new byte[16][];

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
        for (int i = 0; i < 16; i++) {
            byte[] s = seed.clone();
            s[1] = (byte) i;
            batchKeys[i] = Ed25519.publicKey(s);
            batchMessages[i] = ("jam_available" + i + " and a 32-byte hash.").getBytes(StandardCharsets.US_ASCII);
            batchSignatures[i] = Ed25519.sign(s, batchMessages[i]);
        }
        if (!Ed25519.verifyBatch(batchKeys, batchMessages, batchSignatures)) throw new IllegalStateException("batch does not verify");
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

    /** 16 signatures one by one (the reference for {@link #ed25519VerifyBatch16}). */
    @Benchmark
    public boolean ed25519VerifySingles16() {
        boolean ok = true;
        for (int i = 0; i < 16; i++) ok &= Ed25519.verify(batchKeys[i], batchMessages[i], batchSignatures[i]);
        return ok;
    }

    /** The same 16 signatures as one ZIP-215 batch. */
    @Benchmark
    public boolean ed25519VerifyBatch16() {
        return Ed25519.verifyBatch(batchKeys, batchMessages, batchSignatures);
    }

    @Benchmark
    public boolean ed25519Verify() {
        return Ed25519.verify(edPublic, edMessage, edSignature);
    }
}
