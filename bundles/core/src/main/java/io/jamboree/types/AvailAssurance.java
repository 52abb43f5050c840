package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * An availability assurance {@code (a ∈ H, f ∈ b_C, v ∈ N_V, s ∈ V̄)} (GP §11.2.1, eq. 11.10), encoded
 * {@code a, f, E_2(v), s} (GP C.2 eq. C.19). The bitfield is kept as its ⌈C/8⌉ packed octets (GP C.1.4):
 * bit {@code c} is {@code (bitfield[c/8] >> (c%8)) & 1}.
 */
public record AvailAssurance(Hash anchor, Blob bitfield, int validatorIndex, Ed25519Signature signature) {
    public AvailAssurance {
        Objects.requireNonNull(anchor);
        Objects.requireNonNull(bitfield);
        Sizes.u16(validatorIndex, "validator index");
        Objects.requireNonNull(signature);
    }

    /** Whether the assurer attests availability of core {@code core}'s report. */
    public boolean isSet(int core) {
        return (bitfield.byteAt(core >>> 3) >>> (core & 7) & 1) != 0;
    }

    public void encode(Encoder e, ChainParams p) {
        anchor.encode(e);
        if (bitfield.length() != p.availBitfieldBytes()) {
            throw new io.jamboree.codec.CodecException("assurance bitfield must have " + p.availBitfieldBytes()
                    + " bytes, has " + bitfield.length());
        }
        bitfield.encodeRaw(e);
        e.u16(validatorIndex);
        signature.encode(e);
    }

    public static AvailAssurance decode(Decoder d, ChainParams p) {
        return new AvailAssurance(Hash.decode(d), Blob.decodeRaw(d, p.availBitfieldBytes()), d.u16(),
                Ed25519Signature.decode(d));
    }
}
