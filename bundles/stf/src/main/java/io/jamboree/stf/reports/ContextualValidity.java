package io.jamboree.stf.reports;

import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.BlockInfo;
import io.jamboree.types.Hash;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ReportedWorkPackage;
import io.jamboree.types.SegmentRootLookupItem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contextual validity of reports across the whole guarantees extrinsic (GP §11.4.1): no duplicate work-packages
 * in the extrinsic or the pipeline, prerequisites known, segment-root lookups known and correct.
 */
final class ContextualValidity {

    private ContextualValidity() {}

    /** The first violation, or {@code null} when the extrinsic is contextually valid. */
    static ReportsError check(List<ReportGuarantee> gs, List<Hash> knownPackages, RecentBlocks recentBlocks) {
        // GP §11.4.1: no duplicate packages within the extrinsic
        Map<Hash, Hash> extrinsicRoots = new HashMap<>();
        for (int gi = 0; gi < gs.size(); gi++) {
            AvailabilitySpec spec = gs.get(gi).report().packageSpec();
            if (extrinsicRoots.put(spec.hash(), spec.exportsRoot()) != null) {
                return ReportsError.DUPLICATE_PACKAGE;
            }
        }
        // GP §11.4.1: nor anywhere in the pipeline (recent history, ξ, ω, ρ: the input's known packages)
        Map<Hash, Hash> historyRoots = new HashMap<>();
        List<BlockInfo> history = recentBlocks.history();
        for (int hi = 0; hi < history.size(); hi++) {
            List<ReportedWorkPackage> rep = history.get(hi).reported();
            for (int k = 0; k < rep.size(); k++) {
                historyRoots.put(rep.get(k).hash(), rep.get(k).exportsRoot());
            }
        }
        Set<Hash> known = new HashSet<>(knownPackages);
        for (Hash h : extrinsicRoots.keySet()) {
            if (known.contains(h) || historyRoots.containsKey(h)) {
                return ReportsError.DUPLICATE_PACKAGE;
            }
        }
        // GP §11.4.1: prerequisites in the extrinsic or recent history
        for (int gi = 0; gi < gs.size(); gi++) {
            List<Hash> pre = gs.get(gi).report().context().prerequisites();
            for (int k = 0; k < pre.size(); k++) {
                if (!extrinsicRoots.containsKey(pre.get(k)) && !historyRoots.containsKey(pre.get(k))) {
                    return ReportsError.DEPENDENCY_MISSING;
                }
            }
        }
        // GP §11.4.1: segment-root lookups known and correct. The GP counts a lookup key missing everywhere as a
        // missing dependency; the vectors (segment_root_lookup_invalid-1) report it as an invalid lookup.
        for (int gi = 0; gi < gs.size(); gi++) {
            List<SegmentRootLookupItem> srl = gs.get(gi).report().segmentRootLookup();
            for (int k = 0; k < srl.size(); k++) {
                Hash root = extrinsicRoots.get(srl.get(k).workPackageHash());
                if (root == null) {
                    root = historyRoots.get(srl.get(k).workPackageHash());
                }
                if (root == null || !root.equals(srl.get(k).segmentTreeRoot())) {
                    return ReportsError.SEGMENT_ROOT_LOOKUP_INVALID;
                }
            }
        }
        return null;
    }
}
