package io.jamboree.crypto.internal.ring;

import io.jamboree.bls.Fr;
import io.jamboree.bls.G1;
import io.jamboree.bls.Srs;
import java.nio.charset.StandardCharsets;

/**
 * The Fiat-Shamir transform of the ring proof (ring-proof spec §1.3, §3.3 and §4.1): the sequence
 * of labeled messages and challenges shared by prover and verifier, over an {@link ArkTranscript}
 * labeled with the suite id {@code "Bandersnatch_SHA-512_ELL2"}.
 *
 * <ol>
 * <li>"vk": the verifier key, uncompressed: [1]G1, [1]G2, [tau]G2, then the ring commitment's
 *     three points C_px, C_py, C_s;</li>
 * <li>"instance": the key commitment Ybar, TE affine x || y (little-endian);</li>
 * <li>"committed_cols": C_b, C_accip, C_accx, C_accy (uncompressed); 7 challenges
 *     "constraints_aggregation" (alpha);</li>
 * <li>"quotient": C_q; challenge "evaluation_point" (zeta);</li>
 * <li>"register_evaluations": the 7 column evaluations at zeta; "shifted_linearization_evaluation":
 *     l(zeta omega); 8 challenges "kzg_aggregation" (nu);</li>
 * <li>"kzg_proof_zeta", "kzg_proof_zeta_omega": the opening proofs; the verifier's batching factor
 *     then comes from challenge "transcript_rng".</li>
 * </ol>
 * Not thread-safe; one instance per proof.
 */
final class RingTranscript {
    static final byte[] SUITE = ascii("Bandersnatch_SHA-512_ELL2");
    private static final byte[] VK = ascii("vk");
    private static final byte[] INSTANCE = ascii("instance");
    private static final byte[] COMMITTED = ascii("committed_cols");
    private static final byte[] ALPHA = ascii("constraints_aggregation");
    private static final byte[] QUOTIENT = ascii("quotient");
    private static final byte[] ZETA = ascii("evaluation_point");
    private static final byte[] EVALS = ascii("register_evaluations");
    private static final byte[] LIN = ascii("shifted_linearization_evaluation");
    private static final byte[] NU = ascii("kzg_aggregation");
    private static final byte[] PROOF_ZETA = ascii("kzg_proof_zeta");
    private static final byte[] PROOF_ZETA_OMEGA = ascii("kzg_proof_zeta_omega");
    private static final byte[] RNG = ascii("transcript_rng");

    /** Number of constraints (alphas). */
    static final int CONSTRAINTS = 7;
    /** Number of polynomials opened at zeta (nus): 7 columns and the quotient. */
    static final int OPENED = 8;

    /** The SRS part of the verifier key, uncompressed. */
    record Vk(G1 g1, byte[] g1Bytes, byte[] g2Bytes, byte[] tauG2Bytes) {
        static Vk of(Srs srs) {
            G1 g = srs.g1(0);
            return new Vk(g, g.toUncompressed(), srs.g2Bytes(0), srs.g2Bytes(1));
        }
    }

    private final ArkTranscript t;

    RingTranscript(Vk vk, G1 cPx, G1 cPy, G1 cS) {
        t = new ArkTranscript(SUITE);
        t.append(VK, vk.g1Bytes(), vk.g2Bytes(), vk.tauG2Bytes(), cPx.toUncompressed(), cPy.toUncompressed(),
                cS.toUncompressed());
    }

    void instance(byte[] keyCommitmentAffine) { t.append(INSTANCE, keyCommitmentAffine); }

    void committedColumns(G1 cB, G1 cAccIp, G1 cAccX, G1 cAccY) {
        t.append(COMMITTED, cB.toUncompressed(), cAccIp.toUncompressed(), cAccX.toUncompressed(), cAccY.toUncompressed());
    }

    Fr[] constraintCoefficients() { return challenges(ALPHA, CONSTRAINTS); }

    void quotient(G1 cQ) { t.append(QUOTIENT, cQ.toUncompressed()); }

    Fr evaluationPoint() { return t.challenge(ZETA); }

    void evaluations(Fr[] columnsAtZeta, Fr linAtZetaOmega) {
        byte[][] items = new byte[columnsAtZeta.length][];
        for (int i = 0; i < items.length; i++) items[i] = columnsAtZeta[i].toBytesLE();
        t.append(EVALS, items);
        t.append(LIN, linAtZetaOmega.toBytesLE());
    }

    Fr[] aggregationCoefficients() { return challenges(NU, OPENED); }

    void openingProofs(G1 piZeta, G1 piZetaOmega) {
        t.append(PROOF_ZETA, piZeta.toUncompressed());
        t.append(PROOF_ZETA_OMEGA, piZetaOmega.toUncompressed());
    }

    /** The verifier's factor combining the two openings (any unpredictable value is sound). */
    Fr batchingFactor() { return t.challenge(RNG); }

    private Fr[] challenges(byte[] label, int n) {
        Fr[] r = new Fr[n];
        for (int i = 0; i < n; i++) r[i] = t.challenge(label);
        return r;
    }

    private static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }
}
