package io.jamboree.fuzz.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.trace.RawState;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.types.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The block-import traces (jam-test-vectors-0.7.2/traces, tiny) under {@code -Djam.vectors} (default
 * {@code ~/.cache/jam-vectors}); a missing folder fails the test. Decodes the binary {@code TraceStep}
 * of {@code traces/schema.asn}: pre-state (root, key/values), block, post-state.
 */
final class TraceSteps {
    /** The six public trace folders. */
    static final List<String> FOLDERS =
            List.of("fallback", "safrole", "storage", "preimages", "storage_light", "preimages_light");

    private TraceSteps() {}

    /** One step; an invalid block leaves the post-state equal to the pre-state. */
    record Step(int number, RawState pre, Block block, RawState post) {
        boolean invalid() {
            return pre.stateRoot().equals(post.stateRoot());
        }
    }

    static Path folder(String name) {
        Path base = io.jamboree.core.vectors.VectorsFolder.path();
        Path dir = base.resolve("jam-test-vectors-0.7.2").resolve("traces").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("trace folder missing: " + dir);
        }
        return dir;
    }

    /** Every step NNNNNNNN.bin of a folder, in order; fails when there are none. */
    static List<Step> steps(String name, ChainParams p) {
        try (Stream<Path> s = Files.list(folder(name))) {
            List<Step> out = s.filter(f -> f.getFileName().toString().matches("\\d{8}\\.bin")).sorted()
                    .map(f -> decode(f, p)).toList();
            if (out.isEmpty()) {
                throw new IllegalStateException("no steps in " + folder(name));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Step decode(Path f, ChainParams p) {
        byte[] bin;
        try {
            bin = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TraceStep t = TraceStep.decode(bin, p);
        return new Step(Integer.parseInt(f.getFileName().toString().substring(0, 8)), t.preState(), t.block(),
                t.postState());
    }
}
