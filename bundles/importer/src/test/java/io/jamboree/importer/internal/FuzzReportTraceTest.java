package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.stf.state.ServiceAccounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.StateTransition;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the conformance fuzz-report trace sample (fuzz-reports-0.7.2-sample/traces/1768066437_3920, tiny): each
 * step from its own {@code pre_state}, as fuzz-report traces start mid-chain (no genesis, the first step's parent
 * header is not given). Every step must give exactly its {@code post_state} (GP §4.1: σ' = Υ(σ, B)), both
 *
 * <ul>
 *   <li>through the block transition Υ over the decoded pre-state (every step, the parent header is not needed), and
 *   <li>through the {@link BlockImporter} over an in-memory store, initialised with the parent's header and the
 *       pre-state key-values without ancestry (the steps whose parent block is the previous step's block).
 * </ul>
 *
 * Step 12 diverged in one 8-byte storage value of service 3953987607, which its accumulation computes from the
 * answer of a {@code solicit} with length z = 2^64 − 5: FULL (the new request's 81 + z octets push a_t above the
 * balance, GP Appendix B.7 and §9.3 eq. 9.8), where the importer answered HUH.
 */
class FuzzReportTraceTest {
    private static final ChainParams P = ChainParams.tiny();
    private static final String TRACE = "1768066437_3920";

    private static Path folder() {
        Path base = io.jamboree.core.vectors.VectorsFolder.path();
        Path dir = base.resolve("fuzz-reports-0.7.2-sample").resolve("traces").resolve(TRACE);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("fuzz-report trace folder missing: " + dir);
        }
        return dir;
    }

    private static List<Path> steps() {
        try (Stream<Path> s = Files.list(folder())) {
            List<Path> out = s.filter(p -> p.getFileName().toString().matches("\\d{8}\\.bin")).sorted().toList();
            assertEquals(2, out.size(), "steps in " + folder());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> transition() {
        return steps().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            TraceStep s = TraceStep.decode(Traces.read(p), P);
            StateTransition t = TestImporters.transition(TraceImportTest.accumulation());
            StateTransition.Result r = t.apply(P, StateCodec.decode(s.preState().keyvals(), P), s.block(), null);
            if (r instanceof StateTransition.Result.Invalid(String reason)) {
                fail("the block was judged invalid: " + reason);
            }
            StateTransition.Result.Valid v = assertInstanceOf(StateTransition.Result.Valid.class, r);
            List<KeyValue> got = StateCodec.encodeList(v.post(), P);
            assertEquals("", TraceImportTest.diff(s.postState().keyvals(), got), "posterior state");
            assertEquals(s.postState().stateRoot(), StateCodec.root(StateCodec.toMap(got)), "state root");
        }));
    }

    @TestFactory
    Stream<DynamicTest> importer() {
        List<Path> steps = steps();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 1; i < steps.size(); i++) {
            Path parentFile = steps.get(i - 1);
            Path p = steps.get(i);
            tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                TraceStep s = TraceStep.decode(Traces.read(p), P);
                Header parent = TraceStep.decode(Traces.read(parentFile), P).block().header();
                assertEquals(s.block().header().parent(), parent.hash(P), "the previous step's block is the parent");
                BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(), TraceImportTest.accumulation());
                Hash preRoot = importer.initialize(parent, s.preState().keyvals(), List.of());
                assertEquals(s.preState().stateRoot(), preRoot, "pre-state root");
                ImportOutcome out = importer.importBlock(s.block());
                if (out instanceof ImportOutcome.Rejected(String reason)) {
                    fail("the block was rejected: " + reason);
                }
                ImportOutcome.Imported imported = assertInstanceOf(ImportOutcome.Imported.class, out);
                List<KeyValue> got = importer.state(imported.headerHash()).orElseThrow();
                assertEquals("", TraceImportTest.diff(s.postState().keyvals(), got), "posterior state");
                assertEquals(s.postState().stateRoot(), imported.stateRoot(), "state root");
            }));
        }
        return tests.stream();
    }
}
