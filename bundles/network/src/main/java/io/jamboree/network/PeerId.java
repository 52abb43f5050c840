package io.jamboree.network;

import io.jamboree.core.Hex;
import io.jamboree.keystore.AltName;
import io.jamboree.types.Ed25519Public;
import java.util.Arrays;

/**
 * A peer's identity (JAMNP-S "Encryption and handshake"): the 32-octet Ed25519 public key of its TLS certificate.
 * For a validator it is the Ed25519 key {@code k_e} of its validator key (GP §6.3, eq. 6.10).
 * Immutable: the array is copied in and out.
 *
 * @param key the 32-octet Ed25519 public key
 */
public record PeerId(byte[] key) implements Comparable<PeerId> {
    /** Octets of a key. */
    public static final int SIZE = 32;

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    public PeerId {
        if (key == null || key.length != SIZE) {
            throw new IllegalArgumentException("a peer id is a " + SIZE + "-octet Ed25519 key, got "
                    + (key == null ? "none" : key.length + " octets"));
        }
        key = key.clone();
    }

    /** The peer id of an Ed25519 public key. */
    public static PeerId of(Ed25519Public key) {
        return new PeerId(key.bytes());
    }

    /**
     * The peer id whose alternative name is {@code name} (the inverse of {@link #altName()}, JAMNP-S "Alternative
     * name"), e.g. the {@code NAME} of a bootnode {@code NAME@IP:PORT} (JIP-4).
     *
     * @throws IllegalArgumentException if {@code name} is not {@code "e"} and 52 digits of the alphabet, or names
     *                                  a number of 256 bits or more
     */
    public static PeerId ofAltName(String name) {
        if (name == null || name.length() != AltName.LENGTH || name.charAt(0) != 'e') {
            throw new IllegalArgumentException("an alternative name is 'e' and 52 base-32 digits, got " + name);
        }
        byte[] k = new byte[SIZE];
        for (int d = 0; d < AltName.LENGTH - 1; d++) {
            int v = ALPHABET.indexOf(name.charAt(d + 1));
            if (v < 0) {
                throw new IllegalArgumentException("not a digit of an alternative name: '" + name.charAt(d + 1)
                        + "' in " + name);
            }
            for (int b = 0; b < 5; b++) {
                if (((v >>> b) & 1) == 0) {
                    continue;
                }
                int pos = 5 * d + b;
                if (pos >= 8 * SIZE) {
                    throw new IllegalArgumentException("alternative name beyond 256 bits: " + name);
                }
                k[pos >>> 3] |= (byte) (1 << (pos & 7));
            }
        }
        return new PeerId(k);
    }

    /** A copy of the key. */
    @Override
    public byte[] key() {
        return key.clone();
    }

    /** Octet {@code i} of the key. */
    public byte byteAt(int i) {
        return key[i];
    }

    /** The key as the codec's type. */
    public Ed25519Public ed25519() {
        return new Ed25519Public(key);
    }

    /** The 53-character DNS alternative name {@code N(k)} of the key (JAMNP-S "Alternative name"). */
    public String altName() {
        return AltName.of(key);
    }

    /**
     * The Preferred Initiator {@code P(a, b)} of a connection between validators with keys {@code a} and {@code b}
     * (JAMNP-S "Required connectivity"): {@code a} when {@code (a_31 > 127) xor (b_31 > 127) xor (a < b)}, else
     * {@code b}; {@code a < b} compares the keys as octet strings.
     */
    public static PeerId preferredInitiator(PeerId a, PeerId b) {
        boolean aHigh = (a.key[31] & 0xff) > 127;
        boolean bHigh = (b.key[31] & 0xff) > 127;
        boolean less = a.compareTo(b) < 0;
        return (aHigh ^ bHigh ^ less) ? a : b;
    }

    /** Unsigned lexicographic order of the keys. */
    @Override
    public int compareTo(PeerId o) {
        return Arrays.compareUnsigned(key, o.key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId p && Arrays.equals(key, p.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** {@code 0x}-prefixed hex of the key. */
    public String hex() {
        return Hex.encode(key);
    }

    /** The alternative name. */
    @Override
    public String toString() {
        return altName();
    }
}
