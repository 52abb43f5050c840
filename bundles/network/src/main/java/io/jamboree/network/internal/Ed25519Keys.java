package io.jamboree.network.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * JDK key objects of raw Ed25519 keys (RFC 8410): the 32-octet secret seed inside a PKCS#8 structure, the 32-octet
 * public key inside an X.509 SubjectPublicKeyInfo, both with the algorithm identifier {@code id-Ed25519}
 * (1.3.101.112).
 */
final class Ed25519Keys {
    /** DER of SubjectPublicKeyInfo up to the key: SEQUENCE, AlgorithmIdentifier(id-Ed25519), BIT STRING header. */
    static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    /** DER of a PKCS#8 OneAsymmetricKey up to the seed. */
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
            0x04, 0x22, 0x04, 0x20};

    private Ed25519Keys() {}

    static PrivateKey privateKey(byte[] secretSeed) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, secretSeed)));
    }

    static PublicKey publicKey(byte[] key) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, key)));
    }

    /**
     * The raw 32-octet key of an encoded Ed25519 SubjectPublicKeyInfo, or {@code null} if {@code spki} is not one.
     */
    static byte[] rawPublic(byte[] spki) {
        if (spki == null || spki.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            return null;
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    private static byte[] concat(byte[] prefix, byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an Ed25519 key is 32 octets, got " + key.length);
        }
        byte[] out = Arrays.copyOf(prefix, prefix.length + 32);
        System.arraycopy(key, 0, out, prefix.length, 32);
        return out;
    }
}
