package io.jamboree.bls.ring;

import io.jamboree.bls.Fr;
import io.jamboree.bls.G1;
import java.util.Arrays;

/**
 * The 592-byte ring proof of the Bandersnatch ring VRF (ring-proof spec section 3.3.7, proof
 * tuple Pi; confirmed by the bandersnatch-vrf ring vectors, which verify and are reproduced byte for
 * byte by jam-crypto's prover):
 * C_b, C_accip, C_accx, C_accy (4 x 48, compressed G1), p_x(zeta), p_y(zeta), s(zeta), b(zeta),
 * acc_ip(zeta), acc_x(zeta), acc_y(zeta) (7 x 32, little-endian Fr), C_q (48), l(zeta omega) (32),
 * Pi_zeta (48), Pi_zeta_omega (48).
 */
public record RingProof(G1 cB, G1 cAccIp, G1 cAccX, G1 cAccY,
                        Fr pxZeta, Fr pyZeta, Fr sZeta, Fr bZeta, Fr accIpZeta, Fr accXZeta, Fr accYZeta,
                        G1 cQ, Fr lZetaOmega, G1 piZeta, G1 piZetaOmega) {
    /** Encoded size. */
    public static final int BYTES = 592;

    /** Parses the proof; throws IllegalArgumentException on any invalid point or scalar. */
    public static RingProof parse(byte[] b) {
        if (b.length != BYTES) throw new IllegalArgumentException("ring proof needs 592 bytes");
        int[] pos = {0};
        G1 cb = g1(b, pos), cip = g1(b, pos), cx = g1(b, pos), cy = g1(b, pos);
        Fr px = fr(b, pos), py = fr(b, pos), s = fr(b, pos), bz = fr(b, pos), ip = fr(b, pos), ax = fr(b, pos), ay = fr(b, pos);
        G1 cq = g1(b, pos);
        Fr l = fr(b, pos);
        G1 p1 = g1(b, pos), p2 = g1(b, pos);
        return new RingProof(cb, cip, cx, cy, px, py, s, bz, ip, ax, ay, cq, l, p1, p2);
    }

    private static G1 g1(byte[] b, int[] pos) {
        G1 g = G1.fromCompressed(Arrays.copyOfRange(b, pos[0], pos[0] + 48));
        pos[0] += 48;
        return g;
    }

    private static Fr fr(byte[] b, int[] pos) {
        Fr f = Fr.fromBytesLE(Arrays.copyOfRange(b, pos[0], pos[0] + 32));
        pos[0] += 32;
        return f;
    }
}
