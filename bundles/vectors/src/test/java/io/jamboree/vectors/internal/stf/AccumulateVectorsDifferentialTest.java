package io.jamboree.vectors.internal.stf;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.pvm.recompiler.DifferentialEngine;
import io.jamboree.pvm.recompiler.RecompilerEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accumulate STF vector (GP §12, Ψ_A of B.4), tiny and full, on the differential engine: the interpreter
 * and the recompiler run each service's code in lockstep and must agree on exit, ı, gas, registers and RAM after
 * every host call and at the end; the vector's expected post-state must hold as well.
 */
class AccumulateVectorsDifferentialTest {
    private static final DifferentialEngine ENGINE =
            new DifferentialEngine(new InterpreterEngine(), new RecompilerEngine());

    static Stream<Arguments> vectors() throws IOException {
        Path base = VectorsFolder.path();
        Path root = Files.isDirectory(base.resolve("jam-test-vectors-0.7.2")) ? base.resolve("jam-test-vectors-0.7.2")
                : base;
        List<Arguments> out = new ArrayList<>();
        for (String config : List.of("tiny", "full")) {
            Path dir = root.resolve("stf/accumulate").resolve(config);
            if (!Files.isDirectory(dir)) throw new IllegalStateException("vector folder missing: " + dir);
            ChainParams p = ChainParams.byName(config).orElseThrow();
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> files = s.filter(f -> f.toString().endsWith(".bin")).sorted().toList();
                if (files.isEmpty()) throw new IllegalStateException("no vectors in " + dir);
                for (Path f : files) out.add(Arguments.of(config + "/" + f.getFileName(), f, p));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} differential")
    @MethodSource("vectors")
    void vector(String name, Path file, ChainParams params) throws IOException {
        long before = ENGINE.divergences();
        assertEquals(Optional.empty(), AccumulateVectors.check(Files.readAllBytes(file), params,
                new PvmInvocationsComponent().accumulation(ENGINE)), name);
        assertEquals(before, ENGINE.divergences(), name + ": interpreter and recompiler diverged");
    }

    @AfterAll
    static void report() {
        System.out.println("accumulate vectors, differential: " + ENGINE.programs() + " programs, "
                + ENGINE.comparisons() + " PVM exits compared, " + ENGINE.divergences() + " divergences");
        assertTrue(ENGINE.comparisons() > 0, "no PVM code ran");
        assertEquals(0, ENGINE.divergences());
    }
}
