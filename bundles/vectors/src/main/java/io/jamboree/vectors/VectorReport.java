package io.jamboree.vectors;

import java.nio.file.Path;
import java.util.List;

/**
 * The results of running one folder of vectors.
 *
 * @param family the family that ran them
 * @param dir the folder
 * @param results one entry per vector, in file-name order
 */
public record VectorReport(String family, Path dir, List<VectorResult> results) {
    public VectorReport {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(VectorResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    /** The failed results. */
    public List<VectorResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }
}
