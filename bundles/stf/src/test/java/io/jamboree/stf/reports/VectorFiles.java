package io.jamboree.stf.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Locates STF test vectors in the {@link VectorsFolder} folder; a missing folder fails. */
public final class VectorFiles {

    private VectorFiles() {}

    public static Path root() {
        return VectorsFolder.path().resolve("jam-test-vectors-0.7.2/stf");
    }

    /** Arguments (name, path, params) for every {@code .bin} in tiny and full of {@code subsystem}. */
    public static Stream<Arguments> binaries(String subsystem) {
        List<Arguments> out = new ArrayList<>();
        for (ChainParams p : List.of(ChainParams.tiny(), ChainParams.full())) {
            Path dir = root().resolve(subsystem).resolve(p.name());
            assertTrue(Files.isDirectory(dir), "missing vector folder " + dir);
            for (Path f : list(dir, ".bin")) {
                out.add(Arguments.of(p.name() + "/" + f.getFileName(), f, p));
            }
        }
        assertTrue(!out.isEmpty(), "no vectors for " + subsystem);
        return out.stream();
    }

    /** Arguments (name, json path) for every tiny {@code .json} of {@code subsystem}. */
    public static Stream<Arguments> tinyJson(String subsystem) {
        Path dir = root().resolve(subsystem).resolve("tiny");
        assertTrue(Files.isDirectory(dir), "missing vector folder " + dir);
        List<Arguments> out = new ArrayList<>();
        for (Path f : list(dir, ".json")) {
            out.add(Arguments.of(f.getFileName().toString(), f));
        }
        assertTrue(!out.isEmpty(), "no json vectors for " + subsystem);
        return out.stream();
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
