package io.jamboree.crypto.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Ed25519 signature verification with ZIP-215 semantics (GP §3.8.2 requires Ed25519; the
 * conformance suite expects the ZIP-215 acceptance rules):
 * <ul>
 *   <li>A and R may carry a non-canonical y (y &ge; p is reduced mod p), and x = 0 with the sign
 *       bit set is accepted;</li>
 *   <li>s must be canonical (s &lt; L);</li>
 *   <li>the cofactored equation [8](sB - R - kA) = 0 must hold, k = SHA-512(R || A || M) mod L,
 *       hashed over the encodings as received.</li>
 * </ul>
 */
public final class Ed25519Zip215 {
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger L_ORDER = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    static final MontField FP = new MontField(P);
    static final MontField FL = new MontField(L_ORDER);
    private static final long[] L_LIMBS = MontField.limbs(L_ORDER);
    private static final long[] D = FP.mont(BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)));
    static final Edwards CURVE = new Edwards(FP, FP.mont(BigInteger.ONE.negate()), D);
    private static final EdPoint BASE = CURVE.fromAffine(
            FP.mont(new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202")),
            FP.mont(new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960")));

    /** (p - 5) / 8 and sqrt(-1) = 2^((p-1)/4), for the inversion-free square root of u / v. */
    private static final long[] EXP_P58 = MontField.limbs(P.subtract(BigInteger.valueOf(5)).shiftRight(3));
    private static final long[] SQRT_M1 = FP.mont(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P));

    private Ed25519Zip215() {}

    /**
     * Decodes a 32-byte point encoding with ZIP-215 leniency; null if the y coordinate has no
     * matching x on the curve.
     */
    static EdPoint decode(byte[] in, int off) {
        long[] raw = MontField.rawLE(in, off);
        boolean sign = (raw[3] >>> 63) != 0;
        raw[3] &= Long.MAX_VALUE;
        long[] y = new long[4];
        FP.toMont(raw, y);   // reduces y mod p
        long[] y2 = new long[4], u = new long[4], v = new long[4], x = new long[4];
        FP.sqr(y, y2);
        FP.sub(y2, FP.one(), u);
        FP.mul(D, y2, v);
        FP.add(v, FP.one(), v);
        // x = u v^3 (u v^7)^((p-5)/8): a square root of u/v, up to a factor sqrt(-1) (RFC 8032 §5.1.3)
        long[] v3 = new long[4], t = new long[4], chk = new long[4], negU = new long[4];
        FP.sqr(v, v3);
        FP.mul(v3, v, v3);
        FP.sqr(v3, t);
        FP.mul(t, v, t);
        FP.mul(t, u, t);
        FP.pow(t, EXP_P58, t);
        FP.mul(t, v3, x);
        FP.mul(x, u, x);
        FP.sqr(x, chk);
        FP.mul(chk, v, chk);
        FP.neg(u, negU);
        if (!MontField.eq(chk, u)) {
            if (!MontField.eq(chk, negU)) return null;
            FP.mul(x, SQRT_M1, x);
        }
        if (FP.isOdd(x) != sign) FP.neg(x, x);
        return CURVE.fromAffine(x, y);
    }

    private static final EdPoint[] BASE_TABLE = CURVE.oddMultiples(BASE);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * ZIP-215 batch verification of n signatures: true iff every signature parses (canonical s, decodable
     * R and A) and the cofactored batch equation {@code [8](sum z_i s_i B - sum z_i R_i - sum z_i k_i A_i) = 0}
     * holds for fresh random 128-bit z_i. If every signature satisfies its single cofactored equation the batch
     * holds; if one does not, the batch fails except with probability about 2^-128, so the result agrees with
     * n calls of {@link #verify}. On false the caller re-checks one by one to name the bad signature.
     */
    public static boolean verifyBatch(byte[][] pubs, byte[][] msgs, byte[][] sigs) {
        int n = pubs.length;
        if (msgs.length != n || sigs.length != n) throw new IllegalArgumentException("batch arrays differ in length");
        if (n == 0) return true;
        if (n == 1) return verify(pubs[0], msgs[0], sigs[0]);
        EdPoint[][] tables = new EdPoint[2 * n + 1][];
        long[][] scalars = new long[2 * n + 1][];
        byte[] z = new byte[16 * n];
        RANDOM.nextBytes(z);
        long[] sumS = new long[4], zm = new long[4], t = new long[4];
        MessageDigest sha = Sha512.newDigest();
        for (int i = 0; i < n; i++) {
            byte[] pub = pubs[i], msg = msgs[i], sig = sigs[i];
            if (pub == null || sig == null || msg == null || pub.length != 32 || sig.length != 64) return false;
            long[] s = MontField.rawLE(sig, 32);
            if (MontField.compare(s, L_LIMBS) >= 0) return false;
            EdPoint a = decode(pub, 0);
            if (a == null) return false;
            EdPoint r = decode(sig, 0);
            if (r == null) return false;
            sha.update(sig, 0, 32);
            sha.update(pub);
            sha.update(msg);
            long[] k = FL.fromBytesLEModOrder(sha.digest(), 0, 64);      // Montgomery form
            long[] zi = {getLong(z, 16 * i), getLong(z, 16 * i + 8), 0, 0};
            FL.toMont(zi, zm);
            FL.toMont(s, t);
            FL.mul(t, zm, t);
            FL.add(sumS, t, sumS);                                         // sum z_i s_i
            long[] zk = new long[4];
            FL.mul(k, zm, zk);
            FL.fromMont(zk, zk);                                           // z_i k_i mod L
            tables[2 * i] = CURVE.oddMultiples(CURVE.neg(r));
            scalars[2 * i] = zi;
            tables[2 * i + 1] = CURVE.oddMultiples(CURVE.neg(a));
            scalars[2 * i + 1] = zk;
        }
        FL.fromMont(sumS, sumS);
        tables[2 * n] = BASE_TABLE;
        scalars[2 * n] = sumS;
        EdPoint acc = CURVE.mulN(tables, scalars, 2 * n + 1);
        acc = CURVE.dbl(CURVE.dbl(CURVE.dbl(acc)));
        return CURVE.isIdentity(acc);
    }

    private static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xffL);
        return v;
    }

    /** ZIP-215 verification of a 64-byte signature (R || s) on msg under 32-byte public key pub. */
    public static boolean verify(byte[] pub, byte[] msg, byte[] sig) {
        if (pub == null || sig == null || msg == null || pub.length != 32 || sig.length != 64) return false;
        long[] s = MontField.rawLE(sig, 32);
        if (MontField.compare(s, L_LIMBS) >= 0) return false;
        EdPoint a = decode(pub, 0);
        if (a == null) return false;
        EdPoint r = decode(sig, 0);
        if (r == null) return false;
        byte[] h;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            sha.update(sig, 0, 32);
            sha.update(pub);
            sha.update(msg);
            h = sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] k = FL.fromBytesLEModOrder(h, 0, 64);
        FL.fromMont(k, k);
        EdPoint acc = CURVE.mul2(BASE_TABLE, s, CURVE.oddMultiples(CURVE.neg(a)), k);
        acc = CURVE.add(acc, CURVE.neg(r));
        acc = CURVE.dbl(CURVE.dbl(CURVE.dbl(acc)));
        return CURVE.isIdentity(acc);
    }
}
