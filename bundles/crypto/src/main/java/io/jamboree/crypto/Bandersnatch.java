package io.jamboree.crypto;

import io.jamboree.crypto.internal.BandersnatchCurve;
import io.jamboree.crypto.internal.EdPoint;
import io.jamboree.crypto.internal.VrfSuite;

/**
 * Bandersnatch keys (GP §3.8.2 and Appendix G, bandersnatch-vrf spec §1.2 and Appendix A.1). A secret key is the
 * 32-byte little-endian encoding of a scalar below the subgroup order; a public key is the
 * 32-byte arkworks compressed encoding of {@code secret * G}.
 */
public final class Bandersnatch {
    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SECRET_KEY_BYTES = 32;

    private Bandersnatch() {}

    /** Secret scalar from a seed of any length: SHA-512(seed) as a little-endian integer mod r. */
    public static byte[] secretFromSeed(byte[] seed) {
        return BandersnatchCurve.FR.toBytesLE(VrfSuite.secretFromSeed(seed));
    }

    /** Public key of a secret scalar. */
    public static byte[] publicKey(byte[] secret) {
        long[] x = secretScalar(secret);
        return BandersnatchCurve.encode(BandersnatchCurve.mulG(x));
    }

    /** True iff pub is a canonical encoding of a point of the prime-order subgroup. */
    public static boolean isValidPublicKey(byte[] pub) {
        return pub != null && pub.length == PUBLIC_KEY_BYTES && BandersnatchCurve.decode(pub, 0) != null;
    }

    /**
     * Twisted Edwards affine coordinates of a public key, {@code x || y} (32 bytes each,
     * little-endian, canonical elements of the BLS12-381 scalar field): the ring commitment's
     * columns (bandersnatch-vrf spec §4, crypto-notes). Null if the key is not a valid point of
     * the prime-order subgroup (GP Appendix G: such keys are replaced by {@link #paddingPoint()}).
     */
    public static byte[] affine(byte[] publicKey) {
        EdPoint p = point(publicKey);
        return p == null ? null : BandersnatchCurve.affineBytes(p);
    }

    /** Affine {@code x || y} of the ring padding point. */
    public static byte[] paddingPoint() { return BandersnatchCurve.affineBytes(BandersnatchCurve.PADDING); }

    /** Affine {@code x || y} of the Pedersen blinding base B (the ring proof's H). */
    public static byte[] blindingBase() { return BandersnatchCurve.affineBytes(BandersnatchCurve.BLINDING_BASE); }

    /** Affine {@code x || y} of the ring accumulator seed S (not in the prime-order subgroup). */
    public static byte[] accumulatorSeed() { return BandersnatchCurve.affineBytes(BandersnatchCurve.ACCUMULATOR_SEED); }

    /**
     * Sum of two curve points given as affine {@code x || y} (any points of the curve, e.g. the
     * accumulator seed plus the key commitment, which the ring verifier needs); null if an input
     * is not a canonical curve point.
     */
    public static byte[] addAffine(byte[] p, byte[] q) {
        EdPoint a = BandersnatchCurve.fromAffineBytes(p), b = BandersnatchCurve.fromAffineBytes(q);
        if (a == null || b == null) return null;
        return BandersnatchCurve.affineBytes(BandersnatchCurve.CURVE.add(a, b));
    }

    /** Affine {@code x || y} of {@code 2^i * B} for i = 0..252: the ring commitment's rows after the keys. */
    public static byte[][] blindingBasePowersOfTwo() {
        byte[][] out = new byte[253][];
        EdPoint p = BandersnatchCurve.BLINDING_BASE.copy();
        for (int i = 0; i < 253; i++) {
            out[i] = BandersnatchCurve.affineBytes(p);
            p = BandersnatchCurve.CURVE.dbl(p);
        }
        return out;
    }

    static long[] secretScalar(byte[] secret) {
        if (secret == null || secret.length != SECRET_KEY_BYTES) throw new IllegalArgumentException("Bandersnatch secret must be 32 bytes");
        long[] x = VrfSuite.scalar(secret, 0);
        if (x == null) throw new IllegalArgumentException("Bandersnatch secret is not a canonical scalar");
        return x;
    }

    static EdPoint point(byte[] enc) {
        return enc == null || enc.length != 32 ? null : BandersnatchCurve.decodePublicKey(enc);
    }
}
