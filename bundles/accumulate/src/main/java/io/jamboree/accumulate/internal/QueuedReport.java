package io.jamboree.accumulate.internal;

import io.jamboree.types.Hash;
import io.jamboree.types.ReadyRecord;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A work report with its unaccumulated dependencies, an element of (R, {H}) in ω (GP 0.7.2 §12.1,
 * eq. 12.3), with the report's work-package hash kept at hand.
 */
record QueuedReport(WorkReport report, Hash packageHash, Set<Hash> dependencies) {

    static QueuedReport of(ReadyRecord r) {
        return new QueuedReport(r.report(), r.report().packageSpec().hash(), Set.copyOf(r.dependencies()));
    }

    /** The state form, dependencies as a sorted sequence (a set, GP C.1.6). */
    ReadyRecord toRecord() {
        List<Hash> deps = new ArrayList<>(dependencies);
        Collections.sort(deps);
        return new ReadyRecord(report, deps);
    }
}
