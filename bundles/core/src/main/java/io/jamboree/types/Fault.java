package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** A fault {@code (r ∈ H, v ∈ {⊥,⊤}, k ∈ H̄, s ∈ V̄)}: a judge who voted against the verdict (GP §10.2, eq. 10.2). */
public record Fault(Hash target, boolean vote, Ed25519Public key, Ed25519Signature signature) {
    public Fault {
        Objects.requireNonNull(target);
        Objects.requireNonNull(key);
        Objects.requireNonNull(signature);
    }

    public void encode(Encoder e, ChainParams p) {
        target.encode(e);
        e.bool(vote);
        key.encode(e);
        signature.encode(e);
    }

    public static Fault decode(Decoder d, ChainParams p) {
        return new Fault(Hash.decode(d), d.bool(), Ed25519Public.decode(d), Ed25519Signature.decode(d));
    }
}
