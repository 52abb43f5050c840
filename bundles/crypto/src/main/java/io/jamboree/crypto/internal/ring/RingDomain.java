package io.jamboree.crypto.internal.ring;

import io.jamboree.bls.Domain;
import io.jamboree.bls.Fr;

/**
 * The PLONK evaluation domain of the ring proof (ring-proof spec §1.2 "Domain", §3.1 "Setup"):
 * N = 2^k points, the last 3 rows reserved for zero knowledge (capacity N - 3), the constraint
 * rows 0..N-5 (the last constrained row is N - 4), the key part of the columns N - 257 rows long
 * (N - 3 minus the 253 bits of a Bandersnatch scalar minus the unconstrained last cell).
 * Immutable.
 */
final class RingDomain {
    /** Bit length of a Bandersnatch scalar (rows of the scalar part). */
    static final int SCALAR_BITS = 253;
    /** Rows reserved for zero knowledge at the end of the domain. */
    static final int ZK_ROWS = 3;

    final int n;
    final int log;
    final int capacity;
    final int keysetSize;
    final Domain domain;
    final Fr omega;
    final Fr nInv;
    /** omega^(N-4): the last constrained row. */
    final Fr wLast;
    /** omega^(N-3), omega^(N-2), omega^(N-1): the zero-knowledge rows. */
    final Fr[] zkRoots;

    RingDomain(int n) {
        if (Integer.bitCount(n) != 1 || n < 512) throw new IllegalArgumentException("domain size must be a power of two >= 512");
        this.n = n;
        this.log = Integer.numberOfTrailingZeros(n);
        this.capacity = n - ZK_ROWS;
        this.keysetSize = capacity - SCALAR_BITS - 1;
        this.domain = new Domain(log);
        this.omega = domain.omega();
        this.nInv = Fr.of(n).inverse();
        this.wLast = domain.element(n - 4);
        this.zkRoots = new Fr[] {domain.element(n - 3), domain.element(n - 2), domain.element(n - 1)};
    }

    /** The smallest domain for a ring of the given size: N >= ring size + 4 + 253. */
    static int sizeFor(int ringSize) {
        if (ringSize < 1) throw new IllegalArgumentException("ring size must be positive");
        int n = 1;
        while (n < ringSize + 4 + SCALAR_BITS) n <<= 1;
        return Math.max(n, 512);
    }

    /** z^N by squarings. */
    Fr powN(Fr z) {
        Fr r = z;
        for (int i = 0; i < log; i++) r = r.square();
        return r;
    }

    /** The domain polynomials at a point zeta (ring-proof spec §4.2, "evaluated domain"). */
    record AtPoint(Fr notLast, Fr lFirst, Fr lLast, Fr vanishingInv) { }

    /**
     * not_last(z) = z - omega^(N-4); L_0(z) = (z^N - 1) / (N (z - 1));
     * L_(N-4)(z) = (z^N - 1) / (N (omega^4 z - 1)); 1 / Z(z) with Z the vanishing polynomial of the
     * constrained rows, (z^N - 1) / ((z - omega^(N-3)) (z - omega^(N-2)) (z - omega^(N-1))).
     */
    AtPoint at(Fr z) {
        Fr zn1 = powN(z).sub(Fr.ONE);
        Fr zk = z.sub(zkRoots[0]).mul(z.sub(zkRoots[1])).mul(z.sub(zkRoots[2]));
        Fr notLast = z.sub(wLast);
        Fr base = zn1.mul(nInv);
        Fr lFirst = base.mul(z.sub(Fr.ONE).inverse());
        Fr lLast = base.mul(wLast).mul(notLast.inverse());
        return new AtPoint(notLast, lFirst, lLast, zk.mul(zn1.inverse()));
    }
}
