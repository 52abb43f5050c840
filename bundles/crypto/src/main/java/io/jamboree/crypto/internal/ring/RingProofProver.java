package io.jamboree.crypto.internal.ring;

import io.jamboree.bls.Domain;
import io.jamboree.bls.Fr;
import io.jamboree.bls.G1;
import io.jamboree.bls.Msm;
import io.jamboree.bls.Srs;
import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.bls.ring.RingProof;
import io.jamboree.crypto.Bandersnatch;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * The ring proof prover (ring-proof spec §3 "Prover"; bandersnatch-vrf spec §4.2 "Ring VRF Prove",
 * second half): proves knowledge of an index k and a scalar t with {@code Ybar = pk_k + t*B}.
 *
 * <p>Columns over the domain of {@link RingDomain} (rows 0..N-1):
 * <ul>
 * <li>points p = (p_x, p_y): the ring keys, the padding point up to N - 257 rows, then 2^i B for
 *     i = 0..252, zeros after (public);</li>
 * <li>selector s: 1 on the N - 257 key rows (public);</li>
 * <li>bits b: 1 at row k of the key part, then the 253 little-endian bits of t;</li>
 * <li>acc_ip: 0, then the running sum of s*b (ends at 1);</li>
 * <li>acc = (acc_x, acc_y): the accumulator seed S, then S plus the running TE sum of b*p (ends at
 *     S + Ybar).</li>
 * </ul>
 * The witness columns hold zeros in the unconstrained cells; with zero knowledge the three last
 * rows are random (without it the proof is a deterministic function of the inputs, which is how
 * the bandersnatch-vrf test vectors were generated).
 *
 * <p>The quotient q = (sum alpha_i c_i) * (X - w^(N-3))(X - w^(N-2))(X - w^(N-1)) / (X^N - 1) is
 * computed pointwise on the coset 7*H_4N (the aggregate constraint has degree < 4N, q degree
 * <= 3N), so the SRS needs 3N + 1 powers.
 *
 * <p>Immutable and thread-safe; each proof allocates its own buffers.
 */
public final class RingProofProver {
    private static final long[] FIVE = Fr.of(5).montLimbs();
    private static final long[] ONE = Fr.ONE.montLimbs();
    private static final int PARALLEL_THRESHOLD = 1024;

    private final RingDomain dom;
    private final Domain dom4;
    private final G1[] ck;
    private final RingTranscript.Vk vk;
    private final RingCommitment commitment;
    private final long[][] hx;
    private final long[][] hy;
    private final long[] padX;
    private final long[] padY;
    private final byte[] seed;
    private final long[] seedX;
    private final long[] seedY;
    /** The coset shift g and g^i for i < 4N. */
    private final long[][] cosetPowers;
    private final long[][] cosetPowersInv;
    private volatile CachedCommitment lastCommitment;

    /** A prover for rings of up to {@code ringSize} keys; the SRS must hold at least 3N + 1 G1 powers. */
    public RingProofProver(Srs srs, RingCommitment commitment, int ringSize) {
        this.dom = new RingDomain(RingDomain.sizeFor(ringSize));
        int n = dom.n;
        if (srs.g1Size() < 3 * n + 1) throw new IllegalArgumentException("SRS needs " + (3 * n + 1) + " G1 powers for domain " + n);
        this.dom4 = new Domain(dom.log + 2);
        this.ck = new G1[3 * n + 1];
        for (int i = 0; i < ck.length; i++) ck[i] = srs.g1(i);
        this.vk = RingTranscript.Vk.of(srs);
        this.commitment = commitment;
        byte[][] h = Bandersnatch.blindingBasePowersOfTwo();
        hx = new long[h.length][];
        hy = new long[h.length][];
        for (int i = 0; i < h.length; i++) {
            hx[i] = coord(h[i], 0);
            hy[i] = coord(h[i], 32);
        }
        byte[] pad = Bandersnatch.paddingPoint();
        padX = coord(pad, 0);
        padY = coord(pad, 32);
        seed = Bandersnatch.accumulatorSeed();
        seedX = coord(seed, 0);
        seedY = coord(seed, 32);
        int m = 4 * n;
        cosetPowers = new long[m][];
        cosetPowersInv = new long[m][];
        long[] g = Fr.of(7).montLimbs(), gi = Fr.of(7).inverse().montLimbs();
        long[] a = ONE.clone(), ai = ONE.clone();
        for (int i = 0; i < m; i++) {
            cosetPowers[i] = a.clone();
            cosetPowersInv[i] = ai.clone();
            Fr.mul(a, g, a);
            Fr.mul(ai, gi, ai);
        }
    }

    private static long[] coord(byte[] affine, int off) {
        long[] r = new long[4];
        if (!Fr.fromBytesLE(affine, off, r)) throw new IllegalStateException("non-canonical coordinate");
        return r;
    }

    /** The domain size N. */
    public int domainSize() { return dom.n; }

    /** The largest ring this prover handles. */
    public int maxRingSize() { return dom.keysetSize; }

    /**
     * Proves that {@code keyCommitment = keys[index] + t*B} ({@code t} the 32-byte little-endian
     * Pedersen blinding factor) for the ring {@code keys} (32-byte compressed Bandersnatch keys; a
     * key that does not decode is replaced by the padding point, as in the ring commitment). With
     * {@code zk == null} the three zero-knowledge rows are zero (deterministic, NOT zero-knowledge:
     * test vectors only). Returns the 592-byte proof.
     */
    public byte[] prove(List<byte[]> keys, int index, byte[] t, RandomGenerator zk) {
        int n = dom.n;
        int k = keys.size();
        if (k > dom.keysetSize) throw new IllegalArgumentException("ring of " + k + " keys exceeds " + dom.keysetSize);
        if (index < 0 || index >= k) throw new IllegalArgumentException("prover index out of range");
        byte[] own = Bandersnatch.affine(keys.get(index));
        if (own == null) throw new IllegalArgumentException("prover key is not a valid Bandersnatch key");
        long[] tLimbs = scalarBits(t);
        byte[] ringCommitment = ringCommitment(keys);

        // fixed columns
        long[][] px = new long[n][4], py = new long[n][4], sel = new long[n][4];
        for (int i = 0; i < dom.keysetSize; i++) {
            byte[] a = i < k ? Bandersnatch.affine(keys.get(i)) : null;
            if (a != null) {
                Fr.fromBytesLE(a, 0, px[i]);
                Fr.fromBytesLE(a, 32, py[i]);
            } else {
                Fr.copy(padX, px[i]);
                Fr.copy(padY, py[i]);
            }
            Fr.setOne(sel[i]);
        }
        for (int j = 0; j < RingDomain.SCALAR_BITS; j++) {
            Fr.copy(hx[j], px[dom.keysetSize + j]);
            Fr.copy(hy[j], py[dom.keysetSize + j]);
        }
        // witness columns
        int rows = n - 4; // constrained rows 0..N-5, each adding into row i+1
        long[][] bits = new long[n][4], ip = new long[n][4], ax = new long[n][4], ay = new long[n][4];
        Fr.setOne(bits[index]);
        for (int j = 0; j < RingDomain.SCALAR_BITS; j++) {
            if (((tLimbs[j >>> 6] >>> (j & 63)) & 1) != 0) Fr.setOne(bits[dom.keysetSize + j]);
        }
        Arrays.fill(tLimbs, 0);
        Fr.copy(seedX, ax[0]);
        Fr.copy(seedY, ay[0]);
        byte[] acc = seed.clone();
        byte[] pt = new byte[64];
        for (int i = 0; i < rows; i++) {
            boolean on = !Fr.isZero(bits[i]);
            if (on) {
                Fr.add(ip[i], sel[i], ip[i + 1]);
                Fr.toBytesLE(px[i], pt, 0);
                Fr.toBytesLE(py[i], pt, 32);
                acc = Bandersnatch.addAffine(acc, pt);
                Fr.fromBytesLE(acc, 0, ax[i + 1]);
                Fr.fromBytesLE(acc, 32, ay[i + 1]);
            } else {
                Fr.copy(ip[i], ip[i + 1]);
                Fr.copy(ax[i], ax[i + 1]);
                Fr.copy(ay[i], ay[i + 1]);
            }
        }
        byte[] result = resultOf(acc);
        long[] lastX = ax[rows].clone(), lastY = ay[rows].clone();
        if (zk != null) {
            for (long[][] col : new long[][][] {bits, ip, ax, ay}) {
                for (int i = n - RingDomain.ZK_ROWS; i < n; i++) Fr.copy(Fr.fromBigInteger(randomScalar(zk)).montLimbs(), col[i]);
            }
        }
        // the sparse 0/1 columns are committed in the Lagrange basis (one addition per 1), in parallel
        long[][] bitsEval = copy(bits), ipEval = copy(ip);
        CompletableFuture<G1[]> sparse = CompletableFuture.supplyAsync(() -> new G1[] {
            commitment.commitColumn(k, bitsEval), commitment.commitColumn(k, ipEval)});
        // interpolate (evaluations -> coefficients)
        long[][][] cols = {px, py, sel, bits, ip, ax, ay};
        for (long[][] c : cols) dom.domain.ifft(c);

        RingTranscript tr = new RingTranscript(vk, g1(ringCommitment, 0), g1(ringCommitment, 48), g1(ringCommitment, 96));
        tr.instance(result);
        G1 cAx = commit(ax, n), cAy = commit(ay, n);
        G1[] sparseCommitments = sparse.join();
        G1 cB = sparseCommitments[0], cIp = sparseCommitments[1];
        tr.committedColumns(cB, cIp, cAx, cAy);
        Fr[] alpha = tr.constraintCoefficients();

        long[][] q = quotient(cols, alpha, lastX, lastY);
        G1 cQ = commit(q, q.length);
        tr.quotient(cQ);
        Fr zeta = tr.evaluationPoint();

        Fr[] atZeta = new Fr[7];
        for (int i = 0; i < 7; i++) atZeta[i] = evaluate(cols[i], zeta);
        // linearization polynomial: its coefficients come from the evaluations at zeta
        RingDomain.AtPoint at = dom.at(zeta);
        Fr b = atZeta[3], x1 = atZeta[5], y1 = atZeta[6], x2 = atZeta[0], y2 = atZeta[1];
        Fr notB = Fr.ONE.sub(b);
        Fr kIp = alpha[0].mul(at.notLast());
        Fr kX = alpha[1].mul(b.mul(y1.mul(y2).sub(Fr.of(5).mul(x1).mul(x2))).add(notB)).mul(at.notLast());
        Fr kY = alpha[2].mul(b.mul(x1.mul(y2).sub(x2.mul(y1))).add(notB)).mul(at.notLast());
        long[][] lin = combine(new long[][][] {ip, ax, ay}, new Fr[] {kIp, kX, kY}, n);
        Fr zw = zeta.mul(dom.omega);
        Fr linZw = evaluate(lin, zw);
        tr.evaluations(atZeta, linZw);
        Fr[] nu = tr.aggregationCoefficients();
        long[][] agg = combine(new long[][][] {px, py, sel, bits, ip, ax, ay, q}, nu, q.length);
        G1 piZ = commit(divideByLinear(agg, zeta), q.length - 1);
        G1 piZw = commit(divideByLinear(lin, zw), n - 1);

        byte[] out = new byte[RingProof.BYTES];
        int o = 0;
        for (G1 c : new G1[] {cB, cIp, cAx, cAy}) o = put(out, o, c.toCompressed());
        for (Fr e : atZeta) o = put(out, o, e.toBytesLE());
        o = put(out, o, cQ.toCompressed());
        o = put(out, o, linZw.toBytesLE());
        o = put(out, o, piZ.toCompressed());
        put(out, o, piZw.toCompressed());
        return out;
    }

    private byte[] resultOf(byte[] seedPlusResult) {
        // result = (S + result) - S; TE negation is (x, y) -> (-x, y)
        long[] nx = new long[4];
        Fr.neg(seedX, nx);
        byte[] negSeed = seed.clone();
        Fr.toBytesLE(nx, negSeed, 0);
        return Bandersnatch.addAffine(seedPlusResult, negSeed);
    }

    private static java.math.BigInteger randomScalar(RandomGenerator rng) {
        byte[] b = new byte[48];
        rng.nextBytes(b);
        return new java.math.BigInteger(1, b).mod(Fr.P);
    }

    private static long[] scalarBits(byte[] t) {
        if (t == null || t.length != 32) throw new IllegalArgumentException("blinding factor must be 32 bytes");
        long[] c = new long[4];
        for (int i = 0; i < 32; i++) c[i >>> 3] |= (t[i] & 0xffL) << ((i & 7) * 8);
        return c;
    }

    private static long[][] copy(long[][] a) {
        long[][] r = new long[a.length][];
        for (int i = 0; i < a.length; i++) r[i] = a[i].clone();
        return r;
    }

    /** The ring's commitment, remembered for the last ring (rings change once per epoch). */
    private byte[] ringCommitment(List<byte[]> keys) {
        byte[] flat = new byte[keys.size() * 32];
        for (int i = 0; i < keys.size(); i++) {
            byte[] key = keys.get(i);
            if (key == null || key.length != 32) throw new IllegalArgumentException("ring keys must be 32 bytes");
            System.arraycopy(key, 0, flat, 32 * i, 32);
        }
        CachedCommitment c = lastCommitment;
        if (c != null && Arrays.equals(c.keys(), flat)) return c.commitment();
        byte[] com = commitment.commit(keys);
        lastCommitment = new CachedCommitment(flat, com);
        return com;
    }

    private record CachedCommitment(byte[] keys, byte[] commitment) { }

    private static G1 g1(byte[] b, int off) { return G1.fromCompressed(Arrays.copyOfRange(b, off, off + 48)); }

    private static int put(byte[] out, int o, byte[] b) {
        System.arraycopy(b, 0, out, o, b.length);
        return o + b.length;
    }

    /** KZG commitment of the first {@code len} coefficients; large ones split over two threads. */
    private G1 commit(long[][] coeffs, int len) {
        int d = len;
        while (d > 0 && Fr.isZero(coeffs[d - 1])) d--;
        if (d > ck.length) throw new IllegalStateException("polynomial degree exceeds the SRS");
        if (d < PARALLEL_THRESHOLD) return Msm.g1Mont(ck, coeffs, d);
        int half = d / 2;
        G1[] upperBases = Arrays.copyOfRange(ck, half, d);
        long[][] upper = Arrays.copyOfRange(coeffs, half, d);
        CompletableFuture<G1> hi = CompletableFuture.supplyAsync(() -> Msm.g1Mont(upperBases, upper, upper.length));
        G1 lo = Msm.g1Mont(ck, coeffs, half);
        return lo.add(hi.join());
    }

    private static Fr evaluate(long[][] coeffs, Fr z) {
        long[] zl = z.montLimbs(), acc = new long[4];
        for (int i = coeffs.length - 1; i >= 0; i--) {
            Fr.mul(acc, zl, acc);
            Fr.add(acc, coeffs[i], acc);
        }
        return Fr.ofMontLimbs(acc);
    }

    private static long[][] combine(long[][][] polys, Fr[] coeffs, int len) {
        long[][] r = new long[len][4];
        long[] t = new long[4];
        for (int j = 0; j < polys.length; j++) {
            long[] c = coeffs[j].montLimbs();
            long[][] p = polys[j];
            for (int i = 0; i < p.length && i < len; i++) {
                Fr.mul(p[i], c, t);
                Fr.add(r[i], t, r[i]);
            }
        }
        return r;
    }

    /** (p(X) - p(z)) / (X - z) by synthetic division; length p.length - 1. */
    private static long[][] divideByLinear(long[][] p, Fr z) {
        int n = p.length;
        long[][] q = new long[n - 1][4];
        long[] zl = z.montLimbs(), carry = new long[4];
        for (int i = n - 1; i >= 1; i--) {
            Fr.mul(carry, zl, carry);
            Fr.add(carry, p[i], carry);
            Fr.copy(carry, q[i - 1]);
        }
        return q;
    }

    /** Coefficients of the polynomial (length N) evaluated on the coset g*H_4N. */
    private long[][] onCoset(long[][] coeffs) {
        int m = 4 * dom.n;
        long[][] e = new long[m][4];
        for (int i = 0; i < coeffs.length; i++) Fr.mul(coeffs[i], cosetPowers[i], e[i]);
        dom4.fft(e);
        return e;
    }

    /**
     * The quotient polynomial's coefficients (length 3N + 1): the alpha-aggregate of the seven
     * constraints times the zero-knowledge rows' vanishing polynomial, divided by X^N - 1, computed
     * pointwise on the coset.
     */
    private long[][] quotient(long[][][] cols, Fr[] alpha, long[] lastX, long[] lastY) {
        int n = dom.n, m = 4 * n;
        long[][] ex = onCoset(cols[0]), ey = onCoset(cols[1]), es = onCoset(cols[2]), eb = onCoset(cols[3]);
        long[][] eip = onCoset(cols[4]), eax = onCoset(cols[5]), eay = onCoset(cols[6]);
        long[][] al = new long[7][];
        for (int i = 0; i < 7; i++) al[i] = alpha[i].montLimbs();
        long[] g = Fr.of(7).montLimbs();
        long[] w4 = dom4.omega().montLimbs();
        long[] wLast = dom.wLast.montLimbs();
        long[][] zk = {dom.zkRoots[0].montLimbs(), dom.zkRoots[1].montLimbs(), dom.zkRoots[2].montLimbs()};
        long[] nInv = dom.nInv.montLimbs();
        long[] w4last = dom.wLast.inverse().montLimbs(); // omega^4
        // x^N - 1 on the coset takes 4 values: g^N * (omega_4N^N)^j - 1, j mod 4
        long[][] zhInv = new long[4][4];
        long[] gn = g.clone();
        for (int i = 0; i < dom.log; i++) Fr.square(gn, gn);
        long[] w4n = dom4.omega().pow(java.math.BigInteger.valueOf(n)).montLimbs();
        long[] cur = gn.clone();
        for (int j = 0; j < 4; j++) {
            Fr.sub(cur, ONE, zhInv[j]);
            Fr.mul(cur, w4n, cur);
        }
        long[][] zhInvCopy = new long[4][];
        for (int j = 0; j < 4; j++) zhInvCopy[j] = zhInv[j].clone();
        Fr.batchInverse(zhInv);
        long[] srx = lastX, sry = lastY;
        long[] x = g.clone();
        long[] t1 = new long[4], t2 = new long[4], t3 = new long[4], t4 = new long[4], c = new long[4], sum = new long[4];
        long[] nl = new long[4], notB = new long[4], lf = new long[4], ll = new long[4], zkv = new long[4];
        long[][] q = new long[m][4];
        // L_0 and L_(N-4) need 1/(x - 1) and 1/(omega^4 x - 1): batch over the coset
        long[][] invA = new long[m][4], invB = new long[m][4];
        long[] xi = g.clone();
        for (int i = 0; i < m; i++) {
            Fr.sub(xi, ONE, invA[i]);
            Fr.mul(xi, w4last, invB[i]);
            Fr.sub(invB[i], ONE, invB[i]);
            Fr.mul(xi, w4, xi);
        }
        Fr.batchInverse(invA);
        Fr.batchInverse(invB);
        for (int i = 0; i < m; i++) {
            int s = (i + 4) % m; // X -> omega X is a shift by 4 on the 4N coset
            long[] b = eb[i], x1 = eax[i], y1 = eay[i], x2 = ex[i], y2 = ey[i], x3 = eax[s], y3 = eay[s];
            Fr.sub(x, wLast, nl);
            Fr.sub(ONE, b, notB);
            // c0 = (ip(wX) - ip - s*b) * nl
            Fr.sub(eip[s], eip[i], t1);
            Fr.mul(es[i], b, t2);
            Fr.sub(t1, t2, t1);
            Fr.mul(t1, nl, t1);
            Fr.mul(t1, al[0], sum);
            // c1 = (b (x3 (y1 y2 - 5 x1 x2) - (x1 y1 + x2 y2)) + (1 - b)(x3 - x1)) * nl
            Fr.mul(y1, y2, t1);
            Fr.mul(x1, x2, t2);
            Fr.mul(t2, FIVE, t3);
            Fr.sub(t1, t3, t3);
            Fr.mul(x3, t3, t3);
            Fr.mul(x1, y1, t4);
            Fr.mul(x2, y2, c);
            Fr.add(t4, c, t1);            // x1 y1 + x2 y2
            Fr.sub(t4, c, t2);            // x1 y1 - x2 y2
            Fr.sub(t3, t1, t3);
            Fr.mul(b, t3, t3);
            Fr.sub(x3, x1, t1);
            Fr.mul(notB, t1, t1);
            Fr.add(t3, t1, t3);
            Fr.mul(t3, nl, t3);
            Fr.mul(t3, al[1], t3);
            Fr.add(sum, t3, sum);
            // c2 = (b (y3 (x1 y2 - x2 y1) - (x1 y1 - x2 y2)) + (1 - b)(y3 - y1)) * nl
            Fr.mul(x1, y2, t1);
            Fr.mul(x2, y1, t3);
            Fr.sub(t1, t3, t1);
            Fr.mul(y3, t1, t1);
            Fr.sub(t1, t2, t1);
            Fr.mul(b, t1, t1);
            Fr.sub(y3, y1, t3);
            Fr.mul(notB, t3, t3);
            Fr.add(t1, t3, t1);
            Fr.mul(t1, nl, t1);
            Fr.mul(t1, al[2], t1);
            Fr.add(sum, t1, sum);
            // c3 = b (1 - b)
            Fr.mul(b, notB, t1);
            Fr.mul(t1, al[3], t1);
            Fr.add(sum, t1, sum);
            // L_0(x) = (x^N - 1)/(N (x - 1)), L_(N-4)(x) = (x^N - 1)/(N (omega^4 x - 1))
            Fr.mul(zhInvCopy[i & 3], nInv, t4);
            Fr.mul(t4, invA[i], lf);
            Fr.mul(t4, invB[i], ll);
            // c4, c5: acc_x, acc_y from S to S + Ybar; c6: acc_ip from 0 to 1
            Fr.sub(x1, seedX, t1); Fr.mul(t1, lf, t1);
            Fr.sub(x1, srx, t2); Fr.mul(t2, ll, t2);
            Fr.add(t1, t2, t1); Fr.mul(t1, al[4], t1); Fr.add(sum, t1, sum);
            Fr.sub(y1, seedY, t1); Fr.mul(t1, lf, t1);
            Fr.sub(y1, sry, t2); Fr.mul(t2, ll, t2);
            Fr.add(t1, t2, t1); Fr.mul(t1, al[5], t1); Fr.add(sum, t1, sum);
            Fr.mul(eip[i], lf, t1);
            Fr.sub(eip[i], ONE, t2); Fr.mul(t2, ll, t2);
            Fr.add(t1, t2, t1); Fr.mul(t1, al[6], t1); Fr.add(sum, t1, sum);
            // times the zk rows' vanishing polynomial, divided by x^N - 1
            Fr.sub(x, zk[0], zkv);
            Fr.sub(x, zk[1], t1); Fr.mul(zkv, t1, zkv);
            Fr.sub(x, zk[2], t1); Fr.mul(zkv, t1, zkv);
            Fr.mul(sum, zkv, sum);
            Fr.mul(sum, zhInv[i & 3], q[i]);
            Fr.mul(x, w4, x);
        }
        dom4.ifft(q);
        for (int i = 0; i < m; i++) Fr.mul(q[i], cosetPowersInv[i], q[i]);
        for (int i = 3 * n + 1; i < m; i++) {
            if (!Fr.isZero(q[i])) throw new IllegalStateException("constraints do not hold: quotient degree too high");
        }
        return Arrays.copyOf(q, 3 * n + 1);
    }
}
