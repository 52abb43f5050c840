package io.jamboree.importer.internal.cli;

import io.jamboree.stf.state.StateDiff;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.TraceFormatException;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs block-import traces through a {@link BlockImporter} and checks every posterior state root
 * (GP §4.1: σ' = Υ(σ, B); roots per GP Appendix D).
 *
 * <p>For each step: a block already in the store (an earlier, interrupted import) is not imported
 * again but its stored state root is checked; otherwise the importer is initialised from the step's
 * pre-state unless the block's parent is known with that state (under the parent's header if known,
 * else under the parent hash H_p alone: any step can start an import, e.g. a conformance fuzz-report
 * trace that begins mid-chain), the block is imported, and the resulting root is compared with the
 * post-state root. An exception of the importer (not a rejection) fails the step with its cause. A step whose post-state equals its pre-state
 * must be rejected. Failures print one {@code FAIL} line (and the differing state keys) on
 * {@code out}; at the end come the import-time percentiles and {@code N passed, M failed}.
 */
final class TraceImport {
    /** Exit codes: all passed, some failed, bad input, the importer or store broke down. */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int BROKEN = 3;

    /** Differing keys listed per failing step. */
    private static final int DIFF_LINES = 16;

    private final BlockImporter importer;
    private final ChainParams params;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean progress;
    private boolean verbose;
    private final TraceFileReader reader;
    private final ImportTimings timings = new ImportTimings();
    /** Headers seen so far (genesis and every step's block), by hash, oldest first. */
    private final Map<Hash, Header> headers = new LinkedHashMap<>();

    private Hash headHash;
    private Hash headRoot;
    private int passed;
    private int failed;
    private int resumed;
    private boolean resumeReported;
    private ProgressBar bar;
    /** Whether the store's best head has the post-state root of the trace step whose block it is. */
    private boolean headStepRootMatches;

    TraceImport(BlockImporter importer, PrintStream out, PrintStream err, boolean progress) {
        this.importer = importer;
        this.params = importer.params();
        this.out = out;
        this.err = err;
        this.progress = progress;
        this.reader = new TraceFileReader(params);
    }

    /** With {@code verbose}, one {@code ok FILE} line per passing imported step (after its commit). */
    TraceImport verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    ImportTimings timings() {
        return timings;
    }

    int passed() {
        return passed;
    }

    int failed() {
        return failed;
    }

    /** Steps found already imported in the store and checked there. */
    int resumed() {
        return resumed;
    }

    /** Imports the traces at {@code paths}; returns the exit code. */
    int run(List<Path> paths) {
        return run(null, paths);
    }

    /**
     * Imports the traces at {@code paths} starting from the genesis of the JIP-4 chain spec {@code chainSpec}
     * (if not null; then the paths may hold no genesis file); returns the exit code.
     */
    int run(Path chainSpec, List<Path> paths) {
        TraceFiles files;
        try {
            files = paths.isEmpty() ? new TraceFiles(null, List.of()) : TraceFiles.of(paths);
            if (chainSpec != null) {
                if (files.genesis() != null) {
                    err.println("jam import: both a chain spec (" + chainSpec + ") and a genesis file (" + files.genesis()
                            + ") given: leave out one");
                    return BAD_INPUT;
                }
                files = new TraceFiles(chainSpec, files.steps());
            }
        } catch (TraceFormatException e) {
            err.println("jam import: " + e.getMessage());
            return BAD_INPUT;
        }
        bar = progress ? new ProgressBar(err, files.steps().size()) : null;
        try {
            Genesis genesis = files.genesis() == null ? null : reader.genesis(files.genesis());
            int headIndex = reportStore(files, genesis);
            if (genesis != null) {
                genesis(genesis, files.genesis(), headIndex >= 0);
            }
            int i = 0;
            for (Path file : files.steps()) {
                if (bar != null) {
                    bar.show(i, file.getFileName().toString());
                }
                TraceStep step = reader.step(file);
                if (i <= headIndex) {
                    resumed(step, file, i == headIndex);
                } else {
                    step(step, file);
                }
                i++;
            }
            if (bar != null) {
                bar.clear();
            }
        } catch (TraceFormatException e) {
            if (bar != null) {
                bar.clear();
            }
            err.println("jam import: " + e.getMessage());
            summary();
            return BAD_INPUT;
        } catch (RuntimeException e) {
            if (bar != null) {
                bar.clear();
            }
            err.println("jam import: the importer or its store failed: " + e);
            summary();
            return BROKEN;
        }
        summary();
        return failed == 0 ? OK : FAILED;
    }

    private void summary() {
        out.println(timings.summary());
        out.println(passed + " passed, " + failed + " failed");
    }

    /**
     * What an earlier import left in the store, in one line printed before anything is imported:
     * {@code store: empty}, or {@code store: best head 0x… (FILE), state root 0x…} naming the trace file
     * whose block (or genesis header) is the best head. Returns the index of that step (the steps up to it
     * are resumed, not imported), or -1.
     */
    private int reportStore(TraceFiles files, Genesis genesis) throws TraceFormatException {
        Optional<Hash> best = importer.bestHead();
        if (best.isEmpty()) {
            out.println("store: empty");
            return -1;
        }
        Optional<List<KeyValue>> state = importer.state(best.get());
        if (state.isEmpty()) {
            out.println("store: best head " + best.get().hex() + " has no stored state");
            return -1;
        }
        Hash root = StateCodec.root(StateCodec.toMap(state.get()));
        headHash = best.get();
        headRoot = root;
        int index = -1;
        String which = "no block of this trace";
        if (genesis != null && genesis.header().hash(params).equals(headHash)) {
            which = files.genesis().getFileName().toString();
        } else {
            List<Path> steps = files.steps();
            for (int i = steps.size() - 1; i >= 0 && index < 0; i--) {
                TraceStep s = reader.step(steps.get(i));
                if (s.block().header().hash(params).equals(headHash)) {
                    headStepRootMatches = s.postState().stateRoot().equals(root);
                    index = i;
                    which = steps.get(i).getFileName().toString();
                }
            }
        }
        out.println("store: best head " + headHash.hex() + " (" + which + "), state root " + root.hex());
        return index;
    }

    /**
     * Starts from the genesis state unless the store holds it already or a block of the trace is the best
     * head (then the import resumes).
     */
    private void genesis(Genesis g, Path file, boolean resuming) {
        Hash hash = g.header().hash(params);
        headers.put(hash, g.header());
        if (hash.equals(headHash) && !headRoot.equals(g.state().stateRoot())) {
            fail(file, "the stored state root " + headRoot.hex() + " of the genesis differs from its state root "
                    + g.state().stateRoot().hex());
        }
        if (resuming || hash.equals(headHash)) {
            return;
        }
        Optional<List<KeyValue>> stored = importer.state(hash);
        if (stored.isPresent() && StateCodec.root(StateCodec.toMap(stored.get())).equals(g.state().stateRoot())) {
            return;
        }
        if (headHash != null) {
            out.println("store: the best head is no block of this trace; starting again from " + file.getFileName());
        }
        Hash root;
        try {
            root = importer.initialize(g.header(), g.state().keyvals(), List.of());
        } catch (RuntimeException e) {
            fail(file, "the importer cannot start from this genesis: " + e);
            return;
        }
        if (!root.equals(g.state().stateRoot())) {
            fail(file, "state root " + root.hex() + " after initialisation differs from the genesis state root "
                    + g.state().stateRoot().hex());
        }
        headHash = hash;
        headRoot = root;
    }

    private void step(TraceStep step, Path file) {
        Block block = step.block();
        Hash hash = block.header().hash(params);
        Hash parent = block.header().parent();
        try {
            reportResume(file);
            if (!prepareParent(step, parent, file)) {
                return;
            }
            long t0 = System.nanoTime();
            ImportOutcome outcome = importer.importBlock(block);
            timings.add(System.nanoTime() - t0);
            check(step, file, outcome);
        } catch (RuntimeException e) {
            fail(file, "the importer failed: " + e);
        } finally {
            headers.put(hash, block.header());
        }
    }

    /**
     * A step up to the best head of the store (an earlier, interrupted import): not imported again. Its
     * stored state root must equal the post-state root; where the importer has pruned an older state, the
     * step passes if the best head's root equals the post-state root of the head's step, as the chain
     * reached that state through it. A block that must be rejected must not be in the store.
     */
    private void resumed(TraceStep step, Path file, boolean isHead) {
        resumed++;
        Block block = step.block();
        Hash hash = block.header().hash(params);
        headers.put(hash, block.header());
        Optional<List<KeyValue>> state = step.mustReject() && !isHead ? Optional.empty() : importer.state(hash);
        if (step.mustReject()) {
            if (state.isPresent() || isHead) {
                fail(file, "the store holds the block " + hash.hex() + ", which must be rejected");
            } else {
                passed++;
            }
            return;
        }
        if (state.isEmpty()) {
            if (headStepRootMatches) {
                passed++;
            } else {
                fail(file, "the state of block " + hash.hex() + " is pruned and the best head's state root differs from"
                        + " the trace, so the step cannot be confirmed");
            }
            return;
        }
        Hash root = StateCodec.root(StateCodec.toMap(state.get()));
        if (!root.equals(step.postState().stateRoot())) {
            fail(file, "stored state root " + root.hex() + " of block " + hash.hex() + " differs from the post_state root "
                    + step.postState().stateRoot().hex());
            diff(step.postState().keyvals(), state.get());
        } else {
            passed++;
        }
    }

    private void reportResume(Path file) {
        if (resumed > 0 && !resumeReported) {
            if (bar != null) {
                bar.clear();
            }
            out.println("resume: " + resumed + " steps already imported, continuing with " + file.getFileName());
        }
        resumeReported = true;
    }

    /**
     * Makes the pre-state of the step the state of the block's parent: as it is when the parent is the
     * head or stored with that root, else by initialising the importer from the pre-state under the
     * parent's header, or, when that header is unknown (a trace that starts mid-chain, without genesis),
     * under the parent hash H_p alone (the block's H_r is then checked against the pre-state's root by the
     * import). Returns false (after reporting) when that is impossible.
     */
    private boolean prepareParent(TraceStep step, Hash parent, Path file) {
        Hash preRoot = step.preState().stateRoot();
        if (parent.equals(headHash) && preRoot.equals(headRoot)) {
            return true;
        }
        if (!parent.equals(headHash)) {
            Optional<List<KeyValue>> ps = importer.state(parent);
            if (ps.isPresent() && StateCodec.root(StateCodec.toMap(ps.get())).equals(preRoot)) {
                headHash = parent;
                headRoot = preRoot;
                return true;
            }
        }
        Header parentHeader = headers.get(parent);
        Hash root = parentHeader != null
                ? importer.initialize(parentHeader, step.preState().keyvals(), ancestry(parent, parentHeader))
                : importer.initialize(parent, step.preState().keyvals(), List.of());
        headHash = parent;
        headRoot = root;
        if (!root.equals(preRoot)) {
            fail(file, "state root " + root.hex() + " after initialising from the pre_state differs from its root " + preRoot.hex());
            return false;
        }
        return true;
    }

    /** Known headers before the parent, no older than the lookup-anchor age L (GP §11.4), oldest first. */
    private List<AncestryItem> ancestry(Hash parent, Header parentHeader) {
        List<AncestryItem> out = new ArrayList<>();
        long oldest = parentHeader.slot() - params.maxLookupAnchorAge();
        for (Map.Entry<Hash, Header> e : headers.entrySet()) {
            if (!e.getKey().equals(parent) && e.getValue().slot() >= oldest && e.getValue().slot() < parentHeader.slot()) {
                out.add(new AncestryItem(e.getValue().slot(), e.getKey()));
            }
        }
        return out;
    }

    private void check(TraceStep step, Path file, ImportOutcome outcome) {
        switch (outcome) {
            case ImportOutcome.Imported(Hash h, Hash root) -> {
                headHash = h;
                headRoot = root;
                if (step.mustReject()) {
                    fail(file, "the block was imported (state root " + root.hex() + ") but must be rejected");
                } else if (!root.equals(step.postState().stateRoot())) {
                    fail(file, "state root " + root.hex() + " differs from the post_state root " + step.postState().stateRoot().hex());
                    Optional<List<KeyValue>> actual = importer.state(h);
                    if (actual.isPresent()) {
                        diff(step.postState().keyvals(), actual.get());
                    } else {
                        out.println("  (the importer has no state for block " + h.hex() + ")");
                    }
                } else {
                    passed++;
                    if (verbose) {
                        out.println("ok " + file.getFileName() + ": imported, state root " + root.hex());
                    }
                }
            }
            case ImportOutcome.Rejected(String reason) -> {
                if (step.mustReject()) {
                    passed++;
                    if (verbose) {
                        out.println("ok " + file.getFileName() + ": rejected as it must be (" + reason + ")");
                    }
                } else {
                    fail(file, "the block was rejected: " + reason);
                }
            }
        }
    }

    private void diff(List<KeyValue> expected, List<KeyValue> actual) {
        for (String line : StateDiff.of(expected, actual).describe("actual", DIFF_LINES)) {
            out.println("  " + line);
        }
    }

    private void fail(Path file, String why) {
        failed++;
        if (bar != null) {
            bar.clear();
        }
        out.println("FAIL " + file + ": " + why);
    }
}
