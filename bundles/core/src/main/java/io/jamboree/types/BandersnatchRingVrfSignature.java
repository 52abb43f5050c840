package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.Hex;
import java.util.Arrays;

/**
 * A Bandersnatch Ring VRF proof {@code V̊} (GP §3.8.2, Appendix G), as in ticket envelopes.
 * Exactly {@value #SIZE} octets, encoded as themselves (GP Appendix C.1.1). Immutable: the array is copied in and out.
 */
public record BandersnatchRingVrfSignature(byte[] bytes) implements Comparable<BandersnatchRingVrfSignature> {
    public static final int SIZE = 784;

    public BandersnatchRingVrfSignature {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("BandersnatchRingVrfSignature needs " + SIZE + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses {@code 0x}-prefixed hex. */
    public static BandersnatchRingVrfSignature ofHex(String hex) {
        return new BandersnatchRingVrfSignature(Hex.decode(hex));
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

    public static BandersnatchRingVrfSignature decode(Decoder d) {
        return new BandersnatchRingVrfSignature(d.bytes(SIZE, "BandersnatchRingVrfSignature"));
    }

    /** {@code 0x}-prefixed lower-case hex. */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BandersnatchRingVrfSignature other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic order, as used for sorted sequences in the Graypaper. */
    @Override
    public int compareTo(BandersnatchRingVrfSignature o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
