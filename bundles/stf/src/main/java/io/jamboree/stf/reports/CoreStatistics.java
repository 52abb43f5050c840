package io.jamboree.stf.reports;

import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.RefineLoad;
import io.jamboree.types.ServiceActivityRecord;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkReport;

/**
 * The refinement part of core and service activity statistics (GP §13.2): the functions {@code R(c)},
 * {@code L(c)} and {@code R(s)} over the incoming reports {@code I}.
 * <p>
 * The GP recomputes {@code π_C} and {@code π_S} afresh every block; the reports vectors carry them as a state
 * subset, so here the incoming contributions are added to the given records (a zeroed record per block
 * gives the GP's value).
 */
public final class CoreStatistics {

    private CoreStatistics() {}

    /** Adds {@code R(c)} and {@code L(c)} contributions of report {@code r} to core record {@code c}. */
    public static CoreActivityRecord addReport(CoreActivityRecord c, WorkReport r) {
        long imports = c.imports();
        long xc = c.extrinsicCount();
        long xs = c.extrinsicSize();
        long ex = c.exports();
        long gas = c.gasUsed();
        for (int i = 0; i < r.results().size(); i++) {
            RefineLoad l = r.results().get(i).refineLoad();
            imports += l.imports();
            xc += l.extrinsicCount();
            xs += l.extrinsicSize();
            ex += l.exports();
            gas += l.gasUsed();
        }
        return new CoreActivityRecord(c.daLoad(), c.popularity(), imports, xc, xs, ex,
                c.bundleSize() + r.packageSpec().length(), gas);
    }

    /** Adds one digest's {@code R(s)} contribution to service record {@code a}. */
    public static ServiceActivityRecord addRefinement(ServiceActivityRecord a, WorkDigest d) {
        RefineLoad l = d.refineLoad();
        return new ServiceActivityRecord(a.providedCount(), a.providedSize(), a.refinementCount() + 1,
                a.refinementGasUsed() + l.gasUsed(), a.imports() + l.imports(),
                a.extrinsicCount() + l.extrinsicCount(), a.extrinsicSize() + l.extrinsicSize(),
                a.exports() + l.exports(), a.accumulateCount(), a.accumulateGasUsed());
    }
}
