package io.jamboree.availability.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.ImportedSegment;
import io.jamboree.availability.internal.AvailabilityMessages.SegmentShardRequest;
import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.merkle.BinaryMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.network.StreamKind;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Reconstruction of imported segments from the D³L (GP 0.7.2 §14.3, eq. 14.14; Appendix H): validator {@code v}
 * holds segment-shard index {@code (c·R + v) mod V} of a report of core {@code c} (JAMNP-S "Shard assignment"); from
 * {@code W_E/2} of them (this node's own, else asked of the assurers over CE 140, each shard's justification checked
 * up to the erasure root) each wanted segment and the paged proof of its page (eq. 14.10, exported after the
 * segments) are rebuilt; the segment's justification {@code J_0} is the page's path {@code J_6} followed by the path
 * inside the page, and must give the segment root. Thread-safe.
 */
public final class SegmentReconstruction {
    /** CE 140: segment shard request, with justification. */
    public static final StreamKind CE_140 = StreamKind.of(140);
    private static final HashFunction H = HashFunction.BLAKE2B_256;
    private static final int PAGE_BITS = 6;

    private final ChainParams params;
    private final AvailabilitySpecifier specifier;
    private final AvailabilityStore store;
    private final ShardRequests requests;
    private final Supplier<List<PeerId>> validators;
    private final int shardSize;

    SegmentReconstruction(ChainParams params, AvailabilitySpecifier specifier, AvailabilityStore store,
            ShardRequests requests, Supplier<List<PeerId>> validators) {
        this.params = Objects.requireNonNull(params);
        this.specifier = Objects.requireNonNull(specifier);
        this.store = Objects.requireNonNull(store);
        this.requests = Objects.requireNonNull(requests);
        this.validators = Objects.requireNonNull(validators);
        this.shardSize = 2 * params.segmentEcPieces();
    }

    /** The number of segment shards per shard index: the exports and their paged proofs. */
    static int shardCount(AvailabilitySpec spec) {
        int n = spec.exportsCount();
        return n + (n + AvailabilitySpecifier.PAGE_SIZE - 1) / AvailabilitySpecifier.PAGE_SIZE;
    }

    /**
     * The segments at {@code indices} of {@code spec} (a report of {@code core}), reconstructed and checked.
     *
     * @throws AvailabilityException when fewer than {@code W_E/2} checked shards can be had or a segment does not give
     *                               the segment root
     */
    public List<ImportedSegment> segments(AvailabilitySpec spec, int core, int[] indices) throws AvailabilityException {
        int n = spec.exportsCount();
        TreeSet<Integer> wanted = new TreeSet<>();
        for (int i : indices) {
            if (i < 0 || i >= n) {
                throw new AvailabilityException("segment " + i + " of a package exporting " + n);
            }
            wanted.add(i);
            wanted.add(n + (i >>> PAGE_BITS));
        }
        int[] want = wanted.stream().mapToInt(Integer::intValue).toArray();
        Collected c = collect(spec, core, want);
        byte[][] rebuilt = new byte[want.length][];
        try {
            for (int w = 0; w < want.length; w++) {
                rebuilt[w] = specifier.reconstructSegment(params, c.shardIndices(), c.shards()[w]);
            }
        } catch (IllegalArgumentException e) { // ErasureCodingException among them
            throw new AvailabilityException("cannot reconstruct the segments of " + spec.hash() + ": "
                    + e.getMessage(), e);
        }
        List<ImportedSegment> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            byte[] segment = rebuilt[Arrays.binarySearch(want, i)];
            byte[] page = rebuilt[Arrays.binarySearch(want, n + (i >>> PAGE_BITS))];
            List<byte[]> proof = proof(page, i, n);
            byte[] root = ImportProofs.root(segment, i, proof);
            if (root == null || !Arrays.equals(root, spec.exportsRoot().bytes())) {
                throw new AvailabilityException("the reconstructed segment " + i + " of " + spec.hash()
                        + " and its paged proof do not give the segment root " + spec.exportsRoot());
            }
            out.add(new ImportedSegment(segment, proof));
        }
        return out;
    }

    /** The shard indices used and, per wanted segment, the shards at those indices. */
    private record Collected(int[] shardIndices, byte[][][] shards) {}

    /**
     * {@code W_E/2} shard indices' segment shards of the wanted segments: this node's own first, then CE 140 asked of
     * every other validator at once, the first that check used.
     */
    private Collected collect(AvailabilitySpec spec, int core, int[] want) throws AvailabilityException {
        Hash root = spec.erasureRoot();
        int need = params.ecPieceSize() / 2;
        int count = shardCount(spec);
        List<PeerId> vs = validators.get();
        PeerId me = requests.localId();
        List<Integer> idx = new ArrayList<>();
        List<byte[][]> got = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // not closed with try-with-resources: close() would wait for the requests no longer needed
        ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<Object[]> cs = new ExecutorCompletionService<>(ex);
            int asked = 0;
            for (int v = 0; v < vs.size() && idx.size() < need; v++) {
                int shard = ShardService.shardIndex(params, core, v);
                Optional<List<byte[]>> held = store.segmentShards(root, shard);
                if (held.isPresent() && held.get().size() == count) {
                    byte[][] mine = new byte[want.length][];
                    for (int w = 0; w < want.length; w++) {
                        mine[w] = held.get().get(want[w]);
                    }
                    idx.add(shard);
                    got.add(mine);
                    continue;
                }
                PeerId p = vs.get(v);
                if (p.equals(me)) {
                    continue;
                }
                cs.submit(() -> {
                    try {
                        return new Object[] {shard, fetch(p, spec, shard, want)};
                    } catch (AvailabilityException e) {
                        return new Object[] {shard, e.getMessage()};
                    }
                });
                asked++;
            }
            for (int k = 0; k < asked && idx.size() < need; k++) {
                Object[] r = cs.take().get();
                if (r[1] instanceof byte[][] s && !idx.contains((Integer) r[0])) {
                    idx.add((Integer) r[0]);
                    got.add(s);
                } else if (r[1] instanceof String why) {
                    failures.add(why);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AvailabilityException("interrupted while fetching segment shards", e);
        } catch (ExecutionException e) {
            throw new AvailabilityException("fetching segment shards failed: " + e.getCause(), e);
        } finally {
            ex.shutdownNow();
        }
        if (idx.size() < need) {
            throw new AvailabilityException("only " + idx.size() + " of the " + need + " segment shards needed to "
                    + "reconstruct segments of " + spec.hash() + " could be had: " + failures);
        }
        int[] shardIndices = new int[need];
        byte[][][] shards = new byte[want.length][need][];
        for (int k = 0; k < need; k++) {
            shardIndices[k] = idx.get(k);
            for (int w = 0; w < want.length; w++) {
                shards[w][k] = got.get(k)[w];
            }
        }
        return new Collected(shardIndices, shards);
    }

    /**
     * CE 140 from {@code peer}: the segment shards {@code want} of shard index {@code shard}, each with its
     * justification checked up to the erasure root.
     */
    byte[][] fetch(PeerId peer, AvailabilitySpec spec, int shard, int[] want) throws AvailabilityException {
        Hash root = spec.erasureRoot();
        try (ShardRequests.Request q = requests.open(peer, CE_140)) {
            Stream s = q.stream;
            s.write(AvailabilityMessages.encodeSegmentShardRequests(List.of(new SegmentShardRequest(root, shard,
                    want))));
            s.finish();
            List<byte[]> segs = AvailabilityMessages.split(ShardRequests.required(s, "segment shards"), shardSize,
                    want.length, "CE 140 segment shards");
            if (segs.size() != want.length) {
                throw new AvailabilityException("CE 140 from " + peer + ": " + segs.size() + " segment shards for "
                        + want.length + " asked");
            }
            byte[][] out = new byte[want.length][];
            for (int w = 0; w < want.length; w++) {
                Justification j = Justification.decode(ShardRequests.required(s, "justification"), shardSize);
                Optional<String> bad = check(root, shard, want[w], shardCount(spec), segs.get(w), j);
                if (bad.isPresent()) {
                    throw new AvailabilityException("CE 140 from " + peer + ": bad segment shard: " + bad.get());
                }
                out[w] = segs.get(w);
            }
            s.readFin();
            return out;
        } catch (StreamException | CodecException e) {
            throw new AvailabilityException("CE 140 from " + peer + " for shard " + shard + " of " + root + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Why a CE 140 segment shard does not check, or empty if it does: its justification is the bundle shard's path to
     * the erasure root, then {@code b♣} (the bundle shard's hash), then the path from the shard index's segment-shard
     * root {@code M_B(s♣)} down to segment {@code segment} of {@code count}; together with the shard they must give
     * the erasure root at {@code shard}.
     */
    Optional<String> check(Hash erasureRoot, int shard, int segment, int count, byte[] segmentShard,
            Justification j) {
        int top = Justification.depth(shard, params.validatorsCount());
        int inner = Justification.depth(segment, count);
        if (j.steps().size() != top + 1 + inner || j.steps().get(top).kind() != 0) {
            return Optional.of("justification of " + j.steps().size() + " steps, expected " + (top + 1 + inner));
        }
        byte[] segRoot = new Justification(j.steps().subList(top + 1, j.steps().size())).root(segmentShard, segment,
                count);
        if (segRoot == null) {
            return Optional.of("segment " + segment + " of " + count + " does not fit its justification");
        }
        byte[] leaf = new byte[64];
        System.arraycopy(j.steps().get(top).value(), 0, leaf, 0, 32);
        System.arraycopy(segRoot, 0, leaf, 32, 32);
        byte[] root = j.prefix(top).root(leaf, shard, params.validatorsCount());
        if (!Arrays.equals(root, erasureRoot.bytes())) {
            return Optional.of("segment shard " + segment + " of shard " + shard + " and its justification give root "
                    + new Hash(root) + ", not the erasure root " + erasureRoot);
        }
        return Optional.empty();
    }

    /**
     * {@code J_0(s, i)} from the paged proof of segment {@code i}'s page ({@code E(↕J_6, ↕L_6)}, eq. 14.10): the
     * page's path, then the path inside the page's {@code 2^min(6, d)} leaves (missing leaves are zero hashes).
     */
    static List<byte[]> proof(byte[] page, int i, int exports) throws AvailabilityException {
        try {
            Decoder d = new Decoder(page);
            int pathLength = d.length(32, "paged-proof path");
            List<byte[]> path = new ArrayList<>(pathLength);
            for (int k = 0; k < pathLength; k++) {
                path.add(d.bytes(32, "paged-proof path hash"));
            }
            int leaves = d.length(32, "paged-proof leaves");
            int depth = exports <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(exports - 1);
            int bits = Math.min(PAGE_BITS, depth);
            byte[][] pageLeaves = new byte[1 << bits][];
            for (int k = 0; k < pageLeaves.length; k++) {
                pageLeaves[k] = k < leaves ? d.bytes(32, "paged-proof leaf") : new byte[32];
            }
            List<byte[]> out = new ArrayList<>(path);
            if (bits > 0) {
                out.addAll(BinaryMerkle.trace(pageLeaves, i & ((1 << bits) - 1), H));
            }
            return out;
        } catch (CodecException | IllegalArgumentException e) {
            throw new AvailabilityException("a paged proof does not decode: " + e.getMessage(), e);
        }
    }
}
