package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.Hex;
import java.util.Arrays;

/**
 * An Ed25519 signature {@code V̄} (GP §3.8.2).
 * Exactly {@value #SIZE} octets, encoded as themselves (GP Appendix C.1.1). Immutable: the array is copied in and out.
 */
public record Ed25519Signature(byte[] bytes) implements Comparable<Ed25519Signature> {
    public static final int SIZE = 64;

    public Ed25519Signature {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("Ed25519Signature needs " + SIZE + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses {@code 0x}-prefixed hex. */
    public static Ed25519Signature ofHex(String hex) {
        return new Ed25519Signature(Hex.decode(hex));
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

    public static Ed25519Signature decode(Decoder d) {
        return new Ed25519Signature(d.bytes(SIZE, "Ed25519Signature"));
    }

    /** {@code 0x}-prefixed lower-case hex. */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519Signature other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic order, as used for sorted sequences in the Graypaper. */
    @Override
    public int compareTo(Ed25519Signature o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
