package io.jamboree.accumulate.internal;

import io.jamboree.types.Hash;
import io.jamboree.types.SegmentRootLookupItem;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The queueing functions of accumulation (GP 0.7.2 §12.1): D (a report with its dependencies),
 * the queue-editing function E, the priority-queue function Q and the package-hash function P.
 */
final class AccumulationQueue {
    private AccumulationQueue() {}

    /** Whether a report has no prerequisites and no segment-root lookups (R^!, eq. 12.4). */
    static boolean immediate(WorkReport r) {
        return r.context().prerequisites().isEmpty() && r.segmentRootLookup().isEmpty();
    }

    /** D(r) = (r, {prerequisites} ∪ keys(segment-root lookup)) (eq. 12.5). */
    static QueuedReport withDependencies(WorkReport r) {
        Set<Hash> deps = new HashSet<>(r.context().prerequisites());
        for (SegmentRootLookupItem l : r.segmentRootLookup()) deps.add(l.workPackageHash());
        return new QueuedReport(r, r.packageSpec().hash(), deps);
    }

    /**
     * E(r, x) (eq. 12.6): drops entries whose package hash is in x and removes x from the remaining
     * dependency sets.
     */
    static List<QueuedReport> edit(List<QueuedReport> r, Set<Hash> x) {
        List<QueuedReport> out = new ArrayList<>(r.size());
        for (QueuedReport q : r) {
            if (x.contains(q.packageHash())) continue;
            Set<Hash> deps = q.dependencies();
            boolean touched = false;
            for (Hash h : deps) {
                if (x.contains(h)) {
                    touched = true;
                    break;
                }
            }
            if (touched) {
                Set<Hash> d = new HashSet<>(deps);
                d.removeAll(x);
                out.add(new QueuedReport(q.report(), q.packageHash(), d));
            } else {
                out.add(q);
            }
        }
        return out;
    }

    /** Q(r) (eq. 12.7): repeatedly takes the reports without dependencies, in order. */
    static List<WorkReport> accumulatable(List<QueuedReport> r) {
        List<WorkReport> out = new ArrayList<>();
        while (true) {
            List<WorkReport> g = new ArrayList<>();
            for (QueuedReport q : r) {
                if (q.dependencies().isEmpty()) g.add(q.report());
            }
            if (g.isEmpty()) return out;
            out.addAll(g);
            r = edit(r, packageHashes(g));
        }
    }

    /** P(r) (eq. 12.8): the work-package hashes of the reports. */
    static Set<Hash> packageHashes(List<WorkReport> reports) {
        Set<Hash> out = new HashSet<>();
        for (WorkReport w : reports) out.add(w.packageSpec().hash());
        return out;
    }
}
