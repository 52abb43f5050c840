package io.jamboree.vectors.internal.stf;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.pvm.recompiler.RecompilerEngine;
import io.jamboree.pvm.recompiler.TieredEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accumulate STF vector, tiny and full, on the interpreter, on the recompiler and on the tiered engine (tier 1
 * from a program's second instantiation, chunks generated in the background at their first entry).
 */
class AccumulateVectorsTest {
    private static final PvmEngine INTERPRETER = new InterpreterEngine();
    private static final PvmEngine RECOMPILER = new RecompilerEngine();
    private static final PvmEngine TIERED = new TieredEngine(INTERPRETER, 2, Long.MAX_VALUE, 1);

    static Stream<Arguments> vectors() throws IOException {
        Path base = VectorsFolder.path();
        Path root = Files.isDirectory(base.resolve("jam-test-vectors-0.7.2")) ? base.resolve("jam-test-vectors-0.7.2")
                : base;
        List<Arguments> out = new ArrayList<>();
        for (String config : List.of("tiny", "full")) {
            Path dir = root.resolve("stf/accumulate").resolve(config);
            if (!Files.isDirectory(dir)) throw new IllegalStateException("vector folder missing: " + dir);
            ChainParams p = ChainParams.byName(config).orElseThrow();
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(f -> f.toString().endsWith(".bin")).sorted().toList();
            }
            if (files.isEmpty()) throw new IllegalStateException("no vectors in " + dir);
            for (Path f : files) {
                for (PvmEngine e : List.of(INTERPRETER, RECOMPILER, TIERED)) {
                    out.add(Arguments.of(config + "/" + f.getFileName() + " on " + e.name(), f, p, e));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, Path file, ChainParams params, PvmEngine engine) throws IOException {
        assertEquals(Optional.empty(), AccumulateVectors.check(Files.readAllBytes(file), params, new PvmInvocationsComponent().accumulation(engine)), name);
    }
}
