package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.Hex;
import java.util.Arrays;

/**
 * A BLS12-381 public key {@code B^BLS} (GP §3.8.2, §6.3).
 * Exactly {@value #SIZE} octets, encoded as themselves (GP Appendix C.1.1). Immutable: the array is copied in and out.
 */
public record BlsPublic(byte[] bytes) implements Comparable<BlsPublic> {
    public static final int SIZE = 144;

    public BlsPublic {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("BlsPublic needs " + SIZE + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses {@code 0x}-prefixed hex. */
    public static BlsPublic ofHex(String hex) {
        return new BlsPublic(Hex.decode(hex));
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

    public static BlsPublic decode(Decoder d) {
        return new BlsPublic(d.bytes(SIZE, "BlsPublic"));
    }

    /** {@code 0x}-prefixed lower-case hex. */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlsPublic other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic order, as used for sorted sequences in the Graypaper. */
    @Override
    public int compareTo(BlsPublic o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
