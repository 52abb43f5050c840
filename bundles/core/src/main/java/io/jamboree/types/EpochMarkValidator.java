package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** One validator's (Bandersnatch, Ed25519) key pair within the epoch marker (GP §5.1, eq. 5.10). */
public record EpochMarkValidator(BandersnatchPublic bandersnatch, Ed25519Public ed25519) {
    public EpochMarkValidator {
        Objects.requireNonNull(bandersnatch);
        Objects.requireNonNull(ed25519);
    }

    public void encode(Encoder e, ChainParams p) {
        bandersnatch.encode(e);
        ed25519.encode(e);
    }

    public static EpochMarkValidator decode(Decoder d, ChainParams p) {
        return new EpochMarkValidator(BandersnatchPublic.decode(d), Ed25519Public.decode(d));
    }
}
