package io.jamboree.importer.internal;

import io.jamboree.core.vectors.VectorsFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the block-import traces (jam-test-vectors-0.7.2/traces) in the {@link VectorsFolder} folder; missing ones fail. */
final class Traces {
    static final List<String> FOLDERS =
            List.of("fallback", "safrole", "storage", "preimages", "storage_light", "preimages_light");

    private Traces() {}

    static Path folder(String name) {
        Path base = VectorsFolder.path();
        Path root = Files.isDirectory(base.resolve("jam-test-vectors-0.7.2")) ? base.resolve("jam-test-vectors-0.7.2") : base;
        Path dir = root.resolve("traces").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("trace folder missing: " + dir);
        }
        return dir;
    }

    /** The step files NNNNNNNN.bin of a folder, sorted; fails when there are none. */
    static List<Path> steps(String name) {
        try (Stream<Path> s = Files.list(folder(name))) {
            List<Path> out = s.filter(p -> p.getFileName().toString().matches("\\d{8}\\.bin")).sorted().toList();
            if (out.isEmpty()) {
                throw new IllegalStateException("no steps in " + folder(name));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
