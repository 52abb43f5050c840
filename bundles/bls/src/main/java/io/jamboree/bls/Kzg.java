package io.jamboree.bls;

/**
 * KZG polynomial commitments over BLS12-381 (ring-proof spec PCS.Commit / PCS.Verify):
 * commit = MSM of coefficients with [tau^i]G1; an opening proof pi for f(z) = y verifies iff
 * e(C - [y]G1 + [z]pi, G2) * e(-pi, [tau]G2) == 1.
 */
public final class Kzg {
    private final Srs srs;
    private final G2 g2;
    private final G2 tauG2;

    public Kzg(Srs srs) {
        this.srs = srs;
        this.g2 = G2.fromUncompressed(srs.g2Bytes(0));
        this.tauG2 = G2.fromUncompressed(srs.g2Bytes(1));
    }

    /** Commitment to the polynomial with the given coefficients (lowest degree first). */
    public G1 commit(Fr[] coeffs) {
        G1[] bases = new G1[coeffs.length];
        for (int i = 0; i < coeffs.length; i++) bases[i] = srs.g1(i);
        return Msm.g1(bases, coeffs);
    }

    /** Opening proof for f at z: commitment to (f(X) - f(z)) / (X - z). */
    public G1 open(Fr[] coeffs, Fr z) {
        int n = coeffs.length;
        if (n <= 1) return G1.INFINITY;
        Fr[] q = new Fr[n - 1];
        Fr carry = Fr.ZERO;
        for (int i = n - 1; i >= 1; i--) {
            carry = carry.mul(z).add(coeffs[i]);
            q[i - 1] = carry;
        }
        return commit(q);
    }

    /** Evaluates f at z (Horner). */
    public static Fr evaluate(Fr[] coeffs, Fr z) {
        Fr acc = Fr.ZERO;
        for (int i = coeffs.length - 1; i >= 0; i--) acc = acc.mul(z).add(coeffs[i]);
        return acc;
    }

    /** Checks an opening proof pi that the polynomial committed in c evaluates to y at z. */
    public boolean verify(G1 c, Fr z, Fr y, G1 pi) {
        G1 lhs = c.sub(G1.GENERATOR.mul(y)).add(pi.mul(z));
        return Pairing.productIsOne(new G1[] {lhs, pi.neg()}, new G2[] {g2, tauG2});
    }

    public G2 g2() { return g2; }
    public G2 tauG2() { return tauG2; }
}
