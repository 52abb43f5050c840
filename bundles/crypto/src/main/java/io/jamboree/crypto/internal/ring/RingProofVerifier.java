package io.jamboree.crypto.internal.ring;

import io.jamboree.bls.Fq12;
import io.jamboree.bls.Fr;
import io.jamboree.bls.G1;
import io.jamboree.bls.G2;
import io.jamboree.bls.Msm;
import io.jamboree.bls.Pairing;
import io.jamboree.bls.Srs;
import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.bls.ring.RingProof;
import io.jamboree.crypto.Bandersnatch;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The ring proof verifier (ring-proof spec §4 "Verifier"; bandersnatch-vrf spec §4.3 "Ring VRF
 * Verify", second half): checks a 592-byte PLONK/KZG proof that the key commitment
 * {@code Ybar = pk_k + b*B} of a ring VRF signature differs from some key {@code pk_k} of the
 * committed ring by a multiple of the blinding base B.
 *
 * <p>Steps: the Fiat-Shamir challenges are restored ({@link RingTranscript}); the seven constraints
 * (inner product, two twisted-Edwards conditional-addition constraints, booleanity, and the three
 * boundary constraints fixing the accumulators' first and last cells) are evaluated at zeta with the
 * proof's column evaluations, which yields the quotient's evaluation q(zeta); the two KZG openings
 * (the nu-aggregate of the 8 committed polynomials at zeta, the linearization polynomial at
 * zeta*omega) are folded, with a transcript-derived random factor, into one 11-point MSM and one
 * product of two pairings.
 *
 * <p>An instance is bound to an SRS and a domain size; it is thread-safe (its only state is the
 * last decoded ring commitment).
 */
public final class RingProofVerifier {
    /** Bandersnatch TE coefficient a = -5. */
    private static final Fr FIVE = Fr.of(5);

    private final RingDomain dom;
    private final RingTranscript.Vk vk;
    private final Pairing.Prepared[] g2Lines;
    private final Fr seedX;
    private final Fr seedY;
    private final byte[] seed;
    /** The last ring commitment decoded (a ring root serves a whole epoch of tickets). */
    private volatile Commitment last;

    private record Commitment(byte[] bytes, G1 px, G1 py, G1 s) { }

    private Commitment commitment(byte[] bytes) {
        Commitment c = last;
        if (c != null && Arrays.equals(c.bytes(), bytes)) return c;
        c = new Commitment(bytes.clone(), G1.fromCompressed(Arrays.copyOfRange(bytes, 0, 48)),
                G1.fromCompressed(Arrays.copyOfRange(bytes, 48, 96)), G1.fromCompressed(Arrays.copyOfRange(bytes, 96, 144)));
        last = c;
        return c;
    }

    /** A verifier for rings of up to {@code ringSize} keys over the SRS ({@code [1]G1} and the two G2 points are used). */
    public RingProofVerifier(Srs srs, int ringSize) {
        this.dom = new RingDomain(RingDomain.sizeFor(ringSize));
        this.vk = RingTranscript.Vk.of(srs);
        this.g2Lines = new Pairing.Prepared[] {
            Pairing.prepare(G2.fromUncompressed(srs.g2Bytes(0))), Pairing.prepare(G2.fromUncompressed(srs.g2Bytes(1)))
        };
        this.seed = Bandersnatch.accumulatorSeed();
        this.seedX = Fr.fromBytesLE(Arrays.copyOfRange(seed, 0, 32));
        this.seedY = Fr.fromBytesLE(Arrays.copyOfRange(seed, 32, 64));
    }

    /** The domain size N. */
    public int domainSize() { return dom.n; }

    /**
     * Verifies the 592-byte ring proof for the key commitment given as TE affine {@code x || y}
     * (64 bytes, little-endian) against the 144-byte ring commitment. False for any malformed input.
     */
    public boolean verify(byte[] ringCommitment, byte[] keyCommitmentAffine, byte[] proofBytes) {
        Opening o = opening(ringCommitment, keyCommitmentAffine, proofBytes);
        return o != null && o.holds(g2Lines);
    }

    /**
     * The KZG opening claim a ring proof reduces to (everything but the pairing check): valid iff
     * {@code e(lhs, [1]G2) = e(rhs, [tau]G2)} with {@code lhs = MSM(bases, scalars)} and
     * {@code rhs = piZeta + r piZetaOmega}.
     */
    public record Opening(G1[] bases, Fr[] scalars, G1 piZeta, G1 piZetaOmega, Fr r) {
        boolean holds(Pairing.Prepared[] g2Lines) {
            CompletableFuture<G1> rhs = PARALLEL
                    ? CompletableFuture.supplyAsync(() -> Msm.g1(new G1[] {piZeta, piZetaOmega}, new Fr[] {Fr.ONE, r}))
                    : CompletableFuture.completedFuture(Msm.g1(new G1[] {piZeta, piZetaOmega}, new Fr[] {Fr.ONE, r}));
            G1 lhs = Msm.g1(bases, scalars);
            return pairingCheck(lhs, rhs.join(), g2Lines);
        }
    }

    /**
     * Batch check of several openings (over any ring commitments): with independent random 128-bit
     * weights rho_i, {@code e(sum rho_i lhs_i, [1]G2) = e(sum rho_i rhs_i, [tau]G2)}, one MSM over all
     * the points and one product of two pairings instead of one per proof. True if every opening holds;
     * false (except with probability about 2^-128) if any does not, which the caller then finds with
     * {@link #holds}.
     */
    public boolean holdAll(Opening[] openings, java.util.random.RandomGenerator rng) {
        int terms = 0;
        for (Opening o : openings) terms += o.bases().length;
        G1[] lb = new G1[terms];
        Fr[] ls = new Fr[terms];
        // a base shared by several openings (the ring commitment's columns, [1]G1) enters the MSM once
        java.util.HashMap<G1, Integer> seen = new java.util.HashMap<>();
        G1[] rb = new G1[2 * openings.length];
        Fr[] rs = new Fr[2 * openings.length];
        int at = 0;
        for (int i = 0; i < openings.length; i++) {
            Opening o = openings[i];
            byte[] w = new byte[32];
            long lo = rng.nextLong(), hi = rng.nextLong() | Long.MIN_VALUE; // nonzero, below 2^128
            for (int k = 0; k < 8; k++) {
                w[k] = (byte) (lo >>> (8 * k));
                w[8 + k] = (byte) (hi >>> (8 * k));
            }
            Fr rho = Fr.fromBytesLE(w);
            for (int j = 0; j < o.bases().length; j++) {
                G1 base = o.bases()[j];
                Fr term = o.scalars()[j].mul(rho);
                Integer prev = seen.putIfAbsent(base, at);
                if (prev != null) {
                    ls[prev] = ls[prev].add(term);
                } else {
                    lb[at] = base;
                    ls[at++] = term;
                }
            }
            rb[2 * i] = o.piZeta();
            rs[2 * i] = rho;
            rb[2 * i + 1] = o.piZetaOmega();
            rs[2 * i + 1] = rho.mul(o.r());
        }
        // two halves of about equal size on two cores: the rhs MSM with the tail of the lhs one, and the rest
        int split = PARALLEL ? Math.max(0, Math.min(at, (at + rb.length) / 2)) : at;
        int from = split, end = at;
        CompletableFuture<G1[]> other = PARALLEL
                ? CompletableFuture.supplyAsync(() -> new G1[] {
                    Msm.g1(java.util.Arrays.copyOfRange(lb, from, end), java.util.Arrays.copyOfRange(ls, from, end)), Msm.g1(rb, rs)})
                : CompletableFuture.completedFuture(new G1[] {G1.INFINITY, Msm.g1(rb, rs)});
        G1 head = Msm.g1(java.util.Arrays.copyOf(lb, split), java.util.Arrays.copyOf(ls, split));
        G1[] rest = other.join();
        return pairingCheck(head.add(rest[0]), rest[1], g2Lines);
    }

    /** Whether this machine has a second core for the halves of a check. */
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

    /**
     * e(lhs, [1]G2) = e(rhs, [tau]G2), as e(lhs, [1]G2) e(-rhs, [tau]G2) = 1: with a second core the two
     * Miller loops run side by side and are multiplied before the one final exponentiation.
     */
    private static boolean pairingCheck(G1 lhs, G1 rhs, Pairing.Prepared[] g2Lines) {
        G1 negRhs = rhs.neg();
        if (!PARALLEL) return Pairing.productIsOne(new G1[] {lhs, negRhs}, g2Lines);
        CompletableFuture<Fq12> right = CompletableFuture.supplyAsync(
                () -> Pairing.millerLoop(new G1[] {negRhs}, new Pairing.Prepared[] {g2Lines[1]}));
        Fq12 left = Pairing.millerLoop(new G1[] {lhs}, new Pairing.Prepared[] {g2Lines[0]});
        return Pairing.finalExponentiation(left.mul(right.join())).isOne();
    }

    /** Whether one opening holds (two pairings). */
    public boolean holds(Opening o) { return o.holds(g2Lines); }

    /**
     * The opening claim of a 592-byte ring proof for the key commitment given as TE affine
     * {@code x || y} (64 bytes, little-endian) against the 144-byte ring commitment; null if any input
     * is malformed or the proof fails before the pairing check.
     */
    public Opening opening(byte[] ringCommitment, byte[] keyCommitmentAffine, byte[] proofBytes) {
        if (ringCommitment == null || ringCommitment.length != RingCommitment.BYTES || keyCommitmentAffine == null
                || keyCommitmentAffine.length != 64 || proofBytes == null || proofBytes.length != RingProof.BYTES) {
            return null;
        }
        RingProof p;
        G1 cPx, cPy, cS;
        try {
            p = RingProof.parse(proofBytes);
            Commitment c = commitment(ringCommitment);
            cPx = c.px();
            cPy = c.py();
            cS = c.s();
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] sr = Bandersnatch.addAffine(seed, keyCommitmentAffine);
        if (sr == null) return null;
        Fr srx = Fr.fromBytesLE(Arrays.copyOfRange(sr, 0, 32));
        Fr sry = Fr.fromBytesLE(Arrays.copyOfRange(sr, 32, 64));

        RingTranscript t = new RingTranscript(vk, cPx, cPy, cS);
        t.instance(keyCommitmentAffine);
        t.committedColumns(p.cB(), p.cAccIp(), p.cAccX(), p.cAccY());
        Fr[] alpha = t.constraintCoefficients();
        t.quotient(p.cQ());
        Fr z = t.evaluationPoint();
        t.evaluations(new Fr[] {p.pxZeta(), p.pyZeta(), p.sZeta(), p.bZeta(), p.accIpZeta(), p.accXZeta(), p.accYZeta()},
                p.lZetaOmega());
        Fr[] nu = t.aggregationCoefficients();
        t.openingProofs(p.piZeta(), p.piZetaOmega());
        Fr r = t.batchingFactor();
        return check(cPx, cPy, cS, srx, sry, p, alpha, z, nu, r);
    }

    private Opening check(G1 cPx, G1 cPy, G1 cS, Fr srx, Fr sry, RingProof p, Fr[] alpha, Fr z, Fr[] nu, Fr r) {
        if (dom.powN(z).isOne()) return null; // zeta in the domain: probability ~2^-244
        RingDomain.AtPoint at = dom.at(z);
        Fr one = Fr.ONE;
        Fr b = p.bZeta(), x1 = p.accXZeta(), y1 = p.accYZeta(), x2 = p.pxZeta(), y2 = p.pyZeta();
        Fr ip = p.accIpZeta(), s = p.sZeta();
        Fr nl = at.notLast();
        Fr notB = one.sub(b);
        // the constraints at zeta with the zeta*omega terms left to the linearization polynomial
        Fr c0 = ip.add(s.mul(b)).neg().mul(nl);
        Fr c1 = b.mul(x1.mul(y1).add(x2.mul(y2))).neg().sub(notB.mul(x1)).mul(nl);
        Fr c2 = b.mul(x1.mul(y1).sub(x2.mul(y2))).neg().sub(notB.mul(y1)).mul(nl);
        Fr c3 = b.mul(notB);
        Fr c4 = x1.sub(seedX).mul(at.lFirst()).add(x1.sub(srx).mul(at.lLast()));
        Fr c5 = y1.sub(seedY).mul(at.lFirst()).add(y1.sub(sry).mul(at.lLast()));
        Fr c6 = ip.mul(at.lFirst()).add(ip.sub(one).mul(at.lLast()));
        Fr[] cs = {c0, c1, c2, c3, c4, c5, c6};
        Fr acc = p.lZetaOmega();
        for (int i = 0; i < 7; i++) acc = acc.add(alpha[i].mul(cs[i]));
        Fr qZeta = acc.mul(at.vanishingInv());
        // linearization polynomial coefficients of acc_ip, acc_x, acc_y
        Fr kIp = alpha[0].mul(nl);
        Fr kX = alpha[1].mul(b.mul(y1.mul(y2).sub(FIVE.mul(x1).mul(x2))).add(notB)).mul(nl);
        Fr kY = alpha[2].mul(b.mul(x1.mul(y2).sub(x2.mul(y1))).add(notB)).mul(nl);
        Fr zw = z.mul(dom.omega);
        Fr[] evals = {x2, y2, s, b, ip, x1, y1, qZeta};
        Fr aggZeta = Fr.ZERO;
        for (int i = 0; i < 8; i++) aggZeta = aggZeta.add(nu[i].mul(evals[i]));
        // e(A + rB, [1]G2) = e(pi_z + r pi_zw, [tau]G2) with
        // A = C_agg - agg(zeta) G + zeta pi_z, B = C_lin - lin(zeta omega) G + zeta omega pi_zw
        G1[] bases = {cPx, cPy, cS, p.cB(), p.cAccIp(), p.cAccX(), p.cAccY(), p.cQ(), vk.g1(), p.piZeta(), p.piZetaOmega()};
        Fr[] sc = {
            nu[0], nu[1], nu[2], nu[3], nu[4].add(r.mul(kIp)), nu[5].add(r.mul(kX)), nu[6].add(r.mul(kY)), nu[7],
            aggZeta.add(r.mul(p.lZetaOmega())).neg(), z, r.mul(zw)
        };
        return new Opening(bases, sc, p.piZeta(), p.piZetaOmega(), r);
    }
}
