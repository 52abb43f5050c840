package io.jamboree.crypto;

import io.jamboree.crypto.internal.BandersnatchCurve;
import io.jamboree.crypto.internal.EdPoint;
import io.jamboree.crypto.internal.Edwards;
import io.jamboree.crypto.internal.MontField;
import io.jamboree.crypto.internal.VrfSuite;
import java.util.Arrays;

/**
 * Bandersnatch VRF-AD (GP §3.8.2 and Appendix G; bandersnatch-vrf spec §2 IETF VRF, §3 Pedersen
 * VRF), suite {@code Bandersnatch_SHA-512_ELL2}. GP's {@code F_k^c<m>} maps to
 * {@code input = c} (the context, which alone determines the VRF output) and
 * {@code aux = m} (the message, signed as additional data). Context strings carry no {@code $}:
 * e.g. {@code "jam_ticket_seal"} in ASCII.
 * <ul>
 *   <li>IETF signature, 96 bytes: {@code gamma (32) || c (32, LE) || s (32, LE)}; this is GP's
 *       {@code F^m_k<c>} (singly-contextualised signature).</li>
 *   <li>Pedersen signature, 192 bytes: {@code gamma || Ybar || R || Ok || s || s_b} (32 bytes each),
 *       the first 192 bytes of a ring VRF signature (GP's 784-byte {@code F-bar}).</li>
 *   <li>{@link #vrfOutput} is GP's {@code Y}: the first 32 bytes of the output hash of gamma.</li>
 * </ul>
 */
public final class BandersnatchVrf {
    public static final int IETF_SIGNATURE_BYTES = 96;
    public static final int PEDERSEN_SIGNATURE_BYTES = 192;
    public static final int OUTPUT_BYTES = 32;

    private static final MontField FR = BandersnatchCurve.FR;
    private static final Edwards CURVE = BandersnatchCurve.CURVE;

    private BandersnatchVrf() {}

    /** The compressed VRF input point {@code hash_to_curve(input)}. */
    public static byte[] inputPoint(byte[] input) {
        return BandersnatchCurve.encode(VrfSuite.inputPoint(input));
    }

    /** IETF VRF prove (spec §2.2); deterministic. */
    public static byte[] ietfProve(byte[] secret, byte[] input, byte[] aux) {
        long[] x = Bandersnatch.secretScalar(secret);
        EdPoint i = VrfSuite.inputPoint(input);
        byte[] iEnc = BandersnatchCurve.encode(i);
        EdPoint o = BandersnatchCurve.mul(i, x);
        EdPoint y = BandersnatchCurve.mulG(x);
        long[] k = VrfSuite.nonce(x, iEnc);
        byte[][] enc = BandersnatchCurve.encodeAll(y, o, BandersnatchCurve.mulG(k), BandersnatchCurve.mul(i, k));
        byte[] oEnc = enc[1];
        byte[][] pts = {enc[0], iEnc, oEnc, enc[2], enc[3]};
        long[] c = VrfSuite.challenge(pts, aux);
        long[] s = new long[4];
        FR.mul(c, x, s);
        FR.add(s, k, s);
        byte[] sig = new byte[IETF_SIGNATURE_BYTES];
        System.arraycopy(oEnc, 0, sig, 0, 32);
        FR.toBytesLE(c, sig, 32);
        FR.toBytesLE(s, sig, 64);
        Arrays.fill(k, 0);
        Arrays.fill(x, 0);
        return sig;
    }

    /** IETF VRF verify (spec §2.3); false for any malformed or invalid input. */
    public static boolean ietfVerify(byte[] publicKey, byte[] input, byte[] aux, byte[] signature) {
        if (signature == null || signature.length != IETF_SIGNATURE_BYTES || input == null || aux == null) return false;
        if (publicKey == null || publicKey.length != Bandersnatch.PUBLIC_KEY_BYTES) return false;
        EdPoint o = BandersnatchCurve.decode(signature, 0);
        if (o == null) return false;
        long[] c = VrfSuite.scalar(signature, 32), s = VrfSuite.scalar(signature, 64);
        if (c == null || s == null) return false;
        long[] negC = new long[4];
        FR.neg(c, negC);
        EdPoint u = BandersnatchCurve.mulGPlusKey(s, publicKey, negC);
        if (u == null) return false;
        EdPoint i = VrfSuite.inputPoint(input);
        EdPoint v = BandersnatchCurve.mul2Subgroup(i, s, o, negC);
        byte[][] enc = BandersnatchCurve.encodeAll(i, u, v);
        byte[][] pts = {publicKey, enc[0], Arrays.copyOfRange(signature, 0, 32), enc[1], enc[2]};
        long[] c2 = VrfSuite.challenge(pts, aux);
        return MontField.eq(c, c2);
    }

    /**
     * GP's {@code Y(s)}: the 32-byte VRF output of a (verified) IETF, Pedersen or ring signature,
     * i.e. the first 32 bytes of {@link #outputHash} of its leading gamma encoding.
     */
    public static byte[] vrfOutput(byte[] signature) {
        if (signature == null || signature.length < 32) throw new IllegalArgumentException("signature too short");
        return Arrays.copyOf(VrfSuite.outputHash(signature, 0), OUTPUT_BYTES);
    }

    /** The full 64-byte output hash (RFC 9381 beta) of an encoded output point gamma. */
    public static byte[] outputHash(byte[] gamma) {
        if (gamma == null || gamma.length != 32) throw new IllegalArgumentException("gamma must be 32 bytes");
        return VrfSuite.outputHash(gamma, 0);
    }

    /**
     * The deterministic blinding factor ark-vrf uses for Pedersen (and ring) proofs:
     * SHA-512(suite || 0xCC || secret || I || aux || 0x00) big-endian mod r, 32 bytes LE.
     * It is secret: the ring prover needs it as its witness.
     */
    public static byte[] pedersenBlinding(byte[] secret, byte[] input, byte[] aux) {
        long[] x = Bandersnatch.secretScalar(secret);
        byte[] iEnc = BandersnatchCurve.encode(VrfSuite.inputPoint(input));
        long[] b = VrfSuite.blinding(x, iEnc, aux);
        byte[] out = BandersnatchCurve.FR.toBytesLE(b);
        Arrays.fill(x, 0);
        Arrays.fill(b, 0);
        return out;
    }

    /** Pedersen VRF prove with the deterministic blinding factor of {@link #pedersenBlinding}. */
    public static byte[] pedersenProve(byte[] secret, byte[] input, byte[] aux) {
        byte[] b = pedersenBlinding(secret, input, aux);
        try {
            return pedersenProve(secret, b, input, aux);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** Pedersen VRF prove (spec §3.2) with an explicit blinding factor (32-byte canonical scalar). */
    public static byte[] pedersenProve(byte[] secret, byte[] blinding, byte[] input, byte[] aux) {
        long[] x = Bandersnatch.secretScalar(secret);
        long[] b = Bandersnatch.secretScalar(blinding);
        EdPoint i = VrfSuite.inputPoint(input);
        byte[] iEnc = BandersnatchCurve.encode(i);
        EdPoint o = BandersnatchCurve.mul(i, x);
        long[] k = VrfSuite.nonce(x, iEnc);
        long[] kb = VrfSuite.nonce(b, iEnc);
        EdPoint yBar = BandersnatchCurve.mulGB(x, b);
        EdPoint r = BandersnatchCurve.mulGB(k, kb);
        EdPoint ok = BandersnatchCurve.mul(i, k);
        byte[][] enc = BandersnatchCurve.encodeAll(o, yBar, r, ok);
        byte[] oEnc = enc[0], yEnc = enc[1], rEnc = enc[2], okEnc = enc[3];
        long[] c = VrfSuite.challenge(new byte[][] {yEnc, iEnc, oEnc, rEnc, okEnc}, aux);
        long[] s = new long[4], sb = new long[4];
        FR.mul(c, x, s);
        FR.add(s, k, s);
        FR.mul(c, b, sb);
        FR.add(sb, kb, sb);
        byte[] sig = new byte[PEDERSEN_SIGNATURE_BYTES];
        System.arraycopy(oEnc, 0, sig, 0, 32);
        System.arraycopy(yEnc, 0, sig, 32, 32);
        System.arraycopy(rEnc, 0, sig, 64, 32);
        System.arraycopy(okEnc, 0, sig, 96, 32);
        FR.toBytesLE(s, sig, 128);
        FR.toBytesLE(sb, sig, 160);
        Arrays.fill(x, 0);
        Arrays.fill(b, 0);
        Arrays.fill(k, 0);
        Arrays.fill(kb, 0);
        return sig;
    }

    /**
     * Pedersen VRF verify (spec §3.3) of a 192-byte signature (or the first 192 bytes of a ring
     * signature). It proves knowledge of the opening of the key commitment {@code Ybar}
     * (bytes 32..64), which the ring proof then ties to a ring member.
     */
    public static boolean pedersenVerify(byte[] input, byte[] aux, byte[] signature) {
        if (signature == null || signature.length < PEDERSEN_SIGNATURE_BYTES || input == null || aux == null) return false;
        EdPoint o = BandersnatchCurve.decode(signature, 0);
        EdPoint yBar = BandersnatchCurve.decode(signature, 32);
        EdPoint r = BandersnatchCurve.decode(signature, 64);
        EdPoint ok = BandersnatchCurve.decode(signature, 96);
        if (o == null || yBar == null || r == null || ok == null) return false;
        long[] s = VrfSuite.scalar(signature, 128), sb = VrfSuite.scalar(signature, 160);
        if (s == null || sb == null) return false;
        EdPoint i = VrfSuite.inputPoint(input);
        byte[][] pts = {
            Arrays.copyOfRange(signature, 32, 64), BandersnatchCurve.encode(i), Arrays.copyOfRange(signature, 0, 32),
            Arrays.copyOfRange(signature, 64, 96), Arrays.copyOfRange(signature, 96, 128)
        };
        long[] c = VrfSuite.challenge(pts, aux);
        long[] negC = new long[4];
        FR.neg(c, negC);
        // Ok + c*O == s*I  <=>  s*I - c*O == Ok
        EdPoint lhs0 = BandersnatchCurve.mul2Subgroup(i, s, o, negC);
        if (!CURVE.eq(lhs0, ok)) return false;
        // R + c*Ybar == s*G + sb*B  <=>  s*G + sb*B - c*Ybar == R
        EdPoint t = BandersnatchCurve.mulGB(s, sb);
        t = CURVE.add(t, BandersnatchCurve.mul(yBar, negC));
        return CURVE.eq(t, r);
    }

    /** The key commitment {@code Ybar} of a Pedersen or ring signature (bytes 32..64), for the ring verifier. */
    public static byte[] keyCommitment(byte[] signature) {
        if (signature == null || signature.length < PEDERSEN_SIGNATURE_BYTES) throw new IllegalArgumentException("signature too short");
        return Arrays.copyOfRange(signature, 32, 64);
    }
}
