package io.jamboree.availability.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.BundleFetcher;
import io.jamboree.availability.SegmentFetcher;
import io.jamboree.availability.ShardDistribution;
import io.jamboree.availability.internal.AvailabilityMessages.SegmentRequest;
import io.jamboree.availability.internal.AvailabilityMessages.SegmentShardRequest;
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
import io.jamboree.network.ProtocolViolationException;
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
    private static final long OPEN_SECONDS = 10;

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

    public ShardService(ChainParams params, AvailabilitySpecifier specifier, AvailabilityStore store,
            Supplier<Optional<Network>> network, Peers peers, LongSupplier slot) {
        this.params = Objects.requireNonNull(params);
        this.specifier = Objects.requireNonNull(specifier);
        this.store = Objects.requireNonNull(store);
        this.network = Objects.requireNonNull(network);
        this.peers = Objects.requireNonNull(peers);
        this.slot = Objects.requireNonNull(slot);
        this.segmentShardSize = 2 * params.segmentEcPieces();
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
        store.putBundle(root, bundle);
        for (int v = 0; v < c.validators(); v++) {
            store.putBundleShard(root, v, c.bundleChunks()[v], Justification.trace(c.leaves(), v, 1));
            store.putSegmentShards(root, v, Arrays.asList(c.segmentShards()[v]));
        }
        if (!exports.isEmpty()) {
            store.putExports(spec.exportsRoot(), exports);
        }
        if (store.record(root).isEmpty()) {
            store.putRecord(new AvailabilityStore.Record(root, spec.exportsRoot(), slot.getAsLong(),
                    Retention.Phase.PUBLISHED, 0, 0));
        }
        LOG.info("availability: published package {} ({} octets, {} exports), erasure root {}", spec.hash(),
                bundle.length, exports.size(), root);
    }

    // ---------------------------------------------------------------- serving

    /** CE 137: {@code --> Erasure-Root ++ Shard Index, FIN; <-- Bundle Shard, [Segment Shard], Justification, FIN}. */
    public void serveShard(Stream s) throws Exception {
        ShardRequest r = readRequest(s);
        Optional<AvailabilityStore.BundleShard> b = store.bundleShard(r.erasureRoot(), r.shardIndex());
        Optional<List<byte[]>> segs = store.segmentShards(r.erasureRoot(), r.shardIndex());
        if (b.isEmpty() || segs.isEmpty()) {
            s.reset("CE 137: no shard " + r.shardIndex() + " of erasure root " + r.erasureRoot());
            return;
        }
        s.write(b.get().shard());
        s.write(AvailabilityMessages.concat(segs.get()));
        s.write(b.get().justification().encode());
        s.finish();
    }

    /** CE 138: {@code --> Erasure-Root ++ Shard Index, FIN; <-- Bundle Shard, Justification, FIN}. */
    public void serveAuditShard(Stream s) throws Exception {
        ShardRequest r = readRequest(s);
        Optional<AvailabilityStore.BundleShard> b = store.bundleShard(r.erasureRoot(), r.shardIndex());
        Optional<List<byte[]>> segs = store.segmentShards(r.erasureRoot(), r.shardIndex());
        if (b.isEmpty() || segs.isEmpty()) {
            s.reset("CE 138: no bundle shard " + r.shardIndex() + " of erasure root " + r.erasureRoot());
            return;
        }
        byte[] segRoot = BinaryMerkle.wellBalancedRoot(segs.get().toArray(new byte[0][]), H);
        Justification j = b.get().justification().append(List.of(new Justification.Step(0, segRoot)));
        s.write(b.get().shard());
        s.write(j.encode());
        s.finish();
    }

    /** CE 147: {@code --> Erasure-Root, FIN; <-- Work-Package Bundle, FIN}. */
    public void serveBundle(Stream s) throws Exception {
        byte[] m = readOne(s);
        Hash root;
        try {
            root = AvailabilityMessages.decodeHash(m, "CE 147 erasure root");
        } catch (CodecException e) {
            throw new ProtocolViolationException(e.getMessage(), e);
        }
        Optional<byte[]> b = store.bundle(root);
        if (b.isEmpty()) {
            s.reset("CE 147: no bundle of erasure root " + root);
            return;
        }
        s.write(b.get());
        s.finish();
    }

    /**
     * CE 139 ({@code justified} false) and CE 140: {@code --> [Erasure-Root ++ Shard Index ++ len++[Segment Index]],
     * FIN; <-- [Segment Shard], (140: Justification per shard), FIN}.
     */
    public void serveSegmentShards(Stream s, boolean justified) throws Exception {
        byte[] m = readOne(s);
        List<SegmentShardRequest> rs;
        try {
            rs = AvailabilityMessages.decodeSegmentShardRequests(m, params);
        } catch (CodecException e) {
            throw new ProtocolViolationException(s.kind() + ": " + e.getMessage(), e);
        }
        List<byte[]> out = new ArrayList<>();
        List<Justification> js = new ArrayList<>();
        for (SegmentShardRequest r : rs) {
            Optional<List<byte[]>> segs = store.segmentShards(r.erasureRoot(), r.shardIndex());
            Optional<AvailabilityStore.BundleShard> b = store.bundleShard(r.erasureRoot(), r.shardIndex());
            if (segs.isEmpty() || (justified && b.isEmpty())) {
                s.reset(s.kind() + ": no segment shards " + r.shardIndex() + " of erasure root " + r.erasureRoot());
                return;
            }
            byte[][] all = segs.get().toArray(new byte[0][]);
            for (int i : r.segmentIndices()) {
                if (i >= all.length) {
                    s.reset(s.kind() + ": segment " + i + " of " + all.length + " under " + r.erasureRoot());
                    return;
                }
                out.add(all[i]);
                if (justified) {
                    List<Justification.Step> more = new ArrayList<>();
                    more.add(new Justification.Step(0, Blake2b256.hash(b.get().shard())));
                    more.addAll(Justification.trace(all, i, 2).steps());
                    js.add(b.get().justification().append(more));
                }
            }
        }
        s.write(AvailabilityMessages.concat(out));
        for (Justification j : js) {
            s.write(j.encode());
        }
        s.finish();
    }

    /** CE 148: {@code --> [Segments-Root ++ len++[Segment Index]], FIN; <-- [Segment], [Import-Proof], FIN}. */
    public void serveSegments(Stream s) throws Exception {
        byte[] m = readOne(s);
        List<SegmentRequest> rs;
        try {
            rs = AvailabilityMessages.decodeSegmentRequests(m);
        } catch (CodecException e) {
            throw new ProtocolViolationException("CE 148: " + e.getMessage(), e);
        }
        List<byte[]> segments = new ArrayList<>();
        List<List<byte[]>> proofs = new ArrayList<>();
        for (SegmentRequest r : rs) {
            Optional<byte[]> ex = store.exports(r.segmentsRoot());
            if (ex.isEmpty()) {
                s.reset("CE 148: no segments under " + r.segmentsRoot());
                return;
            }
            List<byte[]> all = AvailabilityMessages.split(ex.get(), params.segmentSize(), Integer.MAX_VALUE,
                    "stored exports");
            for (int i : r.indices()) {
                if (i >= all.size()) {
                    s.reset("CE 148: segment " + i + " of " + all.size() + " under " + r.segmentsRoot());
                    return;
                }
                segments.add(all.get(i));
                proofs.add(ConstantDepthMerkle.justification(all, i, H));
            }
        }
        s.write(AvailabilityMessages.concat(segments));
        s.write(AvailabilityMessages.encodeImportProofs(proofs));
        s.finish();
    }

    private ShardRequest readRequest(Stream s) throws StreamException {
        byte[] m = readOne(s);
        try {
            return ShardRequest.decode(m, params);
        } catch (CodecException e) {
            throw new ProtocolViolationException(s.kind() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readOne(Stream s) throws StreamException {
        byte[] m = s.read();
        if (m == null) {
            throw new ProtocolViolationException(s.kind() + ": FIN without a request");
        }
        s.readFin();
        return m;
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
        try (Request q = open(peer, CE_137)) {
            Stream s = q.stream;
            s.write(new ShardRequest(erasureRoot, shardIndex).encode());
            s.finish();
            byte[] bundleShard = required(s, "bundle shard");
            List<byte[]> segs = AvailabilityMessages.split(required(s, "segment shards"), segmentShardSize,
                    AvailabilityMessages.MAX_SEGMENT_SHARDS, "CE 137 segment shards");
            Justification j = Justification.decode(required(s, "justification"), segmentShardSize);
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
        try (Request q = open(peer, CE_138)) {
            Stream s = q.stream;
            s.write(new ShardRequest(erasureRoot, shardIndex).encode());
            s.finish();
            byte[] shard = required(s, "bundle shard");
            Justification j = Justification.decode(required(s, "justification"), segmentShardSize);
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
        try (Request q = open(peer, CE_147)) {
            Stream s = q.stream;
            s.write(erasureRoot.bytes());
            s.finish();
            byte[] b = required(s, "bundle");
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
        PeerId me = network.get().map(Network::localId).orElse(null);
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

    @Override
    public List<byte[]> segments(Hash erasureRoot, Hash segmentRoot, int[] indices) throws AvailabilityException {
        Optional<byte[]> local = store.exports(segmentRoot);
        if (local.isPresent()) {
            List<byte[]> all = AvailabilityMessages.split(local.get(), params.segmentSize(), Integer.MAX_VALUE,
                    "stored exports");
            List<byte[]> out = new ArrayList<>();
            for (int i : indices) {
                if (i >= all.size()) {
                    throw new AvailabilityException("segment " + i + " of " + all.size() + " under " + segmentRoot);
                }
                out.add(all.get(i));
            }
            return out;
        }
        List<String> failures = new ArrayList<>();
        for (PeerId p : candidates(erasureRoot)) {
            try {
                return fetchSegments(p, segmentRoot, indices);
            } catch (AvailabilityException e) {
                failures.add(e.getMessage());
            }
        }
        throw new AvailabilityException("no peer served segments " + Arrays.toString(indices) + " under "
                + segmentRoot + ": " + failures);
    }

    /** CE 148 from {@code peer}, each segment checked with its import proof against {@code segmentRoot}. */
    public List<byte[]> fetchSegments(PeerId peer, Hash segmentRoot, int[] indices) throws AvailabilityException {
        if (indices.length > AvailabilityMessages.MAX_SEGMENTS) {
            throw new AvailabilityException(indices.length + " segments in one CE 148 request, at most "
                    + AvailabilityMessages.MAX_SEGMENTS);
        }
        try (Request q = open(peer, CE_148)) {
            Stream s = q.stream;
            s.write(AvailabilityMessages.encodeSegmentRequests(List.of(new SegmentRequest(segmentRoot, indices))));
            s.finish();
            List<byte[]> segs = AvailabilityMessages.split(required(s, "segments"), params.segmentSize(),
                    indices.length, "CE 148 segments");
            List<List<byte[]>> proofs = AvailabilityMessages.decodeImportProofs(required(s, "import proofs"),
                    indices.length);
            s.readFin();
            if (segs.size() != indices.length || proofs.size() != indices.length) {
                throw new AvailabilityException("CE 148 from " + peer + ": " + segs.size() + " segments and "
                        + proofs.size() + " proofs for " + indices.length + " indices");
            }
            for (int k = 0; k < indices.length; k++) {
                byte[] root = ImportProofs.root(segs.get(k), indices[k], proofs.get(k));
                if (!Arrays.equals(root, segmentRoot.bytes())) {
                    throw new AvailabilityException("CE 148 from " + peer + ": segment " + indices[k]
                            + " and its import proof do not give segment root " + segmentRoot);
                }
            }
            return segs;
        } catch (StreamException | CodecException e) {
            throw new AvailabilityException("CE 148 from " + peer + ": " + e.getMessage(), e);
        }
    }

    private List<PeerId> candidates(Hash erasureRoot) {
        PeerId me = network.get().map(Network::localId).orElse(null);
        LinkedHashSet<PeerId> out = new LinkedHashSet<>(peers.guarantors(erasureRoot));
        out.addAll(peers.validators());
        out.remove(me);
        return new ArrayList<>(out);
    }

    private static byte[] required(Stream s, String what) throws StreamException {
        byte[] m = s.read();
        if (m == null) {
            throw new ProtocolViolationException(s.kind() + ": FIN instead of the " + what);
        }
        return m;
    }

    /** An opened request stream, reset on close unless it finished cleanly. */
    private final class Request implements AutoCloseable {
        final Stream stream;

        Request(Stream stream) {
            this.stream = stream;
        }

        @Override
        public void close() {
            if (stream.isOpen()) {
                stream.reset("request abandoned");
            }
        }
    }

    private Request open(PeerId peer, StreamKind kind) throws AvailabilityException {
        Network n = network.get().orElseThrow(() -> new AvailabilityException("the network is not running"));
        try {
            return new Request(n.openStream(peer, kind).toCompletableFuture().get(OPEN_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AvailabilityException(kind + " to " + peer + ": interrupted", e);
        } catch (Exception e) {
            throw new AvailabilityException(kind + " to " + peer + ": cannot open a stream: " + e, e);
        }
    }
}
