package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** A culprit {@code (r ∈ H, k ∈ H̄, s ∈ V̄)}: a guarantor of a bad report (GP §10.2, eq. 10.2). */
public record Culprit(Hash target, Ed25519Public key, Ed25519Signature signature) {
    public Culprit {
        Objects.requireNonNull(target);
        Objects.requireNonNull(key);
        Objects.requireNonNull(signature);
    }

    public void encode(Encoder e, ChainParams p) {
        target.encode(e);
        key.encode(e);
        signature.encode(e);
    }

    public static Culprit decode(Decoder d, ChainParams p) {
        return new Culprit(Hash.decode(d), Ed25519Public.decode(d), Ed25519Signature.decode(d));
    }
}
