package io.jamboree.availability;

import io.jamboree.types.AvailabilitySpec;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A guarantor's access to the segments a work package imports (GP 0.7.2 §14.3, eq. 14.14; Appendix H): the exported
 * segments of an earlier package, from this node's own store, else reconstructed from the segment shards of at least
 * {@code W_E/2} assurers (JAMNP-S CE 140, each shard justified against the erasure root), else from the exporting
 * package's guarantors (CE 148); each segment checked against the segment root with its justification.
 */
@ProviderType
public interface SegmentFetcher {
    /**
     * The segments at {@code indices} of the package with availability specifier {@code spec}, reported on
     * {@code core} (which says which validator holds which shard), in the order of {@code indices}, each with its
     * justification {@code J_0}.
     *
     * @throws AvailabilityException if a segment cannot be had or does not check (the message says why)
     */
    List<ImportedSegment> segments(AvailabilitySpec spec, int core, int[] indices) throws AvailabilityException;
}
