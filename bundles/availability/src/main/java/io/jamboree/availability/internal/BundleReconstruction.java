package io.jamboree.availability.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.internal.AvailabilityMessages.ShardRequest;
import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.erasure.ErasureCodingException;
import io.jamboree.merkle.HashFunction;
import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auditor's access to a bundle (GP 0.7.2 §14.4.1, §17.3; Appendix H): CE 147 from the report's guarantors, else
 * reconstructed from {@code W_E/2} audit shards (CE 138), each justified against the erasure root; either way the
 * bundle's length, package hash and chunks are checked before it is returned. Thread-safe.
 */
public final class BundleReconstruction {
    private static final Logger LOG = LoggerFactory.getLogger(BundleReconstruction.class);
    private static final HashFunction H = HashFunction.BLAKE2B_256;

    private final ChainParams params;
    private final AvailabilitySpecifier specifier;
    private final AvailabilityStore store;
    private final ShardRequests requests;
    private final ShardService.Peers peers;
    private final int segmentShardSize;

    BundleReconstruction(ChainParams params, AvailabilitySpecifier specifier, AvailabilityStore store,
            ShardRequests requests, ShardService.Peers peers) {
        this.params = Objects.requireNonNull(params);
        this.specifier = Objects.requireNonNull(specifier);
        this.store = Objects.requireNonNull(store);
        this.requests = Objects.requireNonNull(requests);
        this.peers = Objects.requireNonNull(peers);
        this.segmentShardSize = 2 * params.segmentEcPieces();
    }

    /** A CE 138 audit shard, checked against the erasure root; {@code bundleShard} is its chunk. */
    public byte[] fetchAuditShard(PeerId peer, Hash erasureRoot, int shardIndex) throws AvailabilityException {
        try (ShardRequests.Request q = requests.open(peer, ShardService.CE_138)) {
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
        try (ShardRequests.Request q = requests.open(peer, ShardService.CE_147)) {
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
                int shard = ShardService.shardIndex(params, core, v);
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
}
