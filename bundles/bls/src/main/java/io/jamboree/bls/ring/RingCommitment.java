package io.jamboree.bls.ring;

import io.jamboree.bls.Domain;
import io.jamboree.bls.Fr;
import io.jamboree.bls.G1;
import io.jamboree.bls.Msm;
import io.jamboree.bls.Srs;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Bandersnatch ring commitment gamma_z (GP 0.7.2 section 6.4 "Bandersnatch ring root",
 * O(...) in Appendix G; ring-proof spec section 2.4; crypto-notes "Ring commitment, as
 * reproduced"): three KZG commitments (compressed G1) to the interpolated columns p_x, p_y and the
 * selector s over a domain of size N = next power of two >= ring size + 257.
 *
 * <p>Per domain size the constant part (all key rows set to the padding point, the 253 multiples
 * of the blinding base, the selector) is committed once, and the Lagrange-basis SRS is computed
 * once; each ring then adds the commitment to the differences (key - padding) on its key rows:
 * one MSM over ring-size Lagrange points per coordinate (the two run in parallel).
 */
public final class RingCommitment {
    /** Commitment size: three compressed G1 points. */
    public static final int BYTES = 144;
    /** Bit length of the Bandersnatch scalar field (N_J in the ring-proof spec). */
    static final int SCALAR_BITS = 253;

    static final BigInteger PAD_X = new BigInteger("26287722405578650394504321825321286533153045350760430979437739593351290020913");
    static final BigInteger PAD_Y = new BigInteger("19058981610000167534379068105702216971787064146691007947119244515951752366738");
    static final BigInteger BLIND_X = new BigInteger("6150229251051246713677296363717454238956877613358614224171740096471278798312");
    static final BigInteger BLIND_Y = new BigInteger("28442734166467795856797249030329035618871580593056783094884474814923353898473");

    private final Srs srs;
    private final ConcurrentHashMap<Integer, Prepared> prepared = new ConcurrentHashMap<>();

    /** A commitment engine over the given SRS (must hold at least N G1 powers). */
    public RingCommitment(Srs srs) { this.srs = srs; }

    /** The domain size N for a ring of the given size. */
    public static int domainSize(int ringSize) {
        int n = 1;
        while (n < ringSize + 4 + SCALAR_BITS) n <<= 1;
        return n;
    }

    /** Per-domain constants. */
    private record Prepared(Domain domain, G1[] lagrangeUnscaled, long[] nInv, G1 padX, G1 padY, G1 selector) { }

    /** First bytes of {@link #exportTables}' layout. */
    private static final byte[] TABLES_MAGIC = {'J', 'R', 'T', '1'};

    /**
     * The per-domain data for rings of this size (building it if needed) as bytes: the magic
     * {@code JRT1}, N (4 bytes, big-endian), the constant commitments to the padded x and y columns and
     * the selector, then the N unscaled Lagrange-basis points N [L_i(tau)]G1, each G1 point in the
     * 96-byte uncompressed Zcash encoding. It depends on the SRS alone, so a node can ship it for its
     * SRS and {@link #importTables} it instead of spending seconds on the group FFT.
     */
    public byte[] exportTables(int ringSize) {
        int n = domainSize(ringSize);
        Prepared p = prepare(n);
        byte[] out = new byte[8 + G1.UNCOMPRESSED_BYTES * (3 + n)];
        System.arraycopy(TABLES_MAGIC, 0, out, 0, 4);
        out[4] = (byte) (n >>> 24); out[5] = (byte) (n >>> 16); out[6] = (byte) (n >>> 8); out[7] = (byte) n;
        int pos = 8;
        G1[] head = {p.padX(), p.padY(), p.selector()};
        for (G1 g : head) {
            System.arraycopy(g.toUncompressed(), 0, out, pos, G1.UNCOMPRESSED_BYTES);
            pos += G1.UNCOMPRESSED_BYTES;
        }
        for (G1 g : p.lagrangeUnscaled()) {
            System.arraycopy(g.toUncompressed(), 0, out, pos, G1.UNCOMPRESSED_BYTES);
            pos += G1.UNCOMPRESSED_BYTES;
        }
        return out;
    }

    /**
     * Installs per-domain data produced by {@link #exportTables} with this engine's SRS (the caller
     * vouches for that, e.g. by a hash of both files); points are checked to be on the curve, not
     * for the subgroup (trusted input). Replaces nothing already prepared.
     *
     * @throws IllegalArgumentException if the bytes are not in that layout
     */
    public void importTables(byte[] tables) {
        if (tables == null || tables.length < 8 || !java.util.Arrays.equals(tables, 0, 4, TABLES_MAGIC, 0, 4)) {
            throw new IllegalArgumentException("not ring commitment tables");
        }
        int n = ((tables[4] & 0xff) << 24) | ((tables[5] & 0xff) << 16) | ((tables[6] & 0xff) << 8) | (tables[7] & 0xff);
        if (n < 1 || Integer.bitCount(n) != 1 || n > (1 << 20) || tables.length != 8 + G1.UNCOMPRESSED_BYTES * (3 + n)) {
            throw new IllegalArgumentException("ring commitment tables of bad size " + tables.length + " for N = " + n);
        }
        G1[] pts = new G1[3 + n];
        for (int i = 0; i < pts.length; i++) pts[i] = G1.fromUncompressed(tables, 8 + G1.UNCOMPRESSED_BYTES * i, false);
        G1[] lagrange = java.util.Arrays.copyOfRange(pts, 3, pts.length);
        prepared.putIfAbsent(n, new Prepared(Domain.atLeast(n), lagrange, Fr.of(n).inverse().montLimbs(), pts[0], pts[1], pts[2]));
    }

    /** Whether the per-domain data for rings of this size is ready (built or imported). */
    public boolean isPrepared(int ringSize) { return prepared.containsKey(domainSize(ringSize)); }

    /**
     * Builds (once) the per-domain data for rings of this size: the Lagrange-basis SRS and the
     * constant commitments. Takes seconds for N = 2048; call early (e.g. at node start, on a
     * background thread) to keep the first epoch change fast.
     */
    public void prepareFor(int ringSize) { prepare(domainSize(ringSize)); }

    private Prepared prepare(int n) {
        return prepared.computeIfAbsent(n, this::build);
    }

    private Prepared build(int n) {
        if (srs.g1Size() < n) throw new IllegalArgumentException("SRS too small for domain " + n);
        Domain dom = Domain.atLeast(n);
        G1[] mono = new G1[n];
        for (int i = 0; i < n; i++) mono[i] = srs.g1(i);
        long[][] px = new long[n][4], py = new long[n][4], sel = new long[n][4];
        long[] padX = Fr.montOf(PAD_X), padY = Fr.montOf(PAD_Y);
        int keyRows = n - SCALAR_BITS - 4;
        for (int i = 0; i < keyRows; i++) {
            Fr.copy(padX, px[i]); Fr.copy(padY, py[i]); Fr.setOne(sel[i]);
        }
        // H, 2H, 4H, ... in TE coordinates
        long[][] h = Bandersnatch.toExtended(new Bandersnatch.Affine(Fr.montOf(BLIND_X), Fr.montOf(BLIND_Y)));
        long[][] tmp = new long[8][4];
        for (int j = 0; j < SCALAR_BITS; j++) {
            Bandersnatch.Affine a = Bandersnatch.toAffine(h);
            Fr.copy(a.x(), px[keyRows + j]);
            Fr.copy(a.y(), py[keyRows + j]);
            Bandersnatch.dbl(h, tmp);
        }
        G1 cx = commitEvals(dom, mono, px), cy = commitEvals(dom, mono, py), cs = commitEvals(dom, mono, sel);
        G1[] lagrange = io.jamboree.bls.LagrangeSrs.computeUnscaled(dom, mono);
        return new Prepared(dom, lagrange, Fr.of(n).inverse().montLimbs(), cx, cy, cs);
    }

    private static G1 commitEvals(Domain dom, G1[] mono, long[][] evals) {
        dom.ifft(evals);
        return Msm.g1Mont(mono, evals, evals.length);
    }

    private static void decodeRows(List<byte[]> keys, int from, int to, long[] padX, long[] padY, long[][] dx, long[][] dy) {
        for (int i = from; i < to; i++) {
            Bandersnatch.Affine a = KeyCache.decode(keys.get(i));
            if (a == null) continue; // padding point: zero difference
            Fr.sub(a.x(), padX, dx[i]);
            Fr.sub(a.y(), padY, dy[i]);
        }
    }

    /**
     * KZG commitment to a column given by its N evaluations (Montgomery limbs) over the domain of a
     * ring of {@code ringSize} keys, in the Lagrange basis: rows equal to 1 cost one point addition,
     * zero rows nothing, other rows one MSM term. For the ring prover's sparse columns (the bits and
     * the inner-product accumulator), which are 0/1 except for a few zero-knowledge rows.
     */
    public G1 commitColumn(int ringSize, long[][] evals) {
        int n = domainSize(ringSize);
        if (evals.length != n) throw new IllegalArgumentException("column needs " + n + " evaluations");
        Prepared p = prepare(n);
        long[] one = Fr.ONE.montLimbs();
        int ones = 0, others = 0;
        for (long[] e : evals) {
            if (Fr.equals(e, one)) ones++;
            else if (!Fr.isZero(e)) others++;
        }
        G1[] onePts = new G1[ones], otherPts = new G1[others];
        long[][] oneSc = new long[ones][], otherSc = new long[others][];
        int a = 0, b = 0;
        for (int i = 0; i < n; i++) {
            long[] e = evals[i];
            if (Fr.equals(e, one)) {
                onePts[a] = p.lagrangeUnscaled()[i];
                oneSc[a++] = one;
            } else if (!Fr.isZero(e)) {
                otherPts[b] = p.lagrangeUnscaled()[i];
                long[] v = new long[4];
                Fr.mul(e, p.nInv(), v);
                otherSc[b++] = v;
            }
        }
        // sum of the unscaled Lagrange points on the 1-rows (scalar 1: one bucket addition each), times 1/N
        G1 sum = Msm.g1Mont(onePts, oneSc, ones).mul(Fr.ofMontLimbs(p.nInv()));
        return sum.add(Msm.g1Mont(otherPts, otherSc, others));
    }

    /**
     * The 144-byte commitment to the ring of 32-byte Bandersnatch keys (in order). A key that
     * does not decode to a prime-order-subgroup point (including an all-zero offender key) is
     * replaced by the padding point.
     */
    public byte[] commit(List<byte[]> keys) {
        int n = domainSize(keys.size());
        Prepared p = prepare(n);
        int k = keys.size();
        long[][] dx = new long[k][4], dy = new long[k][4];
        long[] padX = Fr.montOf(PAD_X), padY = Fr.montOf(PAD_Y);
        // key decoding (with its subgroup check) is the dominant cold cost: split it over two threads
        int split = k >= 64 ? k / 2 : k;
        CompletableFuture<Void> second = split < k
                ? CompletableFuture.runAsync(() -> decodeRows(keys, split, k, padX, padY, dx, dy))
                : CompletableFuture.completedFuture(null);
        decodeRows(keys, 0, split, padX, padY, dx, dy);
        second.join();
        for (int i = 0; i < k; i++) {
            Fr.mul(dx[i], p.nInv(), dx[i]);
            Fr.mul(dy[i], p.nInv(), dy[i]);
        }
        CompletableFuture<G1> fx = CompletableFuture.supplyAsync(() -> Msm.g1Mont(p.lagrangeUnscaled(), dx, k));
        G1 cy = p.padY().add(Msm.g1Mont(p.lagrangeUnscaled(), dy, k));
        G1 cx = p.padX().add(fx.join());
        byte[] out = new byte[BYTES];
        System.arraycopy(cx.toCompressed(), 0, out, 0, 48);
        System.arraycopy(cy.toCompressed(), 0, out, 48, 48);
        System.arraycopy(p.selector().toCompressed(), 0, out, 96, 48);
        return out;
    }
}
