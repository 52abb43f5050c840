package io.jamboree.conformance;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.jamboree.runtime.Feature;
import io.jamboree.runtime.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options shared by the suite: the bundles of the distribution's {@code core} feature as the
 * resolver chose them at build time ({@code features/core.bndrun}, the same files {@code bin/jam} starts), JUnit, and the launcher's system packages.
 */
final class CoreFeatureConfig {
    private CoreFeatureConfig() {}

    static Option[] options() {
        Path dist = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dist.resolve("bundles"))) {
            throw new IllegalStateException("no distribution at " + dist + ": build it first (./mvnw install)");
        }
        List<Option> opts = new ArrayList<>();
        try {
            for (Path jar : Feature.load(dist.resolve("features"), "core").jars(dist.resolve("bundles"))) {
                opts.add(bundle(jar.toUri().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        opts.add(junitBundles());
        opts.add(systemPackages(Node.SYSTEM_PACKAGES_EXTRA.split(",")));
        opts.add(systemProperty("jam.vectors").value(Vectors.home().toString()));
        opts.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        opts.add(cleanCaches());
        return opts.toArray(Option[]::new);
    }
}
