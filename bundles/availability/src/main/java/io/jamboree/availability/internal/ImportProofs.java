package io.jamboree.availability.internal;

import io.jamboree.availability.ImportedSegment;
import java.util.List;

/**
 * Import proofs (JAMNP-S CE 148, GP 0.7.2 §14.3 and Appendix E.1.2): the constant-depth Merkle path {@code J_0} from
 * the segment root down to one exported segment; checking one gives the root back from the segment.
 */
public final class ImportProofs {
    private ImportProofs() {}

    /**
     * The constant-depth root {@code M} that {@code segment} at {@code index} and its path (top first) give, or
     * {@code null} if {@code index} does not fit a tree of that depth.
     */
    public static byte[] root(byte[] segment, int index, List<byte[]> path) {
        return new ImportedSegment(segment, path).root(index);
    }
}
