package io.jamboree.availability.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.ImportedSegment;
import io.jamboree.availability.internal.AvailabilityMessages.SegmentRequest;
import io.jamboree.codec.CodecException;
import io.jamboree.core.ChainParams;
import io.jamboree.merkle.ConstantDepthMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A guarantor's access to exported segments (GP 0.7.2 §14.3, eq. 14.14): this node's own exports, else
 * {@link SegmentReconstruction} from the assurers' segment shards (CE 140), else the exporting package's guarantors
 * (CE 148, each segment's import proof checked against the segment root). Thread-safe.
 */
public final class ExportedSegments {
    private static final Logger LOG = LoggerFactory.getLogger(ExportedSegments.class);
    private static final HashFunction H = HashFunction.BLAKE2B_256;

    private final ChainParams params;
    private final AvailabilityStore store;
    private final ShardRequests requests;
    private final ShardService.Peers peers;
    private final SegmentReconstruction reconstruction;

    ExportedSegments(ChainParams params, AvailabilityStore store, ShardRequests requests, ShardService.Peers peers,
            SegmentReconstruction reconstruction) {
        this.params = Objects.requireNonNull(params);
        this.store = Objects.requireNonNull(store);
        this.requests = Objects.requireNonNull(requests);
        this.peers = Objects.requireNonNull(peers);
        this.reconstruction = Objects.requireNonNull(reconstruction);
    }

    /**
     * The imported segments of {@code spec}: from this node's store when it published the package, else reconstructed
     * from the assurers' segment shards (CE 140), else from the package's guarantors (CE 148); each checked against
     * the segment root.
     */
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

    /** CE 148 from {@code peer}, each segment checked with its import proof against {@code segmentRoot}. */
    public List<ImportedSegment> fetchSegments(PeerId peer, Hash segmentRoot, int[] indices)
            throws AvailabilityException {
        if (indices.length > AvailabilityMessages.MAX_SEGMENTS) {
            throw new AvailabilityException(indices.length + " segments in one CE 148 request, at most "
                    + AvailabilityMessages.MAX_SEGMENTS);
        }
        try (ShardRequests.Request q = requests.open(peer, ShardService.CE_148)) {
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
}
