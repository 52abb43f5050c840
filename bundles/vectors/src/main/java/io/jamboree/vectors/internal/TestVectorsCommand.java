package io.jamboree.vectors.internal;

import io.jamboree.runtime.spi.JamCommand;
import io.jamboree.vectors.KnownFailures;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorResult;
import io.jamboree.vectors.VectorRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code jam test-vectors DIR...}: runs each folder, prints one line per failing vector with its
 * first difference, and closes with {@code N passed, M failed}. Known failures count as failed and
 * carry their recorded reason.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=test-vectors")
public final class TestVectorsCommand implements JamCommand {
    private final VectorRunner runner;

    @org.osgi.service.component.annotations.Activate
    public TestVectorsCommand(@Reference VectorRunner runner) {
        this.runner = runner;
    }

    @Override
    public String name() {
        return "test-vectors";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        KnownFailures known = KnownFailures.bundled();
        long passed = 0;
        long failed = 0;
        boolean unusable = false;
        for (String arg : args) {
            Path dir = Path.of(arg);
            VectorReport report;
            try {
                report = runner.run(dir);
            } catch (IOException | IllegalArgumentException e) {
                err.println("jam test-vectors: " + e.getMessage());
                unusable = true;
                continue;
            }
            for (VectorResult r : report.failures()) {
                String why = known.reason(report.family(), r.id()).map(s -> "  [known failure: " + s + "]").orElse("");
                out.println("FAIL " + report.family() + " " + dir.resolve(r.id()) + ": " + r.difference() + why);
            }
            out.printf("%s %s: %d passed, %d failed%n", report.family(), dir, report.passed(), report.failed());
            passed += report.passed();
            failed += report.failed();
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 && !unusable ? 0 : 1;
    }
}
