package io.jamboree.guarantor;

import io.jamboree.availability.ImportedSegment;
import io.jamboree.types.SegmentRootLookupItem;
import java.util.List;

/**
 * What a work package imports, as the guarantor has fetched it (GP 0.7.2 §14.3–14.4): for each work item, the
 * segments its import specs name with their justifications {@code J_0} (the terms S and J of eq. 14.16), and the
 * segment-root lookup dictionary {@code l} of the work report (eq. 14.12), mapping each work-package hash named by an
 * import ({@code h^⊞}) to that package's segment root.
 *
 * @param segments per work item, its imported segments in the order of its import specs
 * @param lookup   the report's segment-root lookup entries, ordered by work-package hash
 */
public record WorkPackageImports(List<List<ImportedSegment>> segments, List<SegmentRootLookupItem> lookup) {
    /** A package without imports. */
    public static final WorkPackageImports NONE = new WorkPackageImports(List.of(), List.of());

    public WorkPackageImports {
        segments = segments.stream().map(List::copyOf).toList();
        lookup = List.copyOf(lookup);
    }

    /** Whether no item imports anything. */
    public boolean isEmpty() {
        return segments.stream().allMatch(List::isEmpty);
    }
}
