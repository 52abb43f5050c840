package io.jamboree.vectors.internal.stf;

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

/** Locates the STF test vectors in the {@link VectorsFolder} folder; a missing folder or an empty one fails. */
final class VectorFiles {

    private VectorFiles() {}

    /** The {@code jam-test-vectors-0.7.2} folder (or the vectors folder itself when it is that release). */
    static Path root() {
        Path base = VectorsFolder.path();
        Path p = base.resolve("jam-test-vectors-0.7.2");
        return Files.isDirectory(p) ? p : base;
    }

    /** The {@code stf} folder of {@link #root()}. */
    static Path stf() {
        return root().resolve("stf");
    }

    /** Every {@code ext} file of {@code stf/<subsystem>/<config>} as (file name, path). */
    static Stream<Arguments> cases(String subsystem, String config, String ext) {
        List<Arguments> out = new ArrayList<>();
        for (Path f : list(stf().resolve(subsystem).resolve(config), "." + ext)) {
            out.add(Arguments.of(f.getFileName().toString(), f));
        }
        return out.stream();
    }

    /** Arguments (config/name, path, params) for every {@code .bin} in tiny and full of {@code subsystem}. */
    static Stream<Arguments> binaries(String subsystem) {
        List<Arguments> out = new ArrayList<>();
        for (ChainParams p : List.of(ChainParams.tiny(), ChainParams.full())) {
            for (Path f : list(stf().resolve(subsystem).resolve(p.name()), ".bin")) {
                out.add(Arguments.of(p.name() + "/" + f.getFileName(), f, p));
            }
        }
        return out.stream();
    }

    /** Arguments (name, json path) for every tiny {@code .json} of {@code subsystem}. */
    static Stream<Arguments> tinyJson(String subsystem) {
        return cases(subsystem, "tiny", "json");
    }

    private static List<Path> list(Path dir, String suffix) {
        assertTrue(Files.isDirectory(dir), "missing vector folder " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(!files.isEmpty(), "no " + suffix + " vectors in " + dir);
        return files;
    }

    static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file next to {@code p} with extension {@code ext}. */
    static Path sibling(Path p, String ext) {
        String n = p.getFileName().toString();
        return p.resolveSibling(n.substring(0, n.lastIndexOf('.') + 1) + ext);
    }
}
