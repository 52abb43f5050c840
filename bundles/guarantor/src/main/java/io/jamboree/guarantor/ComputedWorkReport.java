package io.jamboree.guarantor;

import io.jamboree.types.WorkReport;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of Ξ(p, c) (GP §14.4): the work report, the audit-friendly work-package bundle
 * {@code E(p, X#(p_w), S#(p_w), J#(p_w))} whose erasure-coded chunks the report's availability specifier commits to,
 * and the exported segments ē, concatenated over the items.
 */
public record ComputedWorkReport(WorkReport report, byte[] bundle, List<byte[]> exports) {
    public ComputedWorkReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(bundle, "bundle");
        exports = List.copyOf(exports);
    }
}
