package io.jamboree.availability.internal;

import io.jamboree.availability.internal.AvailabilityMessages.SegmentRequest;
import io.jamboree.availability.internal.AvailabilityMessages.SegmentShardRequest;
import io.jamboree.availability.internal.AvailabilityMessages.ShardRequest;
import io.jamboree.codec.CodecException;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.BinaryMerkle;
import io.jamboree.merkle.ConstantDepthMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The serving side of the shard protocols (JAMNP-S CE 137 shard distribution, CE 138 audit shards, CE 139/140
 * segment shards, CE 147 bundles, CE 148 segments) over the {@link AvailabilityStore}: a request for data this node
 * does not hold resets the stream with the reason; a malformed request is a protocol violation. Thread-safe.
 */
public final class ShardServer {
    private static final HashFunction H = HashFunction.BLAKE2B_256;

    private final ChainParams params;
    private final AvailabilityStore store;

    public ShardServer(ChainParams params, AvailabilityStore store) {
        this.params = Objects.requireNonNull(params);
        this.store = Objects.requireNonNull(store);
    }

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
}
