package io.jamboree.audit.internal;

import io.jamboree.availability.ImportedSegment;
import io.jamboree.guarantor.WorkPackageBundle;
import io.jamboree.guarantor.WorkPackageImports;
import io.jamboree.types.Hash;
import io.jamboree.types.ImportSpec;
import io.jamboree.types.SegmentRootLookupItem;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The imports of an audit bundle (GP 0.7.2 §14.4.1 eq. 14.16, the terms S and J; §17.3): each imported segment must
 * be given with a justification {@code J_0} that leads from it to the segment root its import spec names, the root
 * itself for an import by segment root, or the report's segment-root lookup {@code l} (eq. 14.12) entry for an import by
 * work-package hash {@code h^⊞}. An auditor needs nothing but the bundle and the report: the segments travel in the
 * bundle, and the lookup's entries are bound to real packages by the reports transition (§11.4), so a bundle whose
 * segments do not check is a bad bundle and its report invalid.
 */
final class BundleImports {
    private BundleImports() {}

    /** Why the bundle's imports do not check against the report, or empty if they do. */
    static Optional<String> check(WorkPackageBundle b, WorkReport report) {
        var items = b.pkg().items();
        for (int j = 0; j < items.size(); j++) {
            List<ImportSpec> specs = items.get(j).importSegments();
            List<ImportedSegment> given = j < b.imports().size() ? b.imports().get(j) : List.of();
            if (given.size() != specs.size()) {
                return Optional.of("the bundle carries " + given.size() + " segment(s) for item " + j + ", which imports "
                        + specs.size());
            }
            for (int k = 0; k < specs.size(); k++) {
                ImportSpec s = specs.get(k);
                Hash root = s.isWorkPackageHash() ? lookup(report, s.treeRoot()) : s.treeRoot();
                if (root == null) {
                    return Optional.of("import " + k + " of item " + j + " names package " + s.treeRoot()
                            + ", which the report's segment-root lookup does not hold");
                }
                byte[] got = given.get(k).root(s.segmentIndex());
                if (got == null || !Arrays.equals(got, root.bytes())) {
                    return Optional.of("imported segment " + k + " of item " + j + " and its justification do not give"
                            + " the segment root " + root);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The imports for Ξ: the bundle's segments, and of the report's lookup the entries the package's imports use (so
     * that a report with other entries than Ξ gives differs from the re-execution). Call after {@link #check}.
     */
    static WorkPackageImports of(WorkPackageBundle b, WorkReport report) {
        Set<Hash> used = new HashSet<>();
        for (var w : b.pkg().items()) {
            for (ImportSpec s : w.importSegments()) {
                if (s.isWorkPackageHash()) {
                    used.add(s.treeRoot());
                }
            }
        }
        List<SegmentRootLookupItem> lookup = new ArrayList<>();
        for (SegmentRootLookupItem l : report.segmentRootLookup()) {
            if (used.contains(l.workPackageHash())) {
                lookup.add(l);
            }
        }
        return new WorkPackageImports(b.imports(), lookup);
    }

    private static Hash lookup(WorkReport report, Hash packageHash) {
        for (SegmentRootLookupItem l : report.segmentRootLookup()) {
            if (l.workPackageHash().equals(packageHash)) {
                return l.segmentTreeRoot();
            }
        }
        return null;
    }
}
