package io.jamboree.accumulate;

import io.jamboree.types.WorkExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of Ψ_R (GP 0.7.2 Appendix B.3): the refinement output (an {@link WorkExecResult.Ok} blob) or a
 * work error (BAD, BIG, out-of-gas, panic), the exported segments (empty after an error) and the gas used.
 */
public record RefinementResult(WorkExecResult result, List<byte[]> exports, long gasUsed) {
    public RefinementResult {
        Objects.requireNonNull(result);
        exports = List.copyOf(exports);
    }

    /**
     * The work-report view I(p, j) (GP §14.4, eq. workdigestfunction) without the report-size check: if
     * |e| ≠ w_e the result becomes the bad-exports error; after any error the exports are w_e zero segments.
     *
     * @param exportCount w_e, the work item's declared export count
     * @param segmentSize W_G
     */
    public RefinementResult forReport(int exportCount, int segmentSize) {
        if (exports.size() == exportCount && result instanceof WorkExecResult.Ok) return this;
        WorkExecResult r = exports.size() != exportCount ? new WorkExecResult.BadExports() : result;
        List<byte[]> zeros = new ArrayList<>(exportCount);
        for (int k = 0; k < exportCount; k++) zeros.add(new byte[segmentSize]);
        return new RefinementResult(r, zeros, gasUsed);
    }
}
