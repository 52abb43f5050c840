package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.stf.state.ServiceAccounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.NodeStore;
import io.jamboree.store.lmdb.LmdbNodeStore;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Hash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the six block-import trace folders (jam-test-vectors-0.7.2/traces, tiny) from their genesis, on the
 * in-memory and on the LMDB store: one test per step. A step whose post-state equals its pre-state carries an
 * invalid block that must be rejected; any other must be imported with exactly the post-state. After a failing step
 * the importer is re-initialized from the expected post-state so later steps are judged on their own.
 */
class TraceImportTest {
    private static final ChainParams P = ChainParams.tiny();

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicNode> memory() {
        return stores("memory");
    }

    @TestFactory
    Stream<DynamicNode> lmdb() {
        return stores("lmdb");
    }

    private Stream<DynamicNode> stores(String kind) {
        return Traces.FOLDERS.stream().map(folder -> DynamicContainer.dynamicContainer(folder, steps(kind, folder)));
    }

    /** The real accumulation (GP §12) on the PVM interpreter. */
    static Accumulation accumulation() {
        return new PvmInvocationsComponent().accumulation(new InterpreterEngine());
    }

    private static NodeStore open(String kind, String folder) {
        return kind.equals("memory") ? new MemoryNodeStore() : LmdbNodeStore.open(tmp.resolve(folder), 1);
    }

    private static Stream<DynamicNode> steps(String kind, String folder) {
        final class Run {
            NodeStore store;
            BlockImporter importer;
            final List<AncestryItem> headers = new ArrayList<>();
        }
        Run run = new Run();
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("genesis", () -> {
            run.store = open(kind, folder);
            run.importer = TestImporters.create(P, run.store, accumulation());
            Genesis g = Genesis.decode(Traces.read(Traces.folder(folder).resolve("genesis.bin")), P);
            Hash root = run.importer.initialize(g.header(), g.state().keyvals(), List.of());
            run.headers.add(new AncestryItem(g.header().slot(), g.header().hash(P)));
            assertEquals(g.state().stateRoot(), root, "genesis state root");
        }));
        for (Path p : Traces.steps(folder)) {
            String name = p.getFileName().toString().replace(".bin", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                TraceStep s = TraceStep.decode(Traces.read(p), P);
                boolean invalid = s.preState().stateRoot().equals(s.postState().stateRoot());
                ImportOutcome out = run.importer.importBlock(s.block());
                Optional<String> problem = judge(run.importer, s, invalid, out);
                if (problem.isPresent()) {
                    // continue the trace from the expected state, with the headers before it as ancestry
                    List<AncestryItem> a = run.headers.subList(Math.max(0, run.headers.size() - 24), run.headers.size());
                    run.importer.initialize(s.block().header(), s.postState().keyvals(), List.copyOf(a));
                }
                run.headers.add(new AncestryItem(s.block().header().slot(), s.block().header().hash(P)));
                KnownFailures.expectPass("traces/" + folder + "/" + name, problem);
            }));
        }
        tests.add(DynamicTest.dynamicTest("close", () -> {
            if (run.store != null) {
                run.store.close();
            }
        }));
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
                String diff = diff(s.postState().keyvals(), got);
                if (!diff.isEmpty()) {
                    yield Optional.of("posterior state differs: " + diff);
                }
                if (!i.stateRoot().equals(s.postState().stateRoot())) {
                    yield Optional.of("state root " + i.stateRoot() + " != expected " + s.postState().stateRoot());
                }
                assertTrue(importer.bestHead().isPresent());
                assertEquals(i.headerHash(), importer.bestHead().get(), "best head");
                yield Optional.empty();
            }
        };
    }

    /** Which state keys differ (missing, extra, changed), with their GP names. */
    static String diff(List<KeyValue> expected, List<KeyValue> got) {
        Map<StateKey, byte[]> e = new TreeMap<>();
        expected.forEach(kv -> e.put(kv.key(), kv.value()));
        Map<StateKey, byte[]> g = new TreeMap<>();
        got.forEach(kv -> g.put(kv.key(), kv.value()));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<StateKey, byte[]> x : e.entrySet()) {
            byte[] v = g.get(x.getKey());
            if (v == null) {
                sb.append("\n  missing ").append(StateCodec.describe(x.getKey()));
            } else if (!Arrays.equals(v, x.getValue())) {
                sb.append("\n  differs ").append(StateCodec.describe(x.getKey())).append(" (expected ")
                        .append(x.getValue().length).append(" bytes, got ").append(v.length)
                        .append(", first difference at byte ").append(Arrays.mismatch(v, x.getValue())).append(')');
            }
        }
        for (StateKey k : g.keySet()) {
            if (!e.containsKey(k)) {
                sb.append("\n  extra ").append(StateCodec.describe(k));
            }
        }
        return sb.toString();
    }
}
