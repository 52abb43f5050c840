package io.jamboree.accumulate.internal;

import io.jamboree.types.AccumulationOutput;
import io.jamboree.types.DeferredTransfer;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Outer accumulation Δ+ (GP 0.7.2 §12.2, eq. 12.16): rounds of Δ* over the longest prefix of the
 * remaining reports whose digest gas fits the remaining limit, feeding each round's deferred transfers
 * (and their gas) to the next round, until no transfers, reports or free accumulations remain.
 */
final class OuterAccumulation {
    private OuterAccumulation() {}

    /** (n, b, u) of Δ+; the partial state is transformed in place. */
    record Result(int accumulated, List<AccumulationOutput> outputs, List<long[]> gasUsed) {}

    static Result accumulate(AccumulationContext ctx, long gasLimit, List<WorkReport> reports, PartialState e,
            Map<Long, Long> free) {
        long g = gasLimit;
        List<DeferredTransfer> t = List.of();
        List<WorkReport> r = reports;
        Map<Long, Long> f = free;
        int n = 0;
        List<AccumulationOutput> b = new ArrayList<>();
        List<long[]> u = new ArrayList<>();
        while (true) {
            int i = prefix(r, g);
            if (t.size() + i + f.size() == 0) break;
            long gStar = g;
            for (DeferredTransfer x : t) gStar = SingleServiceAccumulation.saturatingAdd(gStar, x.gas());
            ParallelAccumulation.Round round = ParallelAccumulation.accumulate(ctx, e, t, r.subList(0, i), f);
            n += i;
            b.addAll(round.outputs());
            u.addAll(round.gasUsed());
            long used = 0;
            for (long[] x : round.gasUsed()) used = SingleServiceAccumulation.saturatingAdd(used, x[1]);
            g = gStar - used;
            t = round.transfers();
            r = r.subList(i, r.size());
            f = Map.of();
        }
        return new Result(n, b, u);
    }

    /** i = max i ≤ |r| such that the digests of r[..i] need at most g gas. */
    static int prefix(List<WorkReport> r, long g) {
        long sum = 0;
        int i = 0;
        for (WorkReport w : r) {
            for (WorkDigest d : w.results()) sum = SingleServiceAccumulation.saturatingAdd(sum, d.accumulateGas());
            if (Long.compareUnsigned(sum, g) > 0 || g < 0) break;
            i++;
        }
        return i;
    }
}
