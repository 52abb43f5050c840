package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.pvm.recompiler.DifferentialEngine;
import io.jamboree.pvm.recompiler.RecompilerEngine;
import io.jamboree.pvm.recompiler.TieredEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Hash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The six block-import trace folders (jam-test-vectors-0.7.2/traces, tiny) imported from their genesis with
 * accumulation (GP §12, Ψ_A of B.4) on the PVM recompiler, and on the differential engine (interpreter and
 * recompiler in lockstep, compared after every host call and at the end) and the tiered engine in lockstep with the
 * interpreter: one test per step, judged like
 * {@link TraceImportTest} (an invalid block must be rejected, any other must yield exactly the post-state).
 */
class TraceImportRecompilerTest {
    private static final ChainParams P = ChainParams.tiny();

    @TestFactory
    Stream<DynamicNode> recompiler() {
        PvmEngine engine = new RecompilerEngine();
        return Traces.FOLDERS.stream().map(f -> DynamicContainer.dynamicContainer(f, steps(f, engine, null)));
    }

    @TestFactory
    Stream<DynamicNode> differential() {
        DifferentialEngine engine = new DifferentialEngine(new InterpreterEngine(), new RecompilerEngine());
        return Traces.FOLDERS.stream().map(f -> DynamicContainer.dynamicContainer(f, steps(f, engine, engine)));
    }

    /**
     * The tiered engine in lockstep with the interpreter, with thresholds that make every program switch tiers: tier 1
     * from its first instantiation, each chunk generated on the compiler thread at its first entry, so runs mix
     * interpreted, stepped and generated code as the background thread gets to them.
     */
    @TestFactory
    Stream<DynamicNode> tiered() {
        DifferentialEngine engine = new DifferentialEngine(new InterpreterEngine(),
                new TieredEngine(new InterpreterEngine(), 1, Long.MAX_VALUE, 1));
        return Traces.FOLDERS.stream().map(f -> DynamicContainer.dynamicContainer(f, steps(f, engine, engine)));
    }

    private static Stream<DynamicNode> steps(String folder, PvmEngine engine, DifferentialEngine differential) {
        final class Run {
            BlockImporter importer;
            final List<AncestryItem> headers = new ArrayList<>();
            long comparisonsBefore;
        }
        Run run = new Run();
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("genesis", () -> {
            run.importer = TestImporters.create(P, new MemoryNodeStore(), new PvmInvocationsComponent().accumulation(engine));
            Genesis g = Genesis.decode(Traces.read(Traces.folder(folder).resolve("genesis.bin")), P);
            Hash root = run.importer.initialize(g.header(), g.state().keyvals(), List.of());
            run.headers.add(new AncestryItem(g.header().slot(), g.header().hash(P)));
            assertEquals(g.state().stateRoot(), root, "genesis state root");
            if (differential != null) run.comparisonsBefore = differential.comparisons();
        }));
        for (Path p : Traces.steps(folder)) {
            String name = p.getFileName().toString().replace(".bin", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                TraceStep s = TraceStep.decode(Traces.read(p), P);
                boolean invalid = s.preState().stateRoot().equals(s.postState().stateRoot());
                long divergences = differential == null ? 0 : differential.divergences();
                ImportOutcome out = run.importer.importBlock(s.block());
                if (differential != null) {
                    assertEquals(divergences, differential.divergences(), "interpreter and recompiler diverged "
                            + "(see the ERROR log line of DifferentialEngine)");
                }
                Optional<String> problem = judge(run.importer, s, invalid, out);
                if (problem.isPresent()) {
                    List<AncestryItem> a = run.headers.subList(Math.max(0, run.headers.size() - 24), run.headers.size());
                    run.importer.initialize(s.block().header(), s.postState().keyvals(), List.copyOf(a));
                }
                run.headers.add(new AncestryItem(s.block().header().slot(), s.block().header().hash(P)));
                KnownFailures.expectPass("traces/" + folder + "/" + name, problem);
            }));
        }
        if (differential != null) {
            tests.add(DynamicTest.dynamicTest("compared", () -> {
                long n = differential.comparisons() - run.comparisonsBefore;
                System.out.println("differential " + folder + ": " + n + " PVM exits compared, "
                        + differential.divergences() + " divergences");
                if (!folder.equals("fallback") && !folder.equals("safrole")) {
                    assertTrue(n > 0, "the trace ran no PVM code");
                }
            }));
        }
        return tests.stream();
    }

    private static Optional<String> judge(BlockImporter importer, TraceStep s, boolean invalid, ImportOutcome out) {
        if (invalid) {
            return switch (out) {
                case ImportOutcome.Rejected r -> Optional.empty();
                case ImportOutcome.Imported i -> Optional.of("the block is invalid (post-state = pre-state) but was "
                        + "imported with root " + i.stateRoot());
            };
        }
        return switch (out) {
            case ImportOutcome.Rejected r -> Optional.of("rejected: " + r.reason());
            case ImportOutcome.Imported i -> {
                List<KeyValue> got = importer.state(i.headerHash()).orElseThrow();
                String diff = TraceImportTest.diff(s.postState().keyvals(), got);
                if (!diff.isEmpty()) yield Optional.of("posterior state differs: " + diff);
                if (!i.stateRoot().equals(s.postState().stateRoot())) {
                    yield Optional.of("state root " + i.stateRoot() + " != expected " + s.postState().stateRoot());
                }
                yield Optional.empty();
            }
        };
    }
}
