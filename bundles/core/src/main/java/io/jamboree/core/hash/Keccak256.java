package io.jamboree.core.hash;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The Keccak-256 hash function {@code H_K} (GP §3.8.1): the original Keccak padding, not SHA3-256.
 * Used by the accumulation-output MMR (GP Appendix E). Instances are not thread-safe.
 */
public final class Keccak256 {
    public static final int LENGTH = 32;

    private final KeccakDigest digest = new KeccakDigest(256);

    public Keccak256 update(byte[] data, int off, int len) {
        digest.update(data, off, len);
        return this;
    }

    public Keccak256 update(byte[] data) {
        return update(data, 0, data.length);
    }

    /** Completes the hash and resets this instance. */
    public byte[] digest() {
        byte[] out = new byte[LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    public static byte[] hash(byte[] data) {
        return new Keccak256().update(data).digest();
    }

    public static byte[] hash(byte[] a, byte[] b) {
        return new Keccak256().update(a).update(b).digest();
    }
}
