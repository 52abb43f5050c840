package io.jamboree.erasure;

import io.jamboree.core.ChainParams;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Hash;
import java.util.List;

/**
 * The availability specifier {@code A} of GP 0.7.2 §14.4.1 (eq. 14.17) and what it rests on: the paged proofs
 * {@code P} (§14.3.1, eq. 14.10), the erasure-coded chunks of a work-package bundle and the shards of exported
 * segments, and their recovery. Segments are {@code W_G = 4104} octets; the chain's parameters give {@code V},
 * {@code W_E} and {@code W_P}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface AvailabilitySpecifier {
    /** Hashes per page of the paged proofs: {@code 2^6}. */
    int PAGE_SIZE = 64;

    /**
     * {@code P(s)} (eq. 14.10): for each page of 64 segments, {@code E(↕J_6(s, i), ↕L_6(s, i))} zero-padded to
     * {@code W_G} octets: the constant-depth Merkle path from the segment root to the page and the page's leaf hashes.
     *
     * @throws ErasureCodingException if a segment is not {@code W_G} octets
     */
    List<byte[]> pagedProofs(ChainParams params, List<byte[]> segments);

    /** {@code C_{⌈|b|/W_E⌉}(P_{W_E}(b))}: the V chunks of a work-package bundle. */
    byte[][] bundleChunks(ChainParams params, byte[] bundle);

    /**
     * The bundle of {@code bundleLength} octets from at least {@code W_E/2} of its chunks ({@code indices[j]} is the
     * validator index of {@code chunks[j]}); the padding is dropped.
     */
    byte[] reconstructBundle(ChainParams params, int bundleLength, int[] indices, byte[][] chunks);

    /**
     * {@code ᵀC^#_{W_P}(segments)}: for each validator, its {@code 2·W_P}-octet shard of each segment, in order.
     *
     * @throws ErasureCodingException if a segment is not {@code W_G} octets
     */
    byte[][][] segmentShards(ChainParams params, List<byte[]> segments);

    /** One {@code W_G}-octet segment from at least {@code W_E/2} of its shards. */
    byte[] reconstructSegment(ChainParams params, int[] indices, byte[][] shards);

    /** The chunks, shards, leaves and erasure root {@code u} of a bundle and its exported segments (eq. 14.17). */
    AvailabilityChunks chunks(ChainParams params, byte[] bundle, List<byte[]> exports);

    /**
     * {@code A(h, b, s)} (eq. 14.17): package hash, bundle length, erasure root, segment root {@code M(s)} and
     * segment count.
     */
    AvailabilitySpec spec(ChainParams params, Hash packageHash, byte[] bundle, List<byte[]> exports);
}
