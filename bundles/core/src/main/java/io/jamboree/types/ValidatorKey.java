package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * A validator key {@code K = B_336} (GP §6.3, eq. 6.8): Bandersnatch key, Ed25519 key, BLS key and metadata,
 * 336 octets in that order. ASN name {@code ValidatorData}.
 */
public record ValidatorKey(BandersnatchPublic bandersnatch, Ed25519Public ed25519, BlsPublic bls,
        ValidatorMetadata metadata) {
    public static final int SIZE = 336;

    public ValidatorKey {
        Objects.requireNonNull(bandersnatch);
        Objects.requireNonNull(ed25519);
        Objects.requireNonNull(bls);
        Objects.requireNonNull(metadata);
    }

    public void encode(Encoder e, ChainParams p) {
        bandersnatch.encode(e);
        ed25519.encode(e);
        bls.encode(e);
        metadata.encode(e);
    }

    public static ValidatorKey decode(Decoder d, ChainParams p) {
        return new ValidatorKey(BandersnatchPublic.decode(d), Ed25519Public.decode(d), BlsPublic.decode(d),
                ValidatorMetadata.decode(d));
    }
}
