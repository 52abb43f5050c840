package io.jamboree.crypto;

import io.jamboree.core.hash.Blake2b256;
import java.nio.charset.StandardCharsets;

/**
 * JIP-5 validator key derivation from a 32-byte seed:
 * {@code ed25519_secret_seed = blake2b("jam_val_key_ed25519" ++ seed)},
 * {@code bandersnatch_secret_seed = blake2b("jam_val_key_bandersnatch" ++ seed)} (32-byte
 * Blake2b), the Bandersnatch secret scalar then by bandersnatch-vrf spec Appendix A.1.
 */
public final class Jip5 {
    private static final byte[] ED25519_PREFIX = "jam_val_key_ed25519".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BANDERSNATCH_PREFIX = "jam_val_key_bandersnatch".getBytes(StandardCharsets.US_ASCII);

    private Jip5() {}

    /** Derived keys. Secret material is excluded from {@link #toString()}. */
    public record ValidatorKeys(byte[] ed25519SecretSeed, byte[] ed25519Public,
                                byte[] bandersnatchSecretSeed, byte[] bandersnatchSecret, byte[] bandersnatchPublic) {
        @Override
        public String toString() {
            return "ValidatorKeys[ed25519Public=" + java.util.HexFormat.of().formatHex(ed25519Public)
                    + ", bandersnatchPublic=" + java.util.HexFormat.of().formatHex(bandersnatchPublic) + ", secrets=<redacted>]";
        }
    }

    /** {@code trivial_seed(i)}: the 32-bit little-endian encoding of i repeated 8 times (testing only). */
    public static byte[] trivialSeed(int i) {
        byte[] s = new byte[32];
        for (int k = 0; k < 32; k++) s[k] = (byte) (i >>> (8 * (k & 3)));
        return s;
    }

    public static byte[] ed25519SecretSeed(byte[] seed) {
        return Blake2b256.hash(ED25519_PREFIX, checkSeed(seed));
    }

    public static byte[] bandersnatchSecretSeed(byte[] seed) {
        return Blake2b256.hash(BANDERSNATCH_PREFIX, checkSeed(seed));
    }

    /** All keys of a validator seed. */
    public static ValidatorKeys derive(byte[] seed) {
        byte[] edSeed = ed25519SecretSeed(seed);
        byte[] bsSeed = bandersnatchSecretSeed(seed);
        byte[] bsSecret = Bandersnatch.secretFromSeed(bsSeed);
        return new ValidatorKeys(edSeed, Ed25519.publicKey(edSeed), bsSeed, bsSecret, Bandersnatch.publicKey(bsSecret));
    }

    private static byte[] checkSeed(byte[] seed) {
        if (seed == null || seed.length != 32) throw new IllegalArgumentException("JIP-5 seed must be 32 bytes");
        return seed;
    }
}
