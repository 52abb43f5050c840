package io.jamboree.merkle;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.core.hash.Keccak256;

/**
 * The hash-function parameter {@code H : 𝔹 → ℍ} of the general Merklization functions (GP 0.7.2 Appendix E,
 * eq. E.1 ff.). Where the Graypaper omits {@code H} it means Blake2b-256 ({@link #BLAKE2B_256}); the accumulation
 * output log (GP §7, eq. 7.3) uses Keccak-256 ({@link #KECCAK_256}).
 *
 * <p>Implementations must be thread-safe and must return a fresh 32-byte array on every call.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface HashFunction {

    /** Blake2b-256, the Graypaper's default {@code H}. */
    HashFunction BLAKE2B_256 = (data, off, len) -> new Blake2b256().update(data, off, len).digest();

    /** Keccak-256, {@code H_K} (GP §3.8.1). */
    HashFunction KECCAK_256 = (data, off, len) -> new Keccak256().update(data, off, len).digest();

    /** {@code H(data[off ..+ len])}. */
    byte[] hash(byte[] data, int off, int len);

    /** {@code H(data)}. */
    default byte[] hash(byte[] data) {
        return hash(data, 0, data.length);
    }
}
