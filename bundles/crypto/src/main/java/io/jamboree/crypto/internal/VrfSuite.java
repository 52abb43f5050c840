package io.jamboree.crypto.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The cipher suite {@code Bandersnatch_SHA-512_ELL2} (bandersnatch-vrf spec §1.9, §2.1): suite
 * string, hash-to-curve domain, nonce generation (RFC 9381 §5.4.2.2), challenge (read big-endian,
 * as the vectors require), output hash (RFC 9381 §5.2 proof_to_hash, without cofactor clearing).
 */
public final class VrfSuite {
    public static final byte[] SUITE = "Bandersnatch_SHA-512_ELL2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] H2C_DST = ("ECVRF_Bandersnatch_XMD:SHA-512_ELL2_RO_Bandersnatch_SHA-512_ELL2")
            .getBytes(StandardCharsets.US_ASCII);

    private VrfSuite() {}

    /** The VRF input point I = hash_to_curve(input). */
    public static EdPoint inputPoint(byte[] input) {
        return BandersnatchCurve.hashToCurve(input, H2C_DST);
    }

    /** Secret scalar from a seed (spec Appendix A.1): SHA-512(seed) little-endian mod r. */
    public static long[] secretFromSeed(byte[] seed) {
        byte[] h = Sha512.hash(seed);
        return BandersnatchCurve.FR.fromBytesLEModOrder(h, 0, 64);
    }

    /** nonce(x, I) = SHA-512(SHA-512(enc(x))[32..64] || enc(I)) little-endian mod r. */
    public static long[] nonce(long[] secretMont, byte[] inputEncoded) {
        byte[] sk = BandersnatchCurve.FR.toBytesLE(secretMont);
        byte[] h = Sha512.hash(sk);
        MessageDigest md = Sha512.newDigest();
        md.update(h, 32, 32);
        md.update(inputEncoded);
        byte[] k = md.digest();
        java.util.Arrays.fill(sk, (byte) 0);
        java.util.Arrays.fill(h, (byte) 0);
        return BandersnatchCurve.FR.fromBytesLEModOrder(k, 0, 64);
    }

    /** challenge(P_1..P_n, ad) = first 32 bytes of SHA-512(suite || 0x02 || P_1 .. P_n || ad || 0x00), big-endian mod r. */
    public static long[] challenge(byte[][] encodedPoints, byte[] ad) {
        MessageDigest md = Sha512.newDigest();
        md.update(SUITE);
        md.update((byte) 2);
        for (byte[] p : encodedPoints) md.update(p);
        md.update(ad);
        md.update((byte) 0);
        byte[] h = md.digest();
        return BandersnatchCurve.FR.fromBytesBEModOrder(h, 0, 32);
    }

    /**
     * Deterministic Pedersen blinding factor (ark-vrf 0.1 default): SHA-512(suite || 0xCC ||
     * enc(x) || enc(I) || ad || 0x00) as a big-endian integer mod r.
     */
    public static long[] blinding(long[] secretMont, byte[] inputEncoded, byte[] ad) {
        MessageDigest md = Sha512.newDigest();
        md.update(SUITE);
        md.update((byte) 0xCC);
        byte[] sk = BandersnatchCurve.FR.toBytesLE(secretMont);
        md.update(sk);
        java.util.Arrays.fill(sk, (byte) 0);
        md.update(inputEncoded);
        md.update(ad);
        md.update((byte) 0);
        byte[] h = md.digest();
        long[] b = BandersnatchCurve.FR.fromBytesBEModOrder(h, 0, 64);
        java.util.Arrays.fill(h, (byte) 0);
        return b;
    }

    /** Output hash: SHA-512(suite || 0x03 || enc(O) || 0x00), 64 bytes. */
    public static byte[] outputHash(byte[] encodedOutput, int off) {
        MessageDigest md = Sha512.newDigest();
        md.update(SUITE);
        md.update((byte) 3);
        md.update(encodedOutput, off, 32);
        md.update((byte) 0);
        return md.digest();
    }

    /** Reads a canonical scalar (32 bytes little-endian, below r) into Montgomery form; null if non-canonical. */
    public static long[] scalar(byte[] in, int off) {
        long[] s = new long[4];
        return BandersnatchCurve.FR.fromBytesLE(in, off, s) ? s : null;
    }
}
