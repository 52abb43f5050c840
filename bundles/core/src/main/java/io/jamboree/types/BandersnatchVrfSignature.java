package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.Hex;
import java.util.Arrays;

/**
 * A Bandersnatch VRF signature {@code Ṽ} (GP §3.8.2, Appendix G), e.g. the header seal and entropy source.
 * Exactly {@value #SIZE} octets, encoded as themselves (GP Appendix C.1.1). Immutable: the array is copied in and out.
 */
public record BandersnatchVrfSignature(byte[] bytes) implements Comparable<BandersnatchVrfSignature> {
    public static final int SIZE = 96;

    public BandersnatchVrfSignature {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("BandersnatchVrfSignature needs " + SIZE + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses {@code 0x}-prefixed hex. */
    public static BandersnatchVrfSignature ofHex(String hex) {
        return new BandersnatchVrfSignature(Hex.decode(hex));
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

    public static BandersnatchVrfSignature decode(Decoder d) {
        return new BandersnatchVrfSignature(d.bytes(SIZE, "BandersnatchVrfSignature"));
    }

    /** {@code 0x}-prefixed lower-case hex. */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BandersnatchVrfSignature other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic order, as used for sorted sequences in the Graypaper. */
    @Override
    public int compareTo(BandersnatchVrfSignature o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
