package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** A guarantor credential {@code (v ∈ N_V, s ∈ V̄)} (GP §11.4, eq. 11.23), encoded {@code E_2(v), s} (GP C.2 eq. C.18). */
public record ValidatorSignature(int validatorIndex, Ed25519Signature signature) {
    public ValidatorSignature {
        Sizes.u16(validatorIndex, "validator index");
        Objects.requireNonNull(signature);
    }

    public void encode(Encoder e, ChainParams p) {
        e.u16(validatorIndex);
        signature.encode(e);
    }

    public static ValidatorSignature decode(Decoder d, ChainParams p) {
        return new ValidatorSignature(d.u16(), Ed25519Signature.decode(d));
    }
}
