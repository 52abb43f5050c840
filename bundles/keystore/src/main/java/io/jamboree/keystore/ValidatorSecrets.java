package io.jamboree.keystore;

import io.jamboree.core.Hex;
import io.jamboree.crypto.Jip5;
import io.jamboree.types.BandersnatchPublic;
import io.jamboree.types.BlsPublic;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorMetadata;
import java.util.Arrays;
import java.util.Objects;

/**
 * The secret keys of one validator, derived from a 32-byte seed by JIP-5 ("Secret key derivation"):
 * {@code ed25519_secret_seed = blake2b("jam_val_key_ed25519" ++ seed)} and
 * {@code bandersnatch_secret_seed = blake2b("jam_val_key_bandersnatch" ++ seed)}; the Bandersnatch secret scalar
 * follows from its seed by appendix A.1 of the Bandersnatch VRF spec, the public keys from the secrets.
 *
 * <p><b>BLS:</b> a validator key {@code K} of the Graypaper (GP §6.3, eq. 6.8) also holds a 144-octet BLS12-381 key,
 * but neither JIP-5 nor the jam-docs genesis config define how to derive it from the seed; the public genesis
 * states of the test vectors carry it as 144 zero octets. This record therefore holds no BLS secret, and
 * {@link #validatorKey(ValidatorMetadata)} puts the zero BLS key into {@code K}, as the vectors do.
 *
 * <p>Arrays are copied in and out. {@link #toString()} shows only the public keys; secrets are never printed.
 *
 * @param seed                   the 32-byte JIP-5 seed every other key derives from
 * @param ed25519SecretSeed      the 32-byte Ed25519 secret seed (RFC 8032 private key)
 * @param ed25519Public          the 32-byte Ed25519 public key
 * @param bandersnatchSecretSeed the 32-byte Bandersnatch secret seed
 * @param bandersnatchSecret     the Bandersnatch secret scalar, 32 octets little-endian
 * @param bandersnatchPublic     the 32-byte Bandersnatch public key
 */
public record ValidatorSecrets(byte[] seed, byte[] ed25519SecretSeed, byte[] ed25519Public,
        byte[] bandersnatchSecretSeed, byte[] bandersnatchSecret, byte[] bandersnatchPublic) {

    /** Octets of a JIP-5 seed. */
    public static final int SEED_BYTES = 32;

    public ValidatorSecrets {
        seed = copy32(seed, "seed");
        ed25519SecretSeed = copy32(ed25519SecretSeed, "Ed25519 secret seed");
        ed25519Public = copy32(ed25519Public, "Ed25519 public key");
        bandersnatchSecretSeed = copy32(bandersnatchSecretSeed, "Bandersnatch secret seed");
        bandersnatchSecret = copy32(bandersnatchSecret, "Bandersnatch secret");
        bandersnatchPublic = copy32(bandersnatchPublic, "Bandersnatch public key");
    }

    /**
     * Derives every key of a 32-byte seed by JIP-5.
     *
     * @throws IllegalArgumentException if the seed is not 32 octets
     */
    public static ValidatorSecrets fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("a JIP-5 validator seed is " + SEED_BYTES + " octets, got "
                    + (seed == null ? "none" : seed.length));
        }
        Jip5.ValidatorKeys k = Jip5.derive(seed);
        return new ValidatorSecrets(seed, k.ed25519SecretSeed(), k.ed25519Public(), k.bandersnatchSecretSeed(),
                k.bandersnatchSecret(), k.bandersnatchPublic());
    }

    @Override public byte[] seed() { return seed.clone(); }
    @Override public byte[] ed25519SecretSeed() { return ed25519SecretSeed.clone(); }
    @Override public byte[] ed25519Public() { return ed25519Public.clone(); }
    @Override public byte[] bandersnatchSecretSeed() { return bandersnatchSecretSeed.clone(); }
    @Override public byte[] bandersnatchSecret() { return bandersnatchSecret.clone(); }
    @Override public byte[] bandersnatchPublic() { return bandersnatchPublic.clone(); }

    /** The Ed25519 public key as the codec's type. */
    public Ed25519Public ed25519() {
        return new Ed25519Public(ed25519Public);
    }

    /** The Bandersnatch public key as the codec's type. */
    public BandersnatchPublic bandersnatch() {
        return new BandersnatchPublic(bandersnatchPublic);
    }

    /**
     * This validator's key {@code k = k_b ‖ k_e ‖ k_BLS ‖ k_M} (GP §6.3, eq. 6.8-6.12), 336 octets, with the zero
     * BLS key (see the class comment) and the given metadata.
     */
    public ValidatorKey validatorKey(ValidatorMetadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        return new ValidatorKey(bandersnatch(), ed25519(), new BlsPublic(new byte[BlsPublic.SIZE]), metadata);
    }

    /** The JAMNP-S alternative name of the Ed25519 key ({@link AltName}). */
    public String altName() {
        return AltName.of(ed25519Public);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatorSecrets s && Arrays.equals(seed, s.seed)
                && Arrays.equals(ed25519SecretSeed, s.ed25519SecretSeed) && Arrays.equals(ed25519Public, s.ed25519Public)
                && Arrays.equals(bandersnatchSecretSeed, s.bandersnatchSecretSeed)
                && Arrays.equals(bandersnatchSecret, s.bandersnatchSecret)
                && Arrays.equals(bandersnatchPublic, s.bandersnatchPublic);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ed25519Public) * 31 + Arrays.hashCode(bandersnatchPublic);
    }

    /** Public keys only. */
    @Override
    public String toString() {
        return "ValidatorSecrets[ed25519=" + Hex.encode(ed25519Public) + ", bandersnatch=" + Hex.encode(bandersnatchPublic)
                + ", secrets=<redacted>]";
    }

    private static byte[] copy32(byte[] b, String what) {
        if (b == null || b.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 octets, got " + (b == null ? "none" : b.length));
        }
        return b.clone();
    }
}
