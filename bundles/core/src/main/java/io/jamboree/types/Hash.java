package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.Hex;
import java.util.Arrays;

/**
 * A 32-octet hash or opaque 32-octet value {@code H} (GP §3.8.1): header hashes, roots, work-package hashes, entropy.
 * Exactly {@value #SIZE} octets, encoded as themselves (GP Appendix C.1.1). Immutable: the array is copied in and out.
 */
public record Hash(byte[] bytes) implements Comparable<Hash> {
    public static final int SIZE = 32;

    /** The zero hash {@code [0]_32}. */
    public static final Hash ZERO = new Hash(new byte[SIZE]);

    public Hash {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("Hash needs " + SIZE + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses {@code 0x}-prefixed hex. */
    public static Hash ofHex(String hex) {
        return new Hash(Hex.decode(hex));
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

    public static Hash decode(Decoder d) {
        return new Hash(d.bytes(SIZE, "Hash"));
    }

    /** {@code 0x}-prefixed lower-case hex. */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic order, as used for sorted sequences in the Graypaper. */
    @Override
    public int compareTo(Hash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
