package io.jamboree.importer.internal.cli;

import io.jamboree.importer.internal.TestImporters;
import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jam import} from the middle of a chain, in process on the memory store with the real importer: each public
 * trace folder (jam-test-vectors-0.7.2/traces) copied without {@code genesis.*} and without its first 40 steps. The
 * first step's parent header is unknown, so the importer starts from its pre-state under the parent hash H_p; all
 * 60 remaining steps must pass.
 */
class MidChainImportTest {
    static final int SKIPPED = 40;

    @TempDir
    Path tmp;

    /** A copy of {@code traces/NAME} with the genesis and the first {@link #SKIPPED} steps left out. */
    static Path midChainCopy(Path traces, String name, Path into) throws IOException {
        Path from = traces.resolve(name);
        Path to = Files.createDirectories(into.resolve(name));
        List<Path> steps;
        try (Stream<Path> s = Files.list(from)) {
            steps = s.filter(p -> p.getFileName().toString().matches("\\d{8}\\.bin")).sorted().toList();
        }
        assertEquals(100, steps.size(), "steps in " + from);
        for (Path p : steps.subList(SKIPPED, steps.size())) {
            Files.copy(p, to.resolve(p.getFileName()));
        }
        return to;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fallback", "safrole", "storage", "preimages", "storage_light", "preimages_light"})
    void importsFromStep41(String name) throws IOException {
        Path dir = midChainCopy(TraceImportTest.fallback().getParent(), name, tmp);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TraceImport run = new TraceImport(TestImporters.create(ChainParams.tiny(), new MemoryNodeStore(),
                new PvmInvocationsComponent().accumulation(new InterpreterEngine())), out, out, false);
        int code = run.run(List.of(dir));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.strip().endsWith("60 passed, 0 failed"), text);
        assertFalse(text.contains("FAIL"), text);
        assertEquals(60, run.passed());
    }
}
