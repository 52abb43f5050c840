package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.Hex;
import java.util.Arrays;

/**
 * A Bandersnatch ring root {@code B̊}, the epoch root gamma_z (GP §6.2, eq. 6.4).
 * Exactly {@value #SIZE} octets, encoded as themselves (GP Appendix C.1.1). Immutable: the array is copied in and out.
 */
public record BandersnatchRingCommitment(byte[] bytes) implements Comparable<BandersnatchRingCommitment> {
    public static final int SIZE = 144;

    public BandersnatchRingCommitment {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("BandersnatchRingCommitment needs " + SIZE + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses {@code 0x}-prefixed hex. */
    public static BandersnatchRingCommitment ofHex(String hex) {
        return new BandersnatchRingCommitment(Hex.decode(hex));
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

    public static BandersnatchRingCommitment decode(Decoder d) {
        return new BandersnatchRingCommitment(d.bytes(SIZE, "BandersnatchRingCommitment"));
    }

    /** {@code 0x}-prefixed lower-case hex. */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BandersnatchRingCommitment other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic order, as used for sorted sequences in the Graypaper. */
    @Override
    public int compareTo(BandersnatchRingCommitment o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
