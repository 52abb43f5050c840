package io.jamboree.guarantor.internal;

import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.ImportSpec;
import io.jamboree.types.ReportGuarantee;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The segment-root lookup L(r) of GP 0.7.2 §14.3 (eq. 14.13) as a guarantor resolves it: an import names the
 * exporting package by its segment root or by its work-package hash ({@code h^⊞}); both are found among the reports
 * guaranteed in the best chain's last {@link #BLOCKS} blocks, which also give the report's core (who holds which
 * shard) and its availability specifier (erasure root, segment count). Stateless over the chain it reads.
 */
final class SegmentRootLookup {
    /** Blocks searched back from the head for the exporting report. */
    static final int BLOCKS = 256;

    /** A report exporting segments: its availability specifier and the core it was reported on. */
    record Exporter(AvailabilitySpec spec, int core) {}

    /** The exporters found, by work-package hash and by segment root. */
    record Found(Map<Hash, Exporter> byPackage, Map<Hash, Exporter> byRoot) {
        /** The exporter an import names, if found. */
        Optional<Exporter> of(ImportSpec s) {
            return Optional.ofNullable((s.isWorkPackageHash() ? byPackage : byRoot).get(s.treeRoot()));
        }
    }

    private final Function<Hash, Optional<Block>> blocks;

    SegmentRootLookup(Function<Hash, Optional<Block>> blocks) {
        this.blocks = blocks;
    }

    /** The exporters of {@code imports} among the guarantees of the chain ending at {@code head}. */
    Found find(Hash head, Collection<ImportSpec> imports) {
        Map<Hash, Exporter> byPackage = new HashMap<>();
        Map<Hash, Exporter> byRoot = new HashMap<>();
        int wanted = imports.size();
        Hash at = head;
        for (int i = 0; i < BLOCKS && at != null; i++) {
            Optional<Block> b = blocks.apply(at);
            if (b.isEmpty()) {
                break;
            }
            for (ReportGuarantee g : b.get().extrinsic().guarantees().guarantees()) {
                AvailabilitySpec spec = g.report().packageSpec();
                Exporter e = new Exporter(spec, g.report().coreIndex());
                for (ImportSpec s : imports) {
                    if (s.isWorkPackageHash() ? s.treeRoot().equals(spec.hash())
                            : s.treeRoot().equals(spec.exportsRoot())) {
                        (s.isWorkPackageHash() ? byPackage : byRoot).putIfAbsent(s.treeRoot(), e);
                    }
                }
            }
            if (byPackage.size() + byRoot.size() >= wanted) {
                break;
            }
            at = b.get().header().parent();
        }
        return new Found(byPackage, byRoot);
    }
}
