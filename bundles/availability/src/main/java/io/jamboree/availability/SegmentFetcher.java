package io.jamboree.availability;

import io.jamboree.types.Hash;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A guarantor's access to the segments a work package imports (GP 0.7.2 §14.3, eq. 14.14): the exported segments of
 * an earlier package, fetched from assurers (JAMNP-S CE 139/140) and reconstructed, each checked against its
 * segment root with its justification.
 */
@ProviderType
public interface SegmentFetcher {
    /**
     * The segments at {@code indices} of the package whose availability specifier has {@code erasureRoot} and
     * {@code segmentRoot}, in the order of {@code indices}, each {@code W_G} octets.
     *
     * @throws AvailabilityException if a segment cannot be had or does not check
     */
    List<byte[]> segments(Hash erasureRoot, Hash segmentRoot, int[] indices) throws AvailabilityException;
}
