package io.jamboree.availability.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.BundleFetcher;
import io.jamboree.availability.ImportedSegment;
import io.jamboree.availability.SegmentFetcher;
import io.jamboree.availability.ShardDistribution;
import io.jamboree.core.ChainParams;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.StreamKind;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The shards of work packages (GP 0.7.2 §14.4) over the network, one object per node wiring the parts: the guarantor's
 * {@link ShardPublication}, the serving {@link ShardServer} (CE 137, 138, 139/140, 147, 148), the assurer's
 * {@link ShardFetch} (CE 137), the auditor's {@link BundleReconstruction} (CE 147, CE 138) and the guarantor's
 * {@link ExportedSegments} with its {@link SegmentReconstruction} (CE 140, CE 148). As {@link ShardDistribution},
 * {@link BundleFetcher} and {@link SegmentFetcher} it delegates to them. Plain class; the DS components of this
 * package wire it. Thread-safe.
 */
public final class ShardService implements ShardDistribution, BundleFetcher, SegmentFetcher {
    public static final StreamKind CE_137 = StreamKind.of(137);
    public static final StreamKind CE_138 = StreamKind.of(138);
    public static final StreamKind CE_139 = StreamKind.of(139);
    public static final StreamKind CE_140 = StreamKind.of(140);
    public static final StreamKind CE_147 = StreamKind.of(147);
    public static final StreamKind CE_148 = StreamKind.of(148);

    /** Who to ask: the validators in index order (κ), and the guarantors of a report if known. */
    public interface Peers {
        /** The current validators' peer ids, by validator index. */
        List<PeerId> validators();

        /** The peers that guaranteed the report with this erasure root, best first; empty if unknown. */
        List<PeerId> guarantors(Hash erasureRoot);
    }

    private final ChainParams params;
    private final AvailabilityStore store;
    private final Peers peers;
    private final ShardServer server;
    private final ShardPublication publication;
    private final ShardFetch fetch;
    private final BundleReconstruction bundles;
    private final SegmentReconstruction reconstruction;
    private final ExportedSegments segments;

    public ShardService(ChainParams params, AvailabilitySpecifier specifier, AvailabilityStore store,
            Supplier<Optional<Network>> network, Peers peers, LongSupplier slot) {
        this.params = Objects.requireNonNull(params);
        this.store = Objects.requireNonNull(store);
        this.peers = Objects.requireNonNull(peers);
        ShardRequests requests = new ShardRequests(network);
        this.server = new ShardServer(params, store);
        this.publication = new ShardPublication(params, specifier, store, slot);
        this.fetch = new ShardFetch(params, store, requests, peers);
        this.bundles = new BundleReconstruction(params, specifier, store, requests, peers);
        this.reconstruction = new SegmentReconstruction(params, specifier, store, requests, peers::validators);
        this.segments = new ExportedSegments(params, store, requests, peers, reconstruction);
    }

    public AvailabilityStore store() {
        return store;
    }

    public ChainParams params() {
        return params;
    }

    /** The current validators' peer ids, by index. */
    public List<PeerId> peersValidators() {
        return peers.validators();
    }

    /** JAMNP-S "Shard assignment": validator {@code v} holds shard {@code (c·R + v) mod V} of core {@code c}. */
    public static int shardIndex(ChainParams p, int core, int validator) {
        int r = p.ecPieceSize() / 2;
        return (int) (((long) core * r + validator) % p.validatorsCount());
    }

    /** The serving side of the protocols (CE 137, 138, 139/140, 147, 148) over this service's store. */
    public ShardServer server() {
        return server;
    }

    /** The assurer's CE 137 client. */
    public ShardFetch fetch() {
        return fetch;
    }

    /** The auditor's CE 147/138 client and bundle reconstruction. */
    public BundleReconstruction bundles() {
        return bundles;
    }

    /** The CE 140 client and segment reconstruction. */
    public SegmentReconstruction reconstruction() {
        return reconstruction;
    }

    @Override
    public void publish(AvailabilitySpec spec, byte[] bundle, List<byte[]> exports) throws AvailabilityException {
        publication.publish(spec, bundle, exports);
    }

    @Override
    public byte[] bundle(WorkReport report) throws AvailabilityException {
        return bundles.bundle(report);
    }

    @Override
    public List<ImportedSegment> segments(AvailabilitySpec spec, int core, int[] indices)
            throws AvailabilityException {
        return segments.segments(spec, core, indices);
    }

    /** See {@link ShardFetch#fetchAndKeep(Hash, int)}. */
    public void fetchAndKeep(Hash erasureRoot, int shardIndex) throws AvailabilityException {
        fetch.fetchAndKeep(erasureRoot, shardIndex);
    }

    /** See {@link ShardFetch#fetchShard(PeerId, Hash, int)}. */
    public ShardFetch.FetchedShard fetchShard(PeerId peer, Hash erasureRoot, int shardIndex)
            throws AvailabilityException {
        return fetch.fetchShard(peer, erasureRoot, shardIndex);
    }

    /** See {@link BundleReconstruction#fetchAuditShard(PeerId, Hash, int)}. */
    public byte[] fetchAuditShard(PeerId peer, Hash erasureRoot, int shardIndex) throws AvailabilityException {
        return bundles.fetchAuditShard(peer, erasureRoot, shardIndex);
    }

    /** See {@link BundleReconstruction#reconstruct(AvailabilitySpec, int)}. */
    public byte[] reconstruct(AvailabilitySpec spec, int core) throws AvailabilityException {
        return bundles.reconstruct(spec, core);
    }

    /** See {@link ExportedSegments#fetchSegments(PeerId, Hash, int[])}. */
    public List<ImportedSegment> fetchSegments(PeerId peer, Hash segmentRoot, int[] indices)
            throws AvailabilityException {
        return segments.fetchSegments(peer, segmentRoot, indices);
    }
}
