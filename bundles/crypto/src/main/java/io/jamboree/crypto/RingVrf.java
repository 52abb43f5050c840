package io.jamboree.crypto;

import io.jamboree.bls.Srs;
import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.crypto.internal.ring.RingProofProver;
import io.jamboree.crypto.internal.ring.RingProofVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The Bandersnatch ring VRF {@code F-bar} of GP §3.8.2 (bandersnatch-vrf spec §4 "Ring VRF"): an
 * anonymous VRF signature by one member of a ring of Bandersnatch keys, checked against the ring's
 * 144-byte commitment (GP's ring root, gamma_z). Used for Safrole tickets (GP §6.7, eq. 6.29).
 *
 * <p>A 784-byte signature is the VRF output point gamma (32), the Pedersen VRF proof (160: key
 * commitment Ybar, R, O_k, s, s_b) and the ring proof (592). The Pedersen proof shows knowledge of
 * the opening of {@code Ybar = pk + b*B} and that gamma is the VRF output of that key; the ring
 * proof shows {@code Ybar - pk_k} is a multiple of B for some ring key {@code pk_k}.
 *
 * <p>An instance is bound to an SRS and a ring size (which fixes the PLONK domain: 512 rows for up
 * to 255 keys, 2048 for up to 1791, e.g. 1023). Verification needs only the SRS's first G1 point and
 * its two G2 points; the commitment needs N G1 powers and proving 3N + 1 (the Zcash SRS file
 * {@code zcash-srs-2-11-uncompressed.bin} has 6145, enough for N = 2048). Instances are immutable
 * and thread-safe; the prover's tables are built on first use.
 */
public final class RingVrf {
    /** Ring VRF signature size. */
    public static final int SIGNATURE_BYTES = 784;
    /** Ring commitment size. */
    public static final int COMMITMENT_BYTES = RingCommitment.BYTES;

    private final Srs srs;
    private final int ringSize;
    private final RingCommitment commitment;
    private final RingProofVerifier verifier;
    private volatile RingProofProver prover;

    private RingVrf(Srs srs, RingCommitment commitment, int ringSize) {
        this.srs = srs;
        this.ringSize = ringSize;
        this.commitment = commitment;
        this.verifier = new RingProofVerifier(srs, ringSize);
    }

    /** A ring VRF over the given SRS for rings of {@code ringSize} keys. */
    public static RingVrf of(Srs srs, int ringSize) {
        return new RingVrf(srs, new RingCommitment(srs), ringSize);
    }

    /** As {@link #of(Srs, int)}, sharing an existing commitment engine (and its caches) over the same SRS. */
    public static RingVrf of(Srs srs, RingCommitment commitment, int ringSize) {
        return new RingVrf(srs, commitment, ringSize);
    }

    /** Loads the Zcash-encoded SRS file (all of its G1 powers, without subgroup checks: a trusted file). */
    public static RingVrf load(Path srsFile, int ringSize) throws IOException {
        return of(Srs.load(srsFile, Integer.MAX_VALUE), ringSize);
    }

    /** The ring size this instance was made for. */
    public int ringSize() { return ringSize; }

    /** The PLONK domain size N. */
    public int domainSize() { return verifier.domainSize(); }

    /** The 144-byte commitment (ring root) of the ring of 32-byte keys. */
    public byte[] commitment(List<byte[]> keys) { return commitment.commit(keys); }

    /**
     * GP's {@code Y}: the 32-byte VRF output hash of a ring signature (its ticket id), without
     * verification.
     */
    public static byte[] output(byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES) throw new IllegalArgumentException("ring signature must be 784 bytes");
        return BandersnatchVrf.vrfOutput(signature);
    }

    /**
     * Verifies a ring VRF signature of VRF input {@code input} and additional data {@code ad}
     * against a ring commitment; the 32-byte output hash {@code Y} if valid, empty otherwise
     * (including any malformed argument).
     */
    public Optional<byte[]> verify(byte[] ringCommitment, byte[] input, byte[] ad, byte[] signature) {
        if (ringCommitment == null || ringCommitment.length != COMMITMENT_BYTES || signature == null
                || signature.length != SIGNATURE_BYTES || input == null || ad == null) {
            return Optional.empty();
        }
        if (!BandersnatchVrf.pedersenVerify(input, ad, signature)) return Optional.empty();
        byte[] yBar = Bandersnatch.affine(BandersnatchVrf.keyCommitment(signature));
        if (yBar == null) return Optional.empty();
        byte[] ringProof = Arrays.copyOfRange(signature, BandersnatchVrf.PEDERSEN_SIGNATURE_BYTES, SIGNATURE_BYTES);
        if (!verifier.verify(ringCommitment, yBar, ringProof)) return Optional.empty();
        return Optional.of(BandersnatchVrf.vrfOutput(signature));
    }

    /**
     * Verifies several ring VRF signatures against one ring commitment: entry i of the result is the
     * 32-byte output {@code Y} of signature i with VRF input {@code inputs.get(i)} and additional data
     * {@code ads.get(i)} if it is valid, else null. Same answers as {@link #verify} per signature,
     * but cheaper for several: the Pedersen proofs and the ring proofs' transcripts are checked on
     * several threads, and the ring proofs' pairing checks are folded with random weights into one
     * ({@link RingProofVerifier#holdAll}); only if that fails is each proof's pairing check done alone,
     * to tell which is bad.
     */
    public byte[][] verifyBatch(byte[] ringCommitment, List<byte[]> inputs, List<byte[]> ads, List<byte[]> signatures) {
        int n = signatures.size();
        if (inputs.size() != n || ads.size() != n) {
            throw new IllegalArgumentException(inputs.size() + " inputs and " + ads.size() + " ads for " + n + " signatures");
        }
        byte[][] out = new byte[n][];
        if (n == 0) return out;
        if (n == 1) {
            out[0] = verify(ringCommitment, inputs.get(0), ads.get(0), signatures.get(0)).orElse(null);
            return out;
        }
        RingProofVerifier.Opening[] openings = new RingProofVerifier.Opening[n];
        int workers = Math.min(n, Math.max(1, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.CompletableFuture<?>[] others = new java.util.concurrent.CompletableFuture<?>[workers - 1];
        for (int w = 1; w < workers; w++) {
            int from = w * n / workers, to = (w + 1) * n / workers;
            others[w - 1] = java.util.concurrent.CompletableFuture.runAsync(
                    () -> openAll(ringCommitment, inputs, ads, signatures, from, to, openings));
        }
        openAll(ringCommitment, inputs, ads, signatures, 0, n / workers, openings);
        for (java.util.concurrent.CompletableFuture<?> f : others) f.join();
        int valid = 0;
        for (RingProofVerifier.Opening o : openings) if (o != null) valid++;
        RingProofVerifier.Opening[] batch = new RingProofVerifier.Opening[valid];
        int k = 0;
        for (RingProofVerifier.Opening o : openings) if (o != null) batch[k++] = o;
        boolean all = valid > 0 && verifier.holdAll(batch, new SecureRandom());
        for (int i = 0; i < n; i++) {
            if (openings[i] != null && (all || verifier.holds(openings[i]))) out[i] = BandersnatchVrf.vrfOutput(signatures.get(i));
        }
        return out;
    }

    /** The ring proofs' opening claims of signatures from..to-1 (null where a check before the pairing fails). */
    private void openAll(byte[] ringCommitment, List<byte[]> inputs, List<byte[]> ads, List<byte[]> signatures, int from, int to,
            RingProofVerifier.Opening[] openings) {
        for (int i = from; i < to; i++) {
            openings[i] = opening(ringCommitment, inputs.get(i), ads.get(i), signatures.get(i));
        }
    }

    private RingProofVerifier.Opening opening(byte[] ringCommitment, byte[] input, byte[] ad, byte[] signature) {
        if (ringCommitment == null || ringCommitment.length != COMMITMENT_BYTES || signature == null
                || signature.length != SIGNATURE_BYTES || input == null || ad == null) {
            return null;
        }
        if (!BandersnatchVrf.pedersenVerify(input, ad, signature)) return null;
        byte[] yBar = Bandersnatch.affine(BandersnatchVrf.keyCommitment(signature));
        if (yBar == null) return null;
        byte[] ringProof = Arrays.copyOfRange(signature, BandersnatchVrf.PEDERSEN_SIGNATURE_BYTES, SIGNATURE_BYTES);
        return verifier.opening(ringCommitment, yBar, ringProof);
    }

    /**
     * Runs the verification steps once on a dummy signature against {@code ringCommitment}, to have their code
     * compiled before the first real signatures (its result is meaningless and dropped). The dummy: the
     * Bandersnatch generator as every Pedersen point, small scalars, and a ring proof of BLS12-381 generators
     * and small evaluations, so parsing succeeds and every step through the pairing check runs.
     */
    public void warmUp(byte[] ringCommitment) {
        byte[] sig = new byte[SIGNATURE_BYTES];
        byte[] g = Bandersnatch.publicKey(new byte[32]);
        for (int off = 0; off < 128; off += 32) System.arraycopy(g, 0, sig, off, 32);
        sig[128] = 1;
        sig[160] = 1;
        byte[] g1 = io.jamboree.bls.G1.GENERATOR.toCompressed();
        int pos = BandersnatchVrf.PEDERSEN_SIGNATURE_BYTES;
        for (int i = 0; i < 4; i++, pos += 48) System.arraycopy(g1, 0, sig, pos, 48);
        for (int i = 0; i < 7; i++, pos += 32) sig[pos] = (byte) (i + 2);
        System.arraycopy(g1, 0, sig, pos, 48);
        pos += 48;
        sig[pos] = 9;
        pos += 32;
        System.arraycopy(g1, 0, sig, pos, 48);
        System.arraycopy(g1, 0, sig, pos + 48, 48);
        BandersnatchVrf.pedersenVerify(new byte[0], new byte[0], sig);
        byte[] yBar = Bandersnatch.affine(BandersnatchVrf.keyCommitment(sig));
        RingProofVerifier.Opening o = verifier.opening(ringCommitment, yBar,
                Arrays.copyOfRange(sig, BandersnatchVrf.PEDERSEN_SIGNATURE_BYTES, SIGNATURE_BYTES));
        if (o != null) verifier.holdAll(new RingProofVerifier.Opening[] {o, o}, new SecureRandom());
    }

    /**
     * Ring VRF prove (zero-knowledge): signs {@code input}/{@code ad} with {@code secret}, whose
     * public key must be {@code ring.get(index)}. The Pedersen blinding factor is the deterministic
     * one of {@link BandersnatchVrf#pedersenBlinding}; the proof's zero-knowledge rows are random.
     */
    public byte[] prove(byte[] secret, List<byte[]> ring, int index, byte[] input, byte[] ad) {
        return prove(secret, ring, index, input, ad, new SecureRandom());
    }

    /**
     * Ring VRF prove without column blinding: a deterministic function of the inputs, matching the
     * bandersnatch-vrf test vectors byte for byte. NOT zero-knowledge: the proof may leak the
     * signer's index. For tests and vectors only.
     */
    public byte[] proveDeterministic(byte[] secret, List<byte[]> ring, int index, byte[] input, byte[] ad) {
        return prove(secret, ring, index, input, ad, null);
    }

    private byte[] prove(byte[] secret, List<byte[]> ring, int index, byte[] input, byte[] ad, RandomGenerator zk) {
        if (ring == null || input == null || ad == null) throw new IllegalArgumentException("null argument");
        if (ring.size() > ringSize) throw new IllegalArgumentException("ring of " + ring.size() + " keys exceeds " + ringSize);
        if (index < 0 || index >= ring.size()) throw new IllegalArgumentException("index out of range");
        byte[] pk = Bandersnatch.publicKey(secret);
        if (!Arrays.equals(pk, ring.get(index))) throw new IllegalArgumentException("ring key at index is not the signer's public key");
        byte[] blinding = BandersnatchVrf.pedersenBlinding(secret, input, ad);
        try {
            byte[] pedersen = BandersnatchVrf.pedersenProve(secret, blinding, input, ad);
            byte[] ringProof = prover().prove(ring, index, blinding, zk);
            byte[] sig = Arrays.copyOf(pedersen, SIGNATURE_BYTES);
            System.arraycopy(ringProof, 0, sig, BandersnatchVrf.PEDERSEN_SIGNATURE_BYTES, ringProof.length);
            return sig;
        } finally {
            Arrays.fill(blinding, (byte) 0);
        }
    }

    private RingProofProver prover() {
        RingProofProver p = prover;
        if (p == null) {
            synchronized (this) {
                p = prover;
                if (p == null) prover = p = new RingProofProver(srs, commitment, ringSize);
            }
        }
        return p;
    }
}
