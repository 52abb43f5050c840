package io.jamboree.availability.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.internal.AvailabilityMessages.ShardRequest;
import io.jamboree.codec.CodecException;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.BinaryMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assurer's fetch of its shard (JAMNP-S CE 137, GP 0.7.2 §14.4.1): the bundle shard, the segment shards and the
 * justification, from the report's guarantors, else any validator; the leaf {@code H(b♣) ⌢ M_B(s♣)} with the
 * justification must give the erasure root before the shard is kept. Thread-safe.
 */
public final class ShardFetch {
    private static final Logger LOG = LoggerFactory.getLogger(ShardFetch.class);
    private static final HashFunction H = HashFunction.BLAKE2B_256;

    private final ChainParams params;
    private final AvailabilityStore store;
    private final ShardRequests requests;
    private final ShardService.Peers peers;
    private final int segmentShardSize;

    ShardFetch(ChainParams params, AvailabilityStore store, ShardRequests requests, ShardService.Peers peers) {
        this.params = Objects.requireNonNull(params);
        this.store = Objects.requireNonNull(store);
        this.requests = Objects.requireNonNull(requests);
        this.peers = Objects.requireNonNull(peers);
        this.segmentShardSize = 2 * params.segmentEcPieces();
    }

    /** A shard an assurer got over CE 137. */
    public record FetchedShard(byte[] bundleShard, List<byte[]> segmentShards, Justification justification) {}

    /**
     * Why a CE 137 response does not check against {@code erasureRoot}, or empty if it does: the leaf
     * {@code H(bundle shard) ⌢ M_B(segment shards)} with the justification must give the root at {@code shardIndex}.
     */
    public Optional<String> checkShard(Hash erasureRoot, int shardIndex, FetchedShard f) {
        byte[] leaf = new byte[64];
        System.arraycopy(Blake2b256.hash(f.bundleShard()), 0, leaf, 0, 32);
        byte[] segRoot = BinaryMerkle.wellBalancedRoot(f.segmentShards().toArray(new byte[0][]), H);
        System.arraycopy(segRoot, 0, leaf, 32, 32);
        int v = params.validatorsCount();
        int depth = Justification.depth(shardIndex, v);
        if (f.justification().steps().size() != depth) {
            return Optional.of("justification of " + f.justification().steps().size() + " steps, the path to shard "
                    + shardIndex + " of " + v + " has " + depth);
        }
        byte[] root = f.justification().root(leaf, shardIndex, v);
        if (!Arrays.equals(root, erasureRoot.bytes())) {
            return Optional.of("shard " + shardIndex + " and its justification give root " + new Hash(root)
                    + ", not the erasure root " + erasureRoot);
        }
        return Optional.empty();
    }

    /** CE 137 from {@code peer}: shard {@code shardIndex} of {@code erasureRoot}, checked, not stored. */
    public FetchedShard fetchShard(PeerId peer, Hash erasureRoot, int shardIndex) throws AvailabilityException {
        try (ShardRequests.Request q = requests.open(peer, ShardService.CE_137)) {
            Stream s = q.stream;
            s.write(new ShardRequest(erasureRoot, shardIndex).encode());
            s.finish();
            byte[] bundleShard = ShardRequests.required(s, "bundle shard");
            List<byte[]> segs = AvailabilityMessages.split(ShardRequests.required(s, "segment shards"), segmentShardSize,
                    AvailabilityMessages.MAX_SEGMENT_SHARDS, "CE 137 segment shards");
            Justification j = Justification.decode(ShardRequests.required(s, "justification"), segmentShardSize);
            s.readFin();
            FetchedShard f = new FetchedShard(bundleShard, segs, j);
            Optional<String> bad = checkShard(erasureRoot, shardIndex, f);
            if (bad.isPresent()) {
                throw new AvailabilityException("CE 137 from " + peer + ": bad shard: " + bad.get());
            }
            return f;
        } catch (StreamException | CodecException e) {
            throw new AvailabilityException("CE 137 from " + peer + " for shard " + shardIndex + " of "
                    + erasureRoot + ": " + e.getMessage(), e);
        }
    }

    /** Keeps a fetched (checked) shard. */
    public void keep(Hash erasureRoot, int shardIndex, FetchedShard f) {
        store.putBundleShard(erasureRoot, shardIndex, f.bundleShard(), f.justification());
        store.putSegmentShards(erasureRoot, shardIndex, f.segmentShards());
    }

    /**
     * An assurer's fetch (JAMNP-S CE 137): its shard of the report from the report's guarantors, else from any
     * validator; the first one that checks is kept.
     */
    public void fetchAndKeep(Hash erasureRoot, int shardIndex) throws AvailabilityException {
        AvailabilityException last = null;
        for (PeerId p : candidates(erasureRoot)) {
            try {
                keep(erasureRoot, shardIndex, fetchShard(p, erasureRoot, shardIndex));
                return;
            } catch (AvailabilityException e) {
                LOG.debug("availability: {}", e.getMessage());
                last = e;
            }
        }
        throw last != null ? last : new AvailabilityException("no peer to fetch shard " + shardIndex + " of "
                + erasureRoot + " from");
    }

    private List<PeerId> candidates(Hash erasureRoot) {
        PeerId me = requests.localId();
        LinkedHashSet<PeerId> out = new LinkedHashSet<>(peers.guarantors(erasureRoot));
        out.addAll(peers.validators());
        out.remove(me);
        return new ArrayList<>(out);
    }
}
