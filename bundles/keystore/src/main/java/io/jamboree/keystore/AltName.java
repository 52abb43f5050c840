package io.jamboree.keystore;

/**
 * The alternative name {@code N(k)} of an Ed25519 public key (JAMNP-S, "Alternative name"): {@code "e"} followed by
 * 52 base-32 digits of the key read as a little-endian integer ({@code E_32^-1(k)}), least significant digit first,
 * over the alphabet {@code abcdefghijklmnopqrstuvwxyz234567}. Used in TLS certificates and in JIP-4 bootnodes.
 */
public final class AltName {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    /** Characters of a name: "e" and 52 digits. */
    public static final int LENGTH = 53;

    private AltName() {}

    /**
     * The 53-character name of a 32-octet Ed25519 public key.
     *
     * @throws IllegalArgumentException if the key is not 32 octets
     */
    public static String of(byte[] ed25519Public) {
        if (ed25519Public == null || ed25519Public.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 octets");
        }
        char[] out = new char[LENGTH];
        out[0] = 'e';
        // 5 bits at a time from the least significant end of the little-endian 256-bit integer
        for (int d = 0; d < LENGTH - 1; d++) {
            int bit = 5 * d;
            int v = 0;
            for (int b = 0; b < 5; b++) {
                int pos = bit + b;
                if (pos < 256 && ((ed25519Public[pos >>> 3] >>> (pos & 7)) & 1) != 0) {
                    v |= 1 << b;
                }
            }
            out[d + 1] = ALPHABET[v];
        }
        return new String(out);
    }
}
