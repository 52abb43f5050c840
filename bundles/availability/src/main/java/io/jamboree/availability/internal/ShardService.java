package io.jamboree.availability.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.BundleFetcher;
import io.jamboree.availability.ImportedSegment;
import io.jamboree.availability.SegmentFetcher;
import io.jamboree.availability.ShardDistribution;
import io.jamboree.availability.internal.AvailabilityMessages.SegmentRequest;
import io.jamboree.availability.internal.AvailabilityMessages.ShardRequest;
import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.erasure.AvailabilityChunks;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.erasure.ErasureCodingException;
import io.jamboree.merkle.BinaryMerkle;
import io.jamboree.merkle.ConstantDepthMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.network.StreamKind;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shards of work packages (GP 0.7.2 §14.4.1, eq. 14.17) over the network: the guarantor's
 * {@link ShardDistribution}, serving CE 137 (shard distribution), CE 138 (audit shards), CE 139/140 (segment shards),
 * CE 147 (bundles) and CE 148 (segments), and the client side: an assurer's CE 137 fetch with its justification
 * checked against the erasure root, the auditor's {@link BundleFetcher} (CE 147, else reconstruction from
 * {@code W_E/2} CE 138 shards, each checked), and the {@link SegmentFetcher} (CE 148 with import proofs checked
 * against the segment root). Plain class; the DS components of this package wire it. Thread-safe.
 */
public final class ShardService implements ShardDistribution, BundleFetcher, SegmentFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ShardService.class);
    public static final StreamKind CE_137 = StreamKind.of(137);
    public static final StreamKind CE_138 = StreamKind.of(138);
    public static final StreamKind CE_139 = StreamKind.of(139);
    public static final StreamKind CE_140 = StreamKind.of(140);
    public static final StreamKind CE_147 = StreamKind.of(147);
    public static final StreamKind CE_148 = StreamKind.of(148);
    private static final HashFunction H = HashFunction.BLAKE2B_256;

    /** Who to ask: the validators in index order (κ), and the guarantors of a report if known. */
    public interface Peers {
        /** The current validators' peer ids, by validator index. */
        List<PeerId> validators();

        /** The peers that guaranteed the report with this erasure root, best first; empty if unknown. */
        List<PeerId> guarantors(Hash erasureRoot);
    }

    private final ChainParams params;
    private final AvailabilitySpecifier specifier;
    private final AvailabilityStore store;
    private final Supplier<Optional<Network>> network;
    private final Peers peers;
    private final LongSupplier slot;
    private final int segmentShardSize;
    private final ShardServer server;
    private final ShardRequests requests;
    private final SegmentReconstruction reconstruction;

    public ShardService(ChainParams params, AvailabilitySpecifier specifier, AvailabilityStore store,
            Supplier<Optional<Network>> network, Peers peers, LongSupplier slot) {
        this.params = Objects.requireNonNull(params);
        this.specifier = Objects.requireNonNull(specifier);
        this.store = Objects.requireNonNull(store);
        this.network = Objects.requireNonNull(network);
        this.peers = Objects.requireNonNull(peers);
        this.slot = Objects.requireNonNull(slot);
        this.segmentShardSize = 2 * params.segmentEcPieces();
        this.server = new ShardServer(params, store);
        this.requests = new ShardRequests(network);
        this.reconstruction = new SegmentReconstruction(params, specifier, store, requests, peers::validators);
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

    // ---------------------------------------------------------------- guarantor

    @Override
    public void publish(AvailabilitySpec spec, byte[] bundle, List<byte[]> exports) throws AvailabilityException {
        if (bundle.length != spec.length()) {
            throw new AvailabilityException("bundle of " + bundle.length + " octets, the spec says " + spec.length());
        }
        if (exports.size() != spec.exportsCount()) {
            throw new AvailabilityException(exports.size() + " exported segments, the spec says "
                    + spec.exportsCount());
        }
        AvailabilityChunks c;
        try {
            c = specifier.chunks(params, bundle, exports);
        } catch (ErasureCodingException e) {
            throw new AvailabilityException("cannot erasure-code package " + spec.hash() + ": " + e.getMessage(), e);
        }
        if (!Arrays.equals(c.erasureRoot(), spec.erasureRoot().bytes())) {
            throw new AvailabilityException("the chunks of package " + spec.hash() + " give erasure root "
                    + new Hash(c.erasureRoot()) + ", not the spec's " + spec.erasureRoot());
        }
        if (!exports.isEmpty() && !Arrays.equals(ConstantDepthMerkle.root(exports, H), spec.exportsRoot().bytes())) {
            throw new AvailabilityException("the exports of package " + spec.hash() + " do not give segment root "
                    + spec.exportsRoot());
        }
        Hash root = spec.erasureRoot();
        Justification[] js = Justification.traces(c.leaves(), 1);
        store.putPublished(root, bundle, c.bundleChunks(), js, c.segmentShards(), spec.exportsRoot(), exports,
                new AvailabilityStore.Record(root, spec.exportsRoot(), slot.getAsLong(), Retention.Phase.PUBLISHED, 0,
                        0));
        LOG.info("availability: published package {} ({} octets, {} exports), erasure root {}", spec.hash(),
                bundle.length, exports.size(), root);
    }

    /** The serving side of the protocols (CE 137, 138, 139/140, 147, 148) over this service's store. */
    public ShardServer server() {
        return server;
    }

    // ---------------------------------------------------------------- client

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
        try (ShardRequests.Request q = requests.open(peer, CE_137)) {
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

    /** A CE 138 audit shard, checked against the erasure root; {@code bundleShard} is its chunk. */
    public byte[] fetchAuditShard(PeerId peer, Hash erasureRoot, int shardIndex) throws AvailabilityException {
        try (ShardRequests.Request q = requests.open(peer, CE_138)) {
            Stream s = q.stream;
            s.write(new ShardRequest(erasureRoot, shardIndex).encode());
            s.finish();
            byte[] shard = ShardRequests.required(s, "bundle shard");
            Justification j = Justification.decode(ShardRequests.required(s, "justification"), segmentShardSize);
            s.readFin();
            Optional<String> bad = checkAuditShard(erasureRoot, shardIndex, shard, j);
            if (bad.isPresent()) {
                throw new AvailabilityException("CE 138 from " + peer + ": bad shard: " + bad.get());
            }
            return shard;
        } catch (StreamException | CodecException e) {
            throw new AvailabilityException("CE 138 from " + peer + " for shard " + shardIndex + " of "
                    + erasureRoot + ": " + e.getMessage(), e);
        }
    }

    /** Why a CE 138 shard does not check (its justification ends with {@code s♣}), or empty if it does. */
    public Optional<String> checkAuditShard(Hash erasureRoot, int shardIndex, byte[] shard, Justification j) {
        int depth = Justification.depth(shardIndex, params.validatorsCount());
        if (j.steps().size() != depth + 1 || j.steps().get(depth).kind() != 0) {
            return Optional.of("justification of " + j.steps().size() + " steps, expected " + (depth + 1)
                    + " ending with the segment shard root");
        }
        byte[] leaf = new byte[64];
        System.arraycopy(Blake2b256.hash(shard), 0, leaf, 0, 32);
        System.arraycopy(j.steps().get(depth).value(), 0, leaf, 32, 32);
        byte[] root = j.prefix(depth).root(leaf, shardIndex, params.validatorsCount());
        if (!Arrays.equals(root, erasureRoot.bytes())) {
            return Optional.of("shard " + shardIndex + " and its justification give root " + new Hash(root)
                    + ", not the erasure root " + erasureRoot);
        }
        return Optional.empty();
    }

    /** CE 147 from {@code peer}: the bundle, unchecked. */
    public byte[] fetchBundle(PeerId peer, Hash erasureRoot) throws AvailabilityException {
        try (ShardRequests.Request q = requests.open(peer, CE_147)) {
            Stream s = q.stream;
            s.write(erasureRoot.bytes());
            s.finish();
            byte[] b = ShardRequests.required(s, "bundle");
            s.readFin();
            return b;
        } catch (StreamException e) {
            throw new AvailabilityException("CE 147 from " + peer + " for " + erasureRoot + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] bundle(WorkReport report) throws AvailabilityException {
        AvailabilitySpec spec = report.packageSpec();
        Hash root = spec.erasureRoot();
        Optional<byte[]> local = store.bundle(root);
        if (local.isPresent()) {
            return local.get();
        }
        for (PeerId g : peers.guarantors(root)) {
            try {
                byte[] b = fetchBundle(g, root);
                Optional<String> bad = checkBundle(spec, b);
                if (bad.isEmpty()) {
                    return b;
                }
                LOG.warn("availability: CE 147 bundle from {} refused: {}", g, bad.get());
            } catch (AvailabilityException e) {
                LOG.debug("availability: {}", e.getMessage());
            }
        }
        return reconstruct(spec, report.coreIndex());
    }

    /**
     * The bundle of {@code spec}, the report of core {@code core}, reconstructed from {@code W_E/2} audit shards
     * (CE 138): validator {@code v} is asked for its shard {@code (core·R + v) mod V}, all at once, and the first
     * {@code W_E/2} shards that check against the erasure root are used; then the bundle's length and package hash
     * are checked.
     */
    public byte[] reconstruct(AvailabilitySpec spec, int core) throws AvailabilityException {
        Hash root = spec.erasureRoot();
        int need = params.ecPieceSize() / 2;
        List<PeerId> vs = peers.validators();
        PeerId me = requests.localId();
        List<Integer> idx = new ArrayList<>();
        List<byte[]> chunks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // not closed with try-with-resources: close() would wait for the requests no longer needed
        ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<Object[]> cs = new ExecutorCompletionService<>(ex);
            int asked = 0;
            for (int v = 0; v < vs.size(); v++) {
                int shard = shardIndex(params, core, v);
                PeerId p = vs.get(v);
                Optional<AvailabilityStore.BundleShard> held = store.bundleShard(root, shard);
                if (held.isPresent()) {
                    idx.add(shard);
                    chunks.add(held.get().shard());
                    continue;
                }
                if (p.equals(me)) {
                    continue;
                }
                cs.submit(() -> {
                    try {
                        return new Object[] {shard, fetchAuditShard(p, root, shard)};
                    } catch (AvailabilityException e) {
                        return new Object[] {shard, e.getMessage()};
                    }
                });
                asked++;
            }
            for (int k = 0; k < asked && idx.size() < need; k++) {
                Object[] r = cs.take().get();
                if (r[1] instanceof byte[] c && !idx.contains((Integer) r[0])) {
                    idx.add((Integer) r[0]);
                    chunks.add(c);
                } else if (r[1] instanceof String why) {
                    failures.add(why);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AvailabilityException("interrupted while fetching audit shards", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AvailabilityException("fetching audit shards failed: " + e.getCause(), e);
        } finally {
            ex.shutdownNow();
        }
        if (idx.size() < need) {
            throw new AvailabilityException("only " + idx.size() + " of the " + need + " shards needed to reconstruct "
                    + "the bundle of " + spec.hash() + " could be had: " + failures);
        }
        int[] ix = new int[need];
        byte[][] cx = new byte[need][];
        for (int k = 0; k < need; k++) {
            ix[k] = idx.get(k);
            cx[k] = chunks.get(k);
        }
        byte[] b;
        try {
            b = specifier.reconstructBundle(params, (int) spec.length(), ix, cx);
        } catch (ErasureCodingException e) {
            throw new AvailabilityException("cannot reconstruct the bundle of " + spec.hash() + ": " + e.getMessage(),
                    e);
        }
        Optional<String> bad = checkBundle(spec, b);
        if (bad.isPresent()) {
            throw new AvailabilityException("the reconstructed bundle of " + spec.hash() + " does not check: "
                    + bad.get());
        }
        return b;
    }

    /**
     * Why {@code bundle} is not the bundle of {@code spec}, or empty: its length must be {@code l}, it must start
     * with a work package whose hash is {@code p}, and its chunks must match every bundle shard this node holds
     * (each justified against the erasure root when it was received).
     */
    public Optional<String> checkBundle(AvailabilitySpec spec, byte[] bundle) {
        if (bundle.length != spec.length()) {
            return Optional.of("bundle of " + bundle.length + " octets, the report says " + spec.length());
        }
        try {
            Decoder d = new Decoder(bundle);
            WorkPackage.decode(d, params);
            byte[] h = Blake2b256.hash(Arrays.copyOf(bundle, d.position()));
            if (!Arrays.equals(h, spec.hash().bytes())) {
                return Optional.of("its work package hashes to " + new Hash(h) + ", not " + spec.hash());
            }
        } catch (CodecException | IllegalArgumentException e) {
            return Optional.of("it does not start with a work package: " + e.getMessage());
        }
        byte[][] chunks = null;
        for (int i = 0; i < params.validatorsCount(); i++) {
            Optional<AvailabilityStore.BundleShard> mine = store.bundleShard(spec.erasureRoot(), i);
            if (mine.isEmpty()) {
                continue;
            }
            if (chunks == null) {
                chunks = specifier.bundleChunks(params, bundle);
            }
            if (!Arrays.equals(chunks[i], mine.get().shard())) {
                return Optional.of("its chunk " + i + " differs from the justified shard this node holds");
            }
        }
        return Optional.empty();
    }

    /**
     * The imported segments of {@code spec}: from this node's store when it published the package, else reconstructed
     * from the assurers' segment shards (CE 140), else from the package's guarantors (CE 148); each checked against
     * the segment root.
     */
    @Override
    public List<ImportedSegment> segments(AvailabilitySpec spec, int core, int[] indices)
            throws AvailabilityException {
        Hash segmentRoot = spec.exportsRoot();
        Optional<byte[]> local = store.exports(segmentRoot);
        if (local.isPresent()) {
            List<byte[]> all = AvailabilityMessages.split(local.get(), params.segmentSize(), Integer.MAX_VALUE,
                    "stored exports");
            List<ImportedSegment> out = new ArrayList<>();
            for (int i : indices) {
                if (i < 0 || i >= all.size()) {
                    throw new AvailabilityException("segment " + i + " of " + all.size() + " under " + segmentRoot);
                }
                out.add(new ImportedSegment(all.get(i), ConstantDepthMerkle.justification(all, i, H)));
            }
            return out;
        }
        List<String> failures = new ArrayList<>();
        try {
            List<ImportedSegment> out = reconstruction.segments(spec, core, indices);
            LOG.info("availability: reconstructed {} segment(s) of package {} from the assurers' shards (CE 140)",
                    indices.length, spec.hash());
            return out;
        } catch (AvailabilityException e) {
            failures.add(e.getMessage());
        }
        for (PeerId p : peers.guarantors(spec.erasureRoot())) {
            if (p.equals(requests.localId())) {
                continue;
            }
            try {
                return fetchSegments(p, segmentRoot, indices);
            } catch (AvailabilityException e) {
                failures.add(e.getMessage());
            }
        }
        throw new AvailabilityException("segments " + Arrays.toString(indices) + " of package " + spec.hash()
                + " cannot be had: " + failures);
    }

    /** The CE 140 client and segment reconstruction of this service. */
    public SegmentReconstruction reconstruction() {
        return reconstruction;
    }

    /** CE 148 from {@code peer}, each segment checked with its import proof against {@code segmentRoot}. */
    public List<ImportedSegment> fetchSegments(PeerId peer, Hash segmentRoot, int[] indices)
            throws AvailabilityException {
        if (indices.length > AvailabilityMessages.MAX_SEGMENTS) {
            throw new AvailabilityException(indices.length + " segments in one CE 148 request, at most "
                    + AvailabilityMessages.MAX_SEGMENTS);
        }
        try (ShardRequests.Request q = requests.open(peer, CE_148)) {
            Stream s = q.stream;
            s.write(AvailabilityMessages.encodeSegmentRequests(List.of(new SegmentRequest(segmentRoot, indices))));
            s.finish();
            List<byte[]> segs = AvailabilityMessages.split(ShardRequests.required(s, "segments"), params.segmentSize(),
                    indices.length, "CE 148 segments");
            List<List<byte[]>> proofs = AvailabilityMessages.decodeImportProofs(ShardRequests.required(s, "import proofs"),
                    indices.length);
            s.readFin();
            if (segs.size() != indices.length || proofs.size() != indices.length) {
                throw new AvailabilityException("CE 148 from " + peer + ": " + segs.size() + " segments and "
                        + proofs.size() + " proofs for " + indices.length + " indices");
            }
            List<ImportedSegment> out = new ArrayList<>(indices.length);
            for (int k = 0; k < indices.length; k++) {
                byte[] root = ImportProofs.root(segs.get(k), indices[k], proofs.get(k));
                if (!Arrays.equals(root, segmentRoot.bytes())) {
                    throw new AvailabilityException("CE 148 from " + peer + ": segment " + indices[k]
                            + " and its import proof do not give segment root " + segmentRoot);
                }
                out.add(new ImportedSegment(segs.get(k), proofs.get(k)));
            }
            return out;
        } catch (StreamException | CodecException e) {
            throw new AvailabilityException("CE 148 from " + peer + ": " + e.getMessage(), e);
        }
    }

    private List<PeerId> candidates(Hash erasureRoot) {
        PeerId me = requests.localId();
        LinkedHashSet<PeerId> out = new LinkedHashSet<>(peers.guarantors(erasureRoot));
        out.addAll(peers.validators());
        out.remove(me);
        return new ArrayList<>(out);
    }
}
