package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.Hex;
import java.util.Arrays;

/**
 * Validator metadata, the final 128 octets of a validator key (GP §6.3, eq. 6.8).
 * Exactly {@value #SIZE} octets, encoded as themselves (GP Appendix C.1.1). Immutable: the array is copied in and out.
 */
public record ValidatorMetadata(byte[] bytes) implements Comparable<ValidatorMetadata> {
    public static final int SIZE = 128;

    public ValidatorMetadata {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("ValidatorMetadata needs " + SIZE + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses {@code 0x}-prefixed hex. */
    public static ValidatorMetadata ofHex(String hex) {
        return new ValidatorMetadata(Hex.decode(hex));
    }

    /** A copy of the octets. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    public void encode(Encoder e) {
        e.bytes(bytes);
    }

    public static ValidatorMetadata decode(Decoder d) {
        return new ValidatorMetadata(d.bytes(SIZE, "ValidatorMetadata"));
    }

    /** {@code 0x}-prefixed lower-case hex. */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatorMetadata other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic order, as used for sorted sequences in the Graypaper. */
    @Override
    public int compareTo(ValidatorMetadata o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
