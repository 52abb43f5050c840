package io.jamboree.guarantor.internal;

import io.jamboree.guarantor.WorkPackageBundle;
import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.ImportedSegment;
import io.jamboree.availability.SegmentFetcher;
import io.jamboree.core.ChainParams;
import io.jamboree.guarantor.WorkPackageImports;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.types.Hash;
import io.jamboree.types.ImportSpec;
import io.jamboree.types.SegmentRootLookupItem;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The imports of a work package (GP 0.7.2 §14.3–14.4): the guarantor resolves each import spec to its exporting
 * report ({@link SegmentRootLookup}), fetches the segments ({@link SegmentFetcher}: its own store, the assurers' shards
 * over CE 140, the exporting guarantors over CE 148) and composes the lookup dictionary {@code l} (eq. 14.12, at most
 * {@code 8} entries); a co-guarantor checks the segments a shared bundle carries against the roots it resolves itself.
 * Either refuses, with the reason, a package whose imports cannot be had.
 */
final class SegmentImports {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentImports.class);
    private final ChainParams params;
    private final SegmentRootLookup lookup;
    private final Supplier<SegmentFetcher> fetcher;

    SegmentImports(ChainParams params, SegmentRootLookup lookup, Supplier<SegmentFetcher> fetcher) {
        this.params = params;
        this.lookup = lookup;
        this.fetcher = fetcher;
    }

    private static boolean imports(WorkPackage pkg) {
        return pkg.items().stream().anyMatch(w -> !w.importSegments().isEmpty());
    }

    private static List<ImportSpec> specs(WorkPackage pkg) {
        List<ImportSpec> out = new ArrayList<>();
        for (WorkItem w : pkg.items()) {
            out.addAll(w.importSegments());
        }
        return out;
    }

    /** The resolved exporters of every import, and the lookup dictionary of those named by package hash. */
    private record Resolved(SegmentRootLookup.Found found, List<SegmentRootLookupItem> dictionary) {}

    private Resolved resolve(Hash head, WorkPackage pkg) {
        List<ImportSpec> specs = specs(pkg);
        SegmentRootLookup.Found found = lookup.find(head, specs);
        TreeMap<Hash, Hash> dict = new TreeMap<>((a, b) -> Arrays.compareUnsigned(a.bytes(), b.bytes()));
        for (ImportSpec s : specs) {
            SegmentRootLookup.Exporter e = found.of(s).orElseThrow(() -> new WorkReportException("imported segment "
                    + s.segmentIndex() + " of " + (s.isWorkPackageHash() ? "work package " : "segment root ")
                    + s.treeRoot() + ": no such report in the last " + SegmentRootLookup.BLOCKS + " blocks"));
            if (s.segmentIndex() >= e.spec().exportsCount()) {
                throw new WorkReportException("imported segment " + s.segmentIndex() + " of package "
                        + e.spec().hash() + ", which exported " + e.spec().exportsCount());
            }
            if (s.isWorkPackageHash()) {
                dict.put(s.treeRoot(), e.spec().exportsRoot());
            }
        }
        if (dict.size() > params.maxReportDependencies()) {
            throw new WorkReportException("the package's imports name " + dict.size() + " work packages by hash, "
                    + "at most " + params.maxReportDependencies() + " can be in a report's lookup dictionary");
        }
        List<SegmentRootLookupItem> items = new ArrayList<>();
        dict.forEach((h, r) -> items.add(new SegmentRootLookupItem(h, r)));
        return new Resolved(found, items);
    }

    /**
     * The segments the package imports, fetched and checked, and its lookup dictionary.
     *
     * @throws WorkReportException when an import names no known report or a segment cannot be had
     */
    WorkPackageImports fetch(Hash head, WorkPackage pkg) {
        if (!imports(pkg)) {
            return WorkPackageImports.NONE;
        }
        SegmentFetcher f = fetcher.get();
        if (f == null) {
            throw new WorkReportException("the package imports segments and no segment fetcher (jam-availability) "
                    + "is running");
        }
        Resolved r = resolve(head, pkg);
        // one request per exporting package, in the order of first use
        Map<Hash, List<Integer>> wanted = new LinkedHashMap<>();
        Map<Hash, SegmentRootLookup.Exporter> exporters = new LinkedHashMap<>();
        for (ImportSpec s : specs(pkg)) {
            SegmentRootLookup.Exporter e = r.found().of(s).orElseThrow();
            exporters.put(e.spec().erasureRoot(), e);
            List<Integer> ix = wanted.computeIfAbsent(e.spec().erasureRoot(), k -> new ArrayList<>());
            if (!ix.contains(s.segmentIndex())) {
                ix.add(s.segmentIndex());
            }
        }
        Map<Hash, Map<Integer, ImportedSegment>> got = new LinkedHashMap<>();
        for (Map.Entry<Hash, List<Integer>> w : wanted.entrySet()) {
            SegmentRootLookup.Exporter e = exporters.get(w.getKey());
            int[] ix = w.getValue().stream().mapToInt(Integer::intValue).toArray();
            List<ImportedSegment> segs;
            try {
                segs = f.segments(e.spec(), e.core(), ix);
            } catch (AvailabilityException ex) {
                throw new WorkReportException("the segments " + w.getValue() + " imported from package "
                        + e.spec().hash() + " cannot be fetched: " + ex.getMessage());
            }
            LOG.info("guarantor: imported segment(s) {} of package {} (segment root {}) fetched and checked", w.getValue(),
                    e.spec().hash(), e.spec().exportsRoot());
            Map<Integer, ImportedSegment> m = new LinkedHashMap<>();
            for (int k = 0; k < ix.length; k++) {
                m.put(ix[k], segs.get(k));
            }
            got.put(w.getKey(), m);
        }
        List<List<ImportedSegment>> perItem = new ArrayList<>();
        for (WorkItem w : pkg.items()) {
            List<ImportedSegment> is = new ArrayList<>();
            for (ImportSpec s : w.importSegments()) {
                SegmentRootLookup.Exporter e = r.found().of(s).orElseThrow();
                is.add(got.get(e.spec().erasureRoot()).get(s.segmentIndex()));
            }
            perItem.add(is);
        }
        return new WorkPackageImports(perItem, r.dictionary());
    }

    /**
     * The imports a shared bundle carries (CE 134), each segment checked with its justification against the segment
     * root this node resolves for its import spec.
     *
     * @throws WorkReportException when an import is unknown here or a segment does not check
     */
    WorkPackageImports check(Hash head, WorkPackageBundle b) {
        if (!imports(b.pkg())) {
            return WorkPackageImports.NONE;
        }
        Resolved r = resolve(head, b.pkg());
        List<WorkItem> items = b.pkg().items();
        for (int j = 0; j < items.size(); j++) {
            List<ImportSpec> specs = items.get(j).importSegments();
            List<ImportedSegment> given = j < b.imports().size() ? b.imports().get(j) : List.of();
            if (given.size() != specs.size()) {
                throw new WorkReportException("the bundle carries " + given.size() + " segments for item " + j
                        + ", which imports " + specs.size());
            }
            for (int k = 0; k < specs.size(); k++) {
                ImportSpec s = specs.get(k);
                Hash root = r.found().of(s).orElseThrow().spec().exportsRoot();
                byte[] got = given.get(k).root(s.segmentIndex());
                if (got == null || !Arrays.equals(got, root.bytes())) {
                    throw new WorkReportException("imported segment " + k + " of item " + j + " and its justification "
                            + "do not give the segment root " + root);
                }
            }
        }
        return new WorkPackageImports(b.imports(), r.dictionary());
    }
}
