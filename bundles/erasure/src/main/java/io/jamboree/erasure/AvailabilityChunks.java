package io.jamboree.erasure;

/**
 * What a guarantor distributes for one work-package (GP 0.7.2 §14.4.1, eq. 14.17): for each validator {@code v},
 * its chunk {@code bundleChunks[v]} of the erasure-coded bundle and its shard {@code segmentShards[v][j]} of each
 * exported segment and paged-proof segment {@code j} ({@code s ⌢ P(s)}); the leaves {@code b♣_v ⌢ s♣_v} of the
 * erasure-root tree and the erasure root {@code u = M_B(leaves)} itself.
 *
 * <p>Arrays are shared, not copied: treat them as read-only.
 *
 * @param bundleChunks  {@code C_{⌈|b|/W_E⌉}(P_{W_E}(b))}, V chunks of {@code 2·⌈|b|/W_E⌉} octets
 * @param segmentShards {@code ᵀC^#_{W_P}(s ⌢ P(s))}, per validator the {@code 2·W_P}-octet shard of every segment
 * @param leaves        {@code b♣_v ⌢ s♣_v} for each validator: Blake2b of its bundle chunk, then the well-balanced
 *                      Merkle root of its segment shards (64 octets)
 * @param erasureRoot   {@code u}, 32 octets
 */
public record AvailabilityChunks(byte[][] bundleChunks, byte[][][] segmentShards, byte[][] leaves, byte[] erasureRoot) {
    public AvailabilityChunks {
        if (bundleChunks.length != segmentShards.length || bundleChunks.length != leaves.length) {
            throw new IllegalArgumentException("one bundle chunk, one shard list and one leaf per validator");
        }
        if (erasureRoot.length != 32) {
            throw new IllegalArgumentException("erasure root must be 32 octets");
        }
    }

    /** V, the number of validators the chunks are for. */
    public int validators() {
        return bundleChunks.length;
    }
}
