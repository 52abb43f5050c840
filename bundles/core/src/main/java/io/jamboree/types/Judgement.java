package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** A judgment {@code (v ∈ {⊥,⊤}, i ∈ N_V, s ∈ V̄)} within a verdict (GP §10.2, eq. 10.2), encoded {@code v, E_2(i), s}. */
public record Judgement(boolean vote, int index, Ed25519Signature signature) {
    public Judgement {
        Sizes.u16(index, "validator index");
        Objects.requireNonNull(signature);
    }

    public void encode(Encoder e, ChainParams p) {
        e.bool(vote);
        e.u16(index);
        signature.encode(e);
    }

    public static Judgement decode(Decoder d, ChainParams p) {
        return new Judgement(d.bool(), d.u16(), Ed25519Signature.decode(d));
    }
}
