package io.jamboree.stf.statistics;

import io.jamboree.core.ChainParams;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.Preimage;
import io.jamboree.types.RefineLoad;
import io.jamboree.types.ServiceActivityRecord;
import io.jamboree.types.ServiceStatisticsEntry;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Core and service activity statistics {@code π_C'} and {@code π_S'} (GP §13.2), recomputed afresh each block
 * from the incoming reports {@code I} (GP eq:incomingworkreports), the newly available reports {@code W}
 * (GP eq:availableworkreports), the assurances {@code E_A}, the preimages {@code E_P} and the accumulation
 * statistics {@code S} (GP §12).
 * <p>
 * The reports and preimages vectors update only their own subsets of these records on top of the prior
 * values (see {@code io.jamboree.stf.reports.CoreStatistics} and {@code PreimageIntegration}); with zeroed
 * prior records both agree with this function.
 */
public final class ActivityStatistics {

    private ActivityStatistics() {}

    /** One entry of the accumulation statistics {@code S}: accumulated item count and gas used for a service. */
    public record Accumulation(long serviceId, long count, long gasUsed) {}

    /** {@code π_C'}: per core {@code R(c)}, {@code L(c)}, {@code D(c)} and the popularity. */
    public static List<CoreActivityRecord> cores(
            List<WorkReport> incoming, List<WorkReport> available, List<AvailAssurance> assurances, ChainParams p) {
        int cores = p.coresCount();
        long[] imports = new long[cores];
        long[] xc = new long[cores];
        long[] xs = new long[cores];
        long[] exports = new long[cores];
        long[] gas = new long[cores];
        long[] bundle = new long[cores];
        long[] daLoad = new long[cores];
        long[] popularity = new long[cores];
        for (int i = 0; i < incoming.size(); i++) {
            WorkReport r = incoming.get(i);
            int c = r.coreIndex();
            bundle[c] += r.packageSpec().length();
            for (int j = 0; j < r.results().size(); j++) {
                RefineLoad l = r.results().get(j).refineLoad();
                imports[c] += l.imports();
                xc[c] += l.extrinsicCount();
                xs[c] += l.extrinsicSize();
                exports[c] += l.exports();
                gas[c] += l.gasUsed();
            }
        }
        // D(c) = Σ b + W_G·⌈n·65/64⌉ over the reports made available on c
        for (int i = 0; i < available.size(); i++) {
            WorkReport r = available.get(i);
            long n = r.packageSpec().exportsCount();
            daLoad[r.coreIndex()] += r.packageSpec().length() + (long) p.segmentSize() * ((n * 65 + 63) / 64);
        }
        for (int i = 0; i < assurances.size(); i++) {
            AvailAssurance a = assurances.get(i);
            for (int c = 0; c < cores; c++) {
                if (a.isSet(c)) {
                    popularity[c]++;
                }
            }
        }
        List<CoreActivityRecord> out = new ArrayList<>(cores);
        for (int c = 0; c < cores; c++) {
            out.add(new CoreActivityRecord(daLoad[c], popularity[c], imports[c], xc[c], xs[c], exports[c], bundle[c],
                    gas[c]));
        }
        return List.copyOf(out);
    }

    /** {@code π_S'}: for every service in {@code s^R ∪ s^P ∪ K(S)}, its refinement, provision and accumulation. */
    public static List<ServiceStatisticsEntry> services(
            List<WorkReport> incoming, List<Preimage> preimages, List<Accumulation> accumulation) {
        Map<Long, ServiceActivityRecord> m = new TreeMap<>();
        for (int i = 0; i < incoming.size(); i++) {
            List<WorkDigest> ds = incoming.get(i).results();
            for (int j = 0; j < ds.size(); j++) {
                WorkDigest d = ds.get(j);
                RefineLoad l = d.refineLoad();
                ServiceActivityRecord a = m.getOrDefault(d.serviceId(), ServiceActivityRecord.ZERO);
                m.put(d.serviceId(), new ServiceActivityRecord(a.providedCount(), a.providedSize(),
                        a.refinementCount() + 1, a.refinementGasUsed() + l.gasUsed(), a.imports() + l.imports(),
                        a.extrinsicCount() + l.extrinsicCount(), a.extrinsicSize() + l.extrinsicSize(),
                        a.exports() + l.exports(), a.accumulateCount(), a.accumulateGasUsed()));
            }
        }
        for (int i = 0; i < preimages.size(); i++) {
            Preimage x = preimages.get(i);
            ServiceActivityRecord a = m.getOrDefault(x.requester(), ServiceActivityRecord.ZERO);
            m.put(x.requester(), new ServiceActivityRecord(a.providedCount() + 1, a.providedSize() + x.blob().length(),
                    a.refinementCount(), a.refinementGasUsed(), a.imports(), a.extrinsicCount(), a.extrinsicSize(),
                    a.exports(), a.accumulateCount(), a.accumulateGasUsed()));
        }
        for (int i = 0; i < accumulation.size(); i++) {
            Accumulation acc = accumulation.get(i);
            ServiceActivityRecord a = m.getOrDefault(acc.serviceId(), ServiceActivityRecord.ZERO);
            m.put(acc.serviceId(), new ServiceActivityRecord(a.providedCount(), a.providedSize(),
                    a.refinementCount(), a.refinementGasUsed(), a.imports(), a.extrinsicCount(), a.extrinsicSize(),
                    a.exports(), acc.count(), acc.gasUsed()));
        }
        List<ServiceStatisticsEntry> out = new ArrayList<>(m.size());
        for (Map.Entry<Long, ServiceActivityRecord> e : m.entrySet()) {
            out.add(new ServiceStatisticsEntry(e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }
}
