package io.jamboree.erasure.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.erasure.AvailabilityChunks;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.erasure.ErasureCode;
import io.jamboree.erasure.ErasureCoding;
import io.jamboree.erasure.ErasureCodingException;
import io.jamboree.merkle.BinaryMerkle;
import io.jamboree.merkle.ConstantDepthMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AvailabilitySpecifier} over the {@link ErasureCoding} service (GP 0.7.2 §14.3.1 and §14.4.1).
 *
 * <p>All segments are coded in one call: each segment is {@code W_P} pieces, so its shard {@code v} is octets
 * {@code [2·W_P·v, 2·W_P·(v+1))} of it (the {@code split} of eq. H.4), and since every word column is coded on its
 * own, putting shard {@code v} of every segment side by side as one systematic shard of {@code n·W_P} words gives
 * recovery shards that are, side by side, the recovery shards of every segment.
 */
@Component(service = AvailabilitySpecifier.class)
public final class ChunkingAvailabilitySpecifier implements AvailabilitySpecifier {
    private static final HashFunction H = HashFunction.BLAKE2B_256;

    private final ErasureCoding coding;

    @Activate
    public ChunkingAvailabilitySpecifier(@Reference ErasureCoding coding) {
        this.coding = coding;
    }

    @Override
    public List<byte[]> pagedProofs(ChainParams params, List<byte[]> segments) {
        checkSegments(params, segments);
        return PagedProofs.of(params, segments);
    }

    @Override
    public byte[][] bundleChunks(ChainParams params, byte[] bundle) {
        ErasureCode code = coding.code(params);
        int piece = code.pieceSize();
        return code.encode(bundle.length % piece == 0 ? bundle
                : Arrays.copyOf(bundle, (bundle.length / piece + 1) * piece));
    }

    @Override
    public byte[] reconstructBundle(ChainParams params, int bundleLength, int[] indices, byte[][] chunks) {
        ErasureCode code = coding.code(params);
        byte[] padded = code.reconstruct(indices, chunks);
        int piece = code.pieceSize();
        long expected = bundleLength < 0 ? -1 : ((long) bundleLength + piece - 1) / piece * piece;
        if (padded.length != expected) {
            throw new ErasureCodingException("chunks of " + padded.length / code.dataShards()
                    + " octets do not hold a bundle of " + bundleLength + " octets");
        }
        return padded.length == bundleLength ? padded : Arrays.copyOf(padded, bundleLength);
    }

    @Override
    public byte[][][] segmentShards(ChainParams params, List<byte[]> segments) {
        checkSegments(params, segments);
        ErasureCode code = coding.code(params);
        int v = code.shardCount();
        int n = segments.size();
        int shardBytes = 2 * params.segmentEcPieces();
        byte[][][] out = new byte[v][n][];
        if (n == 0) {
            return out;
        }
        int original = code.dataShards();
        byte[] side = new byte[n * params.segmentSize()];
        for (int i = 0; i < original; i++) {
            for (int j = 0; j < n; j++) {
                System.arraycopy(segments.get(j), i * shardBytes, side, (i * n + j) * shardBytes, shardBytes);
            }
        }
        byte[][] shards = code.encode(side);
        for (int s = 0; s < v; s++) {
            for (int j = 0; j < n; j++) {
                out[s][j] = Arrays.copyOfRange(shards[s], j * shardBytes, (j + 1) * shardBytes);
            }
        }
        return out;
    }

    @Override
    public byte[] reconstructSegment(ChainParams params, int[] indices, byte[][] shards) {
        byte[] segment = coding.code(params).reconstruct(indices, shards);
        if (segment.length != params.segmentSize()) {
            throw new ErasureCodingException("shards of " + shards[0].length + " octets give " + segment.length
                    + " octets, not a " + params.segmentSize() + "-octet segment");
        }
        return segment;
    }

    @Override
    public AvailabilityChunks chunks(ChainParams params, byte[] bundle, List<byte[]> exports) {
        checkSegments(params, exports);
        byte[][] bundleChunks = bundleChunks(params, bundle);
        List<byte[]> withProofs = new ArrayList<>(exports);
        withProofs.addAll(pagedProofs(params, exports));
        byte[][][] segmentShards = segmentShards(params, withProofs);
        byte[][] leaves = new byte[bundleChunks.length][];
        for (int v = 0; v < leaves.length; v++) {
            byte[] leaf = new byte[64];
            System.arraycopy(H.hash(bundleChunks[v]), 0, leaf, 0, 32);
            System.arraycopy(segmentsRoot(segmentShards[v]), 0, leaf, 32, 32);
            leaves[v] = leaf;
        }
        byte[] root = BinaryMerkle.wellBalancedRoot(leaves, H);
        return new AvailabilityChunks(bundleChunks, segmentShards, leaves, root);
    }

    @Override
    public AvailabilitySpec spec(ChainParams params, Hash packageHash, byte[] bundle, List<byte[]> exports) {
        AvailabilityChunks c = chunks(params, bundle, exports);
        return new AvailabilitySpec(packageHash, bundle.length, new Hash(c.erasureRoot()),
                new Hash(ConstantDepthMerkle.root(exports, H)), exports.size());
    }

    /** {@code s♣_v = M_B(shards)}: the well-balanced root of one validator's segment shards (zero hash for none). */
    private static byte[] segmentsRoot(byte[][] shards) {
        return BinaryMerkle.wellBalancedRoot(shards, H);
    }

    private static void checkSegments(ChainParams params, List<byte[]> segments) {
        for (int j = 0; j < segments.size(); j++) {
            byte[] s = segments.get(j);
            if (s == null || s.length != params.segmentSize()) {
                throw new ErasureCodingException("segment " + j + " has " + (s == null ? "no" : s.length)
                        + " octets, not W_G = " + params.segmentSize());
            }
        }
    }
}
