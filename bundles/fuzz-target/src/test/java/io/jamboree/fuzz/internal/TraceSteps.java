package io.jamboree.fuzz.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
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

    /** {@code RawState}: a state root and the serialized state. */
    record RawState(Hash root, List<KeyValue> keyValues) {}

    /** One step; an invalid block leaves the post-state equal to the pre-state. */
    record Step(int number, RawState pre, Block block, RawState post) {
        boolean invalid() {
            return pre.root().equals(post.root());
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
        Decoder d = new Decoder(bin);
        Step s = new Step(Integer.parseInt(f.getFileName().toString().substring(0, 8)), state(d), Block.decode(d, p), state(d));
        d.expectEnd();
        return s;
    }

    private static RawState state(Decoder d) {
        Hash root = Hash.decode(d);
        return new RawState(root, d.varSeq(StateKey.LENGTH + 1, "keyvals",
                x -> new KeyValue(StateKey.ofBytes(x.bytes(StateKey.LENGTH, "state key")), x.blob("state value"))));
    }
}
