package io.jamboree.author.internal;

import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.BandersnatchPublic;
import java.util.Objects;

/**
 * A Bandersnatch key pair this node signs with (GP §3.8.2): seals, entropy sources and ticket proofs. The secret
 * never appears in {@link #toString()} or logs.
 *
 * @param label a name for messages, e.g. {@code dev validator 3}
 * @param secret the 32-byte Bandersnatch secret scalar
 * @param publicKey its public key
 */
public record LocalKey(String label, byte[] secret, BandersnatchPublic publicKey) {
    public LocalKey {
        Objects.requireNonNull(label);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(publicKey);
    }

    /** The Bandersnatch key of JIP-5 dev validator {@code i} (seed {@code trivial_seed(i)}). */
    public static LocalKey dev(int i) {
        ValidatorSecrets k = DevKeys.secrets(i);
        return new LocalKey("dev validator " + i + " (" + DevKeys.name(i) + ")", k.bandersnatchSecret(), k.bandersnatch());
    }

    /** The Bandersnatch key of a keystore validator. */
    public static LocalKey of(ValidatorSecrets v) {
        return new LocalKey("validator " + v.bandersnatch().hex().substring(0, 10) + "…", v.bandersnatchSecret(),
                v.bandersnatch());
    }

    @Override
    public String toString() {
        return label + " (" + publicKey + ")";
    }
}
