package io.jamboree.keystore;

import io.jamboree.crypto.Jip5;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorMetadata;

/**
 * The well-known dev validators (JIP-5 "Trivial seeds", jam-docs "Dev Accounts"): validator {@code i} has the seed
 * {@code trivial_seed(i)}, the 32-bit little-endian encoding of {@code i} repeated 8 times, used unhashed; its keys
 * follow by JIP-5 ({@link ValidatorSecrets#fromSeed}). The first six are Alice, Bob, Carol, David, Eve and Fergie.
 * For testing only: everyone knows these secrets.
 */
public final class DevKeys {
    /** The canonical names of dev validators 0..5. */
    private static final String[] NAMES = {"Alice", "Bob", "Carol", "David", "Eve", "Fergie"};

    /** Port of dev validator 0 in its metadata; validator i listens on {@code BASE_PORT + i}. */
    public static final int BASE_PORT = 40_000;

    private DevKeys() {}

    /** {@code trivial_seed(i)} for an unsigned 32-bit index (JIP-5). */
    public static byte[] seed(long index) {
        return Jip5.trivialSeed((int) checkIndex(index));
    }

    /** The secrets of dev validator {@code i}. */
    public static ValidatorSecrets secrets(long index) {
        return ValidatorSecrets.fromSeed(seed(index));
    }

    /** The canonical name of dev validator {@code i} ("Alice".."Fergie"), else {@code "dev-<i>"}. */
    public static String name(long index) {
        checkIndex(index);
        return index < NAMES.length ? NAMES[(int) index] : "dev-" + index;
    }

    /**
     * The metadata {@code k_M} of dev validator {@code i} (GP §6.3, eq. 6.12; JAMNP-S: the first 16 octets an IPv6
     * address, the next 2 the port, little-endian): {@code ::ffff:127.0.0.1} port {@code 40000 + i}, the rest zero,
     * as in the validator keys of the public test-vector genesis states; all zero when {@code 40000 + i} is no port.
     */
    public static ValidatorMetadata metadata(long index) {
        checkIndex(index);
        byte[] m = new byte[ValidatorMetadata.SIZE];
        long port = BASE_PORT + index;
        if (port <= 0xffff) { // beyond the port range: no address at all
            m[10] = (byte) 0xff;
            m[11] = (byte) 0xff;
            m[12] = 127;
            m[15] = 1;
            m[16] = (byte) port;
            m[17] = (byte) (port >>> 8);
        }
        return new ValidatorMetadata(m);
    }

    /** The 336-octet validator key {@code K} of dev validator {@code i} (zero BLS key, {@link #metadata}). */
    public static ValidatorKey validatorKey(long index) {
        return secrets(index).validatorKey(metadata(index));
    }

    private static long checkIndex(long index) {
        if (index < 0 || index > 0xffff_ffffL) {
            throw new IllegalArgumentException("a dev validator index is an unsigned 32-bit integer, got " + index);
        }
        return index;
    }
}
