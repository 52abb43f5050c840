package io.jamboree.author.internal;

import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.RawState;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The published block-import trace steps (jam-test-vectors-0.7.2/traces, tiny), found by {@link VectorsFolder}. */
final class TraceSteps {
    record Step(String name, RawState pre, Block block, RawState post) {}

    private TraceSteps() {}

    /** The genesis of a trace folder (its {@code genesis.bin}): the JIP-5 dev validators 0–5. */
    static Genesis genesis(String folder, ChainParams p) {
        try {
            return TraceFormat.readGenesis(VectorsFolder.require("jam-test-vectors-0.7.2/traces/" + folder)
                    .resolve("genesis.bin"), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Step> read(String folder, ChainParams p) {
        Path dir = VectorsFolder.require("jam-test-vectors-0.7.2/traces/" + folder);
        try (Stream<Path> s = Files.list(dir)) {
            List<Step> out = new ArrayList<>();
            for (Path f : s.filter(x -> x.getFileName().toString().matches("\\d{8}\\.bin")).sorted().toList()) {
                TraceStep t = TraceStep.decode(Files.readAllBytes(f), p);
                out.add(new Step(folder + "/" + f.getFileName(), t.preState(), t.block(), t.postState()));
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no trace steps in " + dir);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
