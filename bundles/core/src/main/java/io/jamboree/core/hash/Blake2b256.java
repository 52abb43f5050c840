package io.jamboree.core.hash;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The Blake2b-256 hash function {@code H} (GP §3.8.1), 32-byte output, no key.
 * Instances are not thread-safe; the static helpers are.
 */
public final class Blake2b256 {
    /** Output length in bytes. */
    public static final int LENGTH = 32;

    private final Blake2bDigest digest = new Blake2bDigest(256);

    /** Adds {@code len} bytes of {@code data} from {@code off}. */
    public Blake2b256 update(byte[] data, int off, int len) {
        digest.update(data, off, len);
        return this;
    }

    public Blake2b256 update(byte[] data) {
        return update(data, 0, data.length);
    }

    public Blake2b256 update(byte b) {
        digest.update(b);
        return this;
    }

    /** Completes the hash and resets this instance. */
    public byte[] digest() {
        byte[] out = new byte[LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    /** {@code H(data)}. */
    public static byte[] hash(byte[] data) {
        return new Blake2b256().update(data).digest();
    }

    /** {@code H(a ⌢ b)}. */
    public static byte[] hash(byte[] a, byte[] b) {
        return new Blake2b256().update(a).update(b).digest();
    }
}
