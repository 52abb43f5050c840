package io.jamboree.fuzz.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.types.Hash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The fuzz target's start-up warm-up: before it listens, the target imports a short chain of its own through a
 * fresh importer of the same kind a session gets (GP §4.1, σ' = Υ(σ, B), each block's state root checked against
 * the chain's), then drops it. A fresh JVM otherwise spends the fuzzer's first blocks loading and linking classes
 * and interpreting byte code (the first block of a fresh target took ~0.5 s, the next ones ~20 ms).
 *
 * <p>The chain is the distribution's {@code lib/warmup/}: generated when the distribution is built, by
 * {@code jam run --chain tiny --dev-validators 0-5 --clock fast --slots 13} and {@code jam export --trace} (the dev
 * genesis, fallback-sealed blocks with ticket extrinsics, the first epoch change and two ticket-sealed blocks), so it
 * needs no test data. Nothing of it outlives the warm-up: the importer and its store are closed. A missing or bad
 * folder, or a block the importer does not take as the chain recorded it, only ends the warm-up (logged); the target
 * serves all the same.
 */
final class WarmUp {
    /** The chain parameters of the shipped warm-up chain. */
    static final ChainParams PARAMS = ChainParams.tiny();

    /**
     * What a warm-up did.
     *
     * @param blocks blocks imported over all passes
     * @param totalNanos the whole warm-up, reading the files included
     * @param firstBlockNanos the first block of the first pass
     * @param epochChangeNanos the first pass's first block of a new epoch (0 if none)
     * @param problem why it stopped early, or {@code null}
     */
    record Result(int blocks, long totalNanos, long firstBlockNanos, long epochChangeNanos, String problem) {
        String describe() {
            String s = String.format(Locale.ROOT, "%d blocks in %.0f ms (first block %.1f ms, epoch change %.1f ms)",
                    blocks, totalNanos / 1e6, firstBlockNanos / 1e6, epochChangeNanos / 1e6);
            return problem == null ? s : s + "; stopped: " + problem;
        }
    }

    private WarmUp() {}

    /** Imports the chain in {@code folder} {@code passes} times, each pass through a fresh importer of {@code importers}. */
    static Result run(Path folder, int passes, ImporterFactory importers) {
        long start = System.nanoTime();
        Genesis genesis;
        List<TraceStep> steps = new ArrayList<>();
        try {
            genesis = Genesis.decode(Files.readAllBytes(folder.resolve("genesis.bin")), PARAMS);
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".bin") && !n.equals("genesis.bin");
                }).sorted().toList();
            }
            for (Path f : files) {
                steps.add(TraceStep.decode(Files.readAllBytes(f), PARAMS));
            }
        } catch (IOException | RuntimeException e) {
            return new Result(0, System.nanoTime() - start, 0, 0, "cannot read " + folder + ": " + e);
        }
        if (steps.isEmpty()) {
            return new Result(0, System.nanoTime() - start, 0, 0, "no blocks in " + folder);
        }
        int blocks = 0;
        long first = 0;
        long epochChange = 0;
        for (int pass = 0; pass < passes; pass++) {
            BlockImporter importer = importers.create(PARAMS);
            try {
                importer.initialize(genesis.header(), genesis.state().keyvals(), List.of());
                long epoch = genesis.header().slot() / PARAMS.epochLength();
                for (TraceStep step : steps) {
                    long t = System.nanoTime();
                    ImportOutcome outcome = importer.importBlock(step.block());
                    long took = System.nanoTime() - t;
                    Hash expected = step.postState().stateRoot();
                    boolean mustReject = expected.equals(step.preState().stateRoot());
                    String problem = switch (outcome) {
                        case ImportOutcome.Imported i when !mustReject && !i.stateRoot().equals(expected) ->
                                "slot " + step.block().header().slot() + ": state root " + i.stateRoot() + ", the chain has " + expected;
                        case ImportOutcome.Rejected r when !mustReject -> "slot " + step.block().header().slot() + " rejected: " + r.reason();
                        default -> null;
                    };
                    if (problem != null) {
                        return new Result(blocks, System.nanoTime() - start, first, epochChange, problem);
                    }
                    blocks++;
                    if (pass == 0) {
                        long e = step.block().header().slot() / PARAMS.epochLength();
                        if (blocks == 1) {
                            first = took;
                        } else if (e != epoch && epochChange == 0) {
                            epochChange = took;
                        }
                        epoch = e;
                    }
                }
            } catch (RuntimeException e) {
                return new Result(blocks, System.nanoTime() - start, first, epochChange, e.toString());
            } finally {
                if (importer instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // an in-memory store: nothing to report
                    }
                }
            }
        }
        return new Result(blocks, System.nanoTime() - start, first, epochChange, null);
    }
}
