package io.jamboree.fuzz.internal.replay;

import io.jamboree.codec.CodecException;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.RawState;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.types.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One block-import trace folder in the public traces format ({@code jam-test-vectors traces/schema.asn}, also
 * written by {@code jam export --trace}): an optional {@code genesis.bin} ({@code Genesis ::= { header, state }})
 * and the steps {@code NNNNNNNN.bin} ({@code TraceStep ::= { pre-state, block, post-state }}, a state being
 * {@code RawState ::= { state-root, keyvals }}), binary JAM codec (GP Appendix C). A step whose post-state root
 * equals its pre-state root holds a block that must be rejected (GP §4.1: an invalid block leaves σ unchanged).
 * Steps are decoded one at a time, when replayed, so a long trace is never held in memory at once, with the
 * importer's exported trace codec ({@link TraceStep}, {@link Genesis}).
 */
final class ReplayTrace {
    private final Path folder;
    private final Path genesis;
    private final List<Path> steps;
    private final ChainParams params;

    /**
     * One {@code TraceStep}.
     *
     * @param file the step's file name, e.g. {@code 00000001.bin}
     */
    record Step(String file, RawState pre, Block block, RawState post) {
        /** Whether the trace expects the block to be rejected: its post-state is its pre-state. */
        boolean mustReject() {
            return pre.stateRoot().equals(post.stateRoot());
        }
    }

    private ReplayTrace(Path folder, Path genesis, List<Path> steps, ChainParams params) {
        this.folder = folder;
        this.genesis = genesis;
        this.steps = List.copyOf(steps);
        this.params = params;
    }

    /**
     * The trace in {@code folder}: its {@code genesis.bin}, if any, and its step files {@code *.bin} in name
     * order. A missing folder or one without any {@code .bin} trace file is a {@link TraceFileException}.
     */
    static ReplayTrace open(Path folder, ChainParams params) throws TraceFileException {
        if (!Files.isDirectory(folder)) {
            throw new TraceFileException(folder, Files.exists(folder) ? "not a folder (give a trace folder)" : "no such folder");
        }
        Path genesis = null;
        List<Path> steps = new ArrayList<>();
        boolean json = false;
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.equals("genesis.bin")) {
                    genesis = f;
                } else if (n.endsWith(".bin")) {
                    steps.add(f);
                } else if (n.endsWith(".json")) {
                    json = true;
                }
            }
        } catch (IOException e) {
            throw new TraceFileException(folder, "cannot list: " + e.getMessage());
        }
        if (steps.isEmpty()) {
            throw new TraceFileException(folder, json
                    ? "no .bin step files (only .json; fuzz-replay sends the binary TraceStep files)"
                    : "no trace step files (NNNNNNNN.bin)");
        }
        return new ReplayTrace(folder, genesis, steps, params);
    }

    Path folder() {
        return folder;
    }

    /** The folder's name, for reports. */
    String name() {
        Path n = folder.getFileName();
        return n == null ? folder.toString() : n.toString();
    }

    boolean hasGenesis() {
        return genesis != null;
    }

    int stepCount() {
        return steps.size();
    }

    Genesis genesis() throws TraceFileException {
        if (genesis == null) {
            throw new IllegalStateException("no genesis.bin in " + folder);
        }
        byte[] bytes = read(genesis);
        try {
            return Genesis.decode(bytes, params);
        } catch (CodecException | IllegalArgumentException e) {
            throw new TraceFileException(genesis, "not a Genesis (" + params.name() + " chain): " + e.getMessage());
        }
    }

    /** Step {@code i} (0-based), decoded from its file. */
    Step step(int i) throws TraceFileException {
        Path f = steps.get(i);
        byte[] bytes = read(f);
        try {
            TraceStep s = TraceStep.decode(bytes, params);
            return new Step(f.getFileName().toString(), s.preState(), s.block(), s.postState());
        } catch (CodecException | IllegalArgumentException e) {
            throw new TraceFileException(f, "not a TraceStep (" + params.name() + " chain): " + e.getMessage());
        }
    }

    private static byte[] read(Path f) throws TraceFileException {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new TraceFileException(f, "cannot read: " + e.getMessage());
        }
    }
}
