package io.jamboree.crypto;

import io.jamboree.crypto.internal.Ed25519Zip215;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 signatures (GP §3.8.2, {@code E_k<m>}): 32-byte public keys, 64-byte signatures.
 * Key derivation and signing are RFC 8032 (deterministic, via Bouncy Castle); verification
 * applies the ZIP-215 rules (non-canonical point encodings accepted, s &lt; L required,
 * cofactored check), implemented in this bundle.
 */
public final class Ed25519 {
    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SECRET_SEED_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    private Ed25519() {}

    /** The public key of a 32-byte RFC 8032 secret seed. */
    public static byte[] publicKey(byte[] secretSeed) {
        checkSeed(secretSeed);
        return new Ed25519PrivateKeyParameters(secretSeed, 0).generatePublicKey().getEncoded();
    }

    /** Deterministic RFC 8032 signature of msg with a 32-byte secret seed. */
    public static byte[] sign(byte[] secretSeed, byte[] msg) {
        checkSeed(secretSeed);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(secretSeed, 0));
        signer.update(msg, 0, msg.length);
        return signer.generateSignature();
    }

    /** ZIP-215 verification; false for malformed lengths. */
    public static boolean verify(byte[] publicKey, byte[] msg, byte[] signature) {
        return Ed25519Zip215.verify(publicKey, msg, signature);
    }

    /**
     * ZIP-215 batch verification (cofactored batch equation with random coefficients): true iff every
     * {@code signatures[i]} is valid for {@code messages[i]} under {@code publicKeys[i]}, as n calls of
     * {@link #verify} would say (up to a 2^-128 chance). On false, check one by one to find the bad one.
     */
    public static boolean verifyBatch(byte[][] publicKeys, byte[][] messages, byte[][] signatures) {
        return Ed25519Zip215.verifyBatch(publicKeys, messages, signatures);
    }

    private static void checkSeed(byte[] seed) {
        if (seed == null || seed.length != SECRET_SEED_BYTES) throw new IllegalArgumentException("Ed25519 secret seed must be 32 bytes");
    }
}
