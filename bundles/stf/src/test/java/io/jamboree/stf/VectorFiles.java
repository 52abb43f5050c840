package io.jamboree.stf;

import io.jamboree.core.vectors.VectorsFolder;
import org.junit.jupiter.params.provider.Arguments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates the STF vectors in the {@link VectorsFolder} folder; a missing folder fails the test. */
public final class VectorFiles {

    private VectorFiles() {}

    public static Path root() {
        Path base = VectorsFolder.path();
        Path p = base.resolve("jam-test-vectors-0.7.2");
        return Files.isDirectory(p) ? p : base;
    }

    /** Every {@code ext} file of {@code stf/<subsystem>/<config>} as (name, path); fails when none exist. */
    public static Stream<Arguments> cases(String subsystem, String config, String ext) {
        Path dir = root().resolve("stf").resolve(subsystem).resolve(config);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("vector folder missing: " + dir);
        }
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith("." + ext)).sorted()
                    .forEach(p -> out.add(Arguments.of(p.getFileName().toString(), p)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no ." + ext + " vectors in " + dir);
        }
        return out.stream();
    }

    public static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path sibling(Path p, String ext) {
        String n = p.getFileName().toString();
        return p.resolveSibling(n.substring(0, n.lastIndexOf('.') + 1) + ext);
    }
}
