package io.jamboree.conformance;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jamboree.vectors.KnownFailures;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorResult;
import io.jamboree.vectors.VectorRunner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one vector folder through the {@link VectorRunner} service and judges it: every vector must
 * pass except those listed, with a reason, in {@code known-failures.txt}, which is printed.
 */
final class Conformance {
    private static volatile boolean printed;

    private Conformance() {}

    static void check(VectorRunner runner, String relativeDir) throws IOException {
        KnownFailures known = KnownFailures.bundled();
        if (!printed) {
            printed = true;
            System.out.println("Known failures (" + known.all().size() + "), tolerated by this suite:");
            known.all().forEach((k, v) -> System.out.println("  " + k + "  " + v));
        }
        VectorReport report = runner.run(Vectors.dir(relativeDir));
        assertTrue("no vectors found in " + relativeDir, !report.results().isEmpty());
        List<String> unexpected = new ArrayList<>();
        int knownFailed = 0;
        for (VectorResult r : report.failures()) {
            Optional<String> reason = known.reason(report.family(), r.id());
            if (reason.isPresent()) {
                knownFailed++;
                System.out.println("  KNOWN FAILURE " + report.family() + "/" + r.id() + ": " + r.difference());
            } else {
                unexpected.add(report.family() + "/" + r.id() + ": " + r.difference());
            }
        }
        System.out.printf("%s (%s): %d passed, %d failed (%d known)%n",
                relativeDir, report.family(), report.passed(), report.failed(), knownFailed);
        if (!unexpected.isEmpty()) {
            fail(unexpected.size() + " vectors failed in " + relativeDir + ":\n  " + String.join("\n  ", unexpected));
        }
    }
}
