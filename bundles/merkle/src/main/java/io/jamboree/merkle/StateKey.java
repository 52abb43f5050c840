package io.jamboree.merkle;

import io.jamboree.core.Hex;
import io.jamboree.core.hash.Blake2b256;
import java.util.Arrays;

/**
 * A 31-octet state key, the output of the state-key constructor {@code C} (GP 0.7.2 Appendix D.1, eq. D.1).
 *
 * <ul>
 *   <li>{@code C(i)}: {@code [i, 0, 0, …]} – {@link #of(int)}</li>
 *   <li>{@code C(i, s)}: {@code [i, n0, 0, n1, 0, n2, 0, n3, 0, 0, …]} with {@code n = E_4(s)} – {@link #of(int, long)}</li>
 *   <li>{@code C(s, h)}: {@code [n0, a0, n1, a1, n2, a2, n3, a3, a4, …, a26]} with {@code n = E_4(s)},
 *       {@code a = H(h)} – {@link #of(long, byte[])}</li>
 * </ul>
 * The service-data keys of eq. D.2 are built by {@link #storage}, {@link #preimage} and {@link #request}.
 *
 * <p>Keys order as unsigned big-endian octet strings, which is also the bit order ({@code bits}, most significant
 * bit first) the state trie branches on. The array is copied in and out; equality is by content.
 *
 * @param bytes the 31 key octets
 */
public record StateKey(byte[] bytes) implements Comparable<StateKey> {

    /** Length of a state key in octets. */
    public static final int LENGTH = 31;

    /** {@code C(255, s)}: chapter of the service account record. */
    public static final int SERVICE_ACCOUNT_CHAPTER = 255;

    private static final long MAX_SERVICE = 0xFFFF_FFFFL;

    public StateKey {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("state key must be 31 octets, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Wraps 31 octets (copied). */
    public static StateKey ofBytes(byte[] key) {
        return new StateKey(key);
    }

    /** Parses 62 hex digits, with or without {@code 0x}. */
    public static StateKey ofHex(String hex) {
        return new StateKey(Hex.decode(hex));
    }

    /** {@code C(i)}: the key of state component {@code i ∈ ℕ_{2^8}}. */
    public static StateKey of(int component) {
        byte[] k = new byte[LENGTH];
        k[0] = chapter(component);
        return new StateKey(k);
    }

    /** {@code C(i, s)}: component {@code i} of service {@code s} (in practice {@code i = 255}, the account). */
    public static StateKey of(int component, long serviceId) {
        checkService(serviceId);
        byte[] k = new byte[LENGTH];
        k[0] = chapter(component);
        k[1] = (byte) serviceId;
        k[3] = (byte) (serviceId >>> 8);
        k[5] = (byte) (serviceId >>> 16);
        k[7] = (byte) (serviceId >>> 24);
        return new StateKey(k);
    }

    /** {@code C(255, s)}: the key of the account record of service {@code s}. */
    public static StateKey serviceAccount(long serviceId) {
        return of(SERVICE_ACCOUNT_CHAPTER, serviceId);
    }

    /**
     * {@code C(s, h)}: interleaves {@code E_4(s)} with the first 4 octets of {@code a = H(h)} (Blake2b-256), then
     * appends {@code a_4 … a_26}.
     */
    public static StateKey of(long serviceId, byte[] h) {
        return ofHashed(serviceId, Blake2b256.hash(h));
    }

    /**
     * {@code C(s, h)} given {@code a = H(h)} already computed (useful because implementations need not keep the
     * storage key {@code h} itself, GP D.1 final note).
     */
    public static StateKey ofHashed(long serviceId, byte[] a) {
        checkService(serviceId);
        if (a.length < 27) {
            throw new IllegalArgumentException("hash must have at least 27 octets, got " + a.length);
        }
        byte[] k = new byte[LENGTH];
        k[0] = (byte) serviceId;
        k[1] = a[0];
        k[2] = (byte) (serviceId >>> 8);
        k[3] = a[1];
        k[4] = (byte) (serviceId >>> 16);
        k[5] = a[2];
        k[6] = (byte) (serviceId >>> 24);
        k[7] = a[3];
        System.arraycopy(a, 4, k, 8, 23);
        return new StateKey(k);
    }

    /** Storage item key {@code C(s, E_4(2^32-1) ⌢ k)} (GP eq. D.2). */
    public static StateKey storage(long serviceId, byte[] storageKey) {
        return of(serviceId, prefixed(0xFFFF_FFFFL, storageKey));
    }

    /** Preimage key {@code C(s, E_4(2^32-2) ⌢ h)} (GP eq. D.2). */
    public static StateKey preimage(long serviceId, byte[] hash) {
        return of(serviceId, prefixed(0xFFFF_FFFEL, hash));
    }

    /** Preimage-request (lookup) key {@code C(s, E_4(l) ⌢ h)} (GP eq. D.2). */
    public static StateKey request(long serviceId, byte[] hash, long length) {
        if (length < 0 || length > MAX_SERVICE) {
            throw new IllegalArgumentException("length out of ℕ_{2^32}: " + length);
        }
        return of(serviceId, prefixed(length, hash));
    }

    /** Copy of the 31 key octets. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The internal array, not copied; callers in this package must not modify it. */
    byte[] raw() {
        return bytes;
    }

    @Override
    public int compareTo(StateKey o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Hex.encode(bytes);
    }

    private static byte chapter(int i) {
        if (i < 0 || i > 255) {
            throw new IllegalArgumentException("state component index out of ℕ_{2^8}: " + i);
        }
        return (byte) i;
    }

    private static void checkService(long s) {
        if (s < 0 || s > MAX_SERVICE) {
            throw new IllegalArgumentException("service id out of ℕ_{2^32}: " + s);
        }
    }

    private static byte[] prefixed(long n, byte[] tail) {
        byte[] b = new byte[4 + tail.length];
        b[0] = (byte) n;
        b[1] = (byte) (n >>> 8);
        b[2] = (byte) (n >>> 16);
        b[3] = (byte) (n >>> 24);
        System.arraycopy(tail, 0, b, 4, tail.length);
        return b;
    }
}
