package io.jamboree.bench;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.pvm.recompiler.RecompilerEngine;
import io.jamboree.pvm.recompiler.TieredEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Block import (GP §4.2, Υ plus state Merklization, GP Appendix D) over the 100 steps of a public block-import
 * trace (jam-test-vectors-0.7.2/traces/FOLDER, tiny) into the in-memory store, through the {@link io.jamboree.importer.BlockImporterFactory}
 * factory; the score is milliseconds per block. Each invocation starts from a freshly initialized importer (the
 * genesis state, not timed) and imports the steps in order; the first import of each trial is checked against the
 * trace (every valid block gives its post-state root, every invalid block is rejected), so a wrong importer cannot
 * post a score.
 *
 * <p>Vectors: found by {@link VectorsFolder} ({@code -Djam.vectors=DIR}, else {@code $JAM_VECTORS}, else {@code ~/.cache/jam-vectors}). Besides JMH
 * ({@code java -jar bench/target/benchmarks.jar ImportBench -p folder=storage}), {@link #main} times single
 * imports per block, with percentiles, for profiling runs: {@code java -cp bench/target/benchmarks.jar
 * io.jamboree.bench.ImportBench [rounds] [folder...]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImportBench {
    static final int STEPS = 100;
    static final ChainParams P = ChainParams.tiny();

    @Param({"fallback", "safrole", "storage", "storage_light", "preimages", "preimages_light"})
    String folder;

    @Param({"interpreter"})
    String pvm;

    Trace trace;
    BlockImporter importer;

    /** A decoded trace: genesis and steps, with the expected outcome of each. */
    record Trace(Genesis genesis, Block[] blocks, Hash[] expectedRoots) {

        /** Reads FOLDER's genesis.bin and step files NNNNNNNN.bin; an expected root is null for an invalid block. */
        static Trace read(String folder) {
            Path dir = folder(folder);
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().matches("\\d{8}\\.bin")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("no steps in " + dir);
            }
            Genesis g = Genesis.decode(bytes(dir.resolve("genesis.bin")), P);
            Block[] blocks = new Block[files.size()];
            Hash[] roots = new Hash[files.size()];
            for (int i = 0; i < blocks.length; i++) {
                TraceStep s = TraceStep.decode(bytes(files.get(i)), P);
                blocks[i] = s.block();
                boolean invalid = s.preState().stateRoot().equals(s.postState().stateRoot());
                roots[i] = invalid ? null : s.postState().stateRoot();
            }
            return new Trace(g, blocks, roots);
        }

        BlockImporter start(PvmEngine engine) {
            BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), new PvmInvocationsComponent().accumulation(engine));
            Hash root = imp.initialize(genesis.header(), genesis.state().keyvals(), List.of());
            if (!root.equals(genesis.state().stateRoot())) {
                throw new IllegalStateException("genesis state root " + root + " != " + genesis.state().stateRoot());
            }
            return imp;
        }

        /** Imports every step; with {@code check}, fails on the first outcome the trace does not expect. */
        void importAll(BlockImporter imp, boolean check, long[] nanos) {
            for (int i = 0; i < blocks.length; i++) {
                long t0 = System.nanoTime();
                ImportOutcome out = imp.importBlock(blocks[i]);
                if (nanos != null) {
                    nanos[i] = System.nanoTime() - t0;
                }
                if (check) {
                    check(i, out);
                }
            }
        }

        private void check(int i, ImportOutcome out) {
            Hash want = expectedRoots[i];
            switch (out) {
                case ImportOutcome.Imported ok when want != null && ok.stateRoot().equals(want) -> { }
                case ImportOutcome.Rejected r when want == null -> { }
                default -> throw new IllegalStateException("step " + (i + 1) + ": " + out + ", expected "
                        + (want == null ? "a rejection" : "root " + want));
            }
        }
    }

    static Path folder(String name) {
        Path base = VectorsFolder.path();
        Path root = Files.isDirectory(base.resolve("jam-test-vectors-0.7.2")) ? base.resolve("jam-test-vectors-0.7.2") : base;
        Path dir = root.resolve("traces").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("trace folder missing: " + dir);
        }
        return dir;
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PvmEngine engine(String name) {
        return switch (name) {
            case "interpreter" -> new InterpreterEngine();
            case "recompiler" -> new RecompilerEngine();
            case "tiered" -> new TieredEngine(new InterpreterEngine(), TieredEngine.DEFAULT_INVOCATIONS,
                    TieredEngine.DEFAULT_GAS, TieredEngine.DEFAULT_HOT_ENTRIES);
            default -> throw new IllegalArgumentException("pvm: interpreter, recompiler or tiered, not " + name);
        };
    }

    @Setup(Level.Trial)
    public void load() {
        trace = Trace.read(folder);
        if (trace.blocks().length != STEPS) {
            throw new IllegalStateException(folder + " has " + trace.blocks().length + " steps, not " + STEPS);
        }
        trace.importAll(trace.start(engine(pvm)), true, null);
    }

    @Setup(Level.Invocation)
    public void fresh() {
        importer = trace.start(engine(pvm));
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public BlockImporter importTrace() {
        trace.importAll(importer, false, null);
        return importer;
    }

    /**
     * Profiling driver: {@code [rounds] [pvm=interpreter|recompiler|tiered] [folder...]} (default 5 rounds, all six
     * folders). Every round imports each folder from its genesis (checked) with a new engine (cold program caches);
     * the last round's per-block times are summarised, then the first round's (the first trace's first round is a
     * fresh JVM) and the best later round's mean wall-clock and CPU time of the importing thread (on a loaded machine
     * the CPU time is the steadier figure), and the CPU time of the tiered engine's compiler thread.
     */
    public static void main(String[] args) {
        int rounds = 5;
        String pvm = "interpreter";
        List<String> folders = new ArrayList<>();
        for (String a : args) {
            if (a.matches("\\d+")) {
                rounds = Integer.parseInt(a);
            } else if (a.startsWith("pvm=")) {
                pvm = a.substring(4);
            } else {
                folders.add(a);
            }
        }
        if (folders.isEmpty()) {
            folders = List.of("fallback", "safrole", "storage", "storage_light", "preimages", "preimages_light");
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String f : folders) {
            Trace t = Trace.read(f);
            long[] nanos = new long[t.blocks().length];
            double bestWall = Double.MAX_VALUE;
            double bestCpu = Double.MAX_VALUE;
            double firstWall = 0;
            double firstCpu = 0;
            long compiler0 = compilerCpu(mx);
            for (int r = 0; r < rounds; r++) {
                BlockImporter imp = t.start(engine(pvm));
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                t.importAll(imp, true, nanos);
                double wall = (System.nanoTime() - w0) / 1e6 / nanos.length;
                double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / nanos.length;
                if (r == 0) {
                    firstWall = wall;
                    firstCpu = cpu;
                } else {
                    bestWall = Math.min(bestWall, wall);
                    bestCpu = Math.min(bestCpu, cpu);
                }
            }
            System.out.println(summary(f, nanos) + String.format(Locale.ROOT,
                    "  | %s first round: mean %.2f wall, %.2f cpu; best later round: %.2f wall, %.2f cpu ms/block;"
                    + " compiler thread %.0f ms cpu", pvm, firstWall, firstCpu, bestWall, bestCpu,
                    (compilerCpu(mx) - compiler0) / 1e6));
            if (Boolean.getBoolean("jam.bench.slowest")) {
                Integer[] order = new Integer[nanos.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
                StringBuilder sb = new StringBuilder("  slowest steps (last round):");
                for (int i = 0; i < Math.min(5, order.length); i++) {
                    sb.append(String.format(Locale.ROOT, " %d: %.1f ms", order[i] + 1, nanos[order[i]] / 1e6));
                }
                System.out.println(sb);
            }
        }
    }

    /** CPU time of the tiered engine's compiler threads so far (ns; 0 without them). */
    private static long compilerCpu(java.lang.management.ThreadMXBean mx) {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("jam-pvm-tiered-compiler")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.threadId()));
            }
        }
        return sum;
    }

    static String summary(String folder, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double sum = 0;
        for (long n : s) {
            sum += n;
        }
        return String.format(Locale.ROOT, "%-16s mean %7.2f  p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f ms/block",
                folder, sum / s.length / 1e6, q(s, 0.5), q(s, 0.9), q(s, 0.99), q(s, 1.0));
    }

    private static double q(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1e6;
    }
}
