package io.jamboree.fuzz.internal.replay;

import io.jamboree.stf.state.StateDiff;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzFeatures;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzMessage.ErrorMessage;
import io.jamboree.fuzz.FuzzMessage.GetState;
import io.jamboree.fuzz.FuzzMessage.ImportBlock;
import io.jamboree.fuzz.FuzzMessage.Initialize;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzMessage.State;
import io.jamboree.fuzz.FuzzMessage.StateRoot;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays block-import trace folders through a fuzz-proto v1 target the way the conformance fuzzer does, and
 * checks each reply against the trace: one connection and a {@code peer-info} handshake, then per folder an
 * {@code initialize} with {@code genesis.bin}'s header and state, and one {@code import-block} per step. A
 * step passes when the target answers the step's post-state root (GP §4.1, σ' = Υ(σ, B); root M_σ of GP
 * Appendix D), or, for a step the trace rejects (post-state = pre-state), when it answers {@code error}.
 *
 * <p>After a failing step the target's state is no longer the trace's, so before the next step the target
 * is re-initialized with that step's pre-state under its parent's header (known from the trace), and each
 * step is judged on its own. A folder without {@code genesis.bin} (e.g. a conformance fuzz report, which
 * starts mid-chain) starts the same way when the first step's parent header is in the folder; otherwise
 * (fuzz-proto's {@code initialize} names the state by a header, and the first step's parent header is not
 * given) its first valid step is not replayed: the target is initialized with that step's header and
 * post-state, and the replay checks the steps after it.
 *
 * <p>On a wrong root the target's posterior state is fetched ({@code get-state}) and the first differing keys
 * are printed. A target that closes the connection, sends a malformed or unexpected reply or misses the
 * timeout fails the step; the rest of that folder is not replayed and the next folder gets a new connection.
 */
final class TraceReplayer {
    /** Exit code: every step passed. */
    static final int OK = 0;
    /** Exit code: a step failed, or the target failed an exchange. */
    static final int FAILED = 1;
    /** Exit code: bad arguments, or a trace folder or file missing or undecodable. */
    static final int BAD_INPUT = 2;
    /** Exit code: no target could be reached on the socket. */
    static final int NO_TARGET = 3;

    /** Seconds between progress lines while a folder is replayed. */
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    /**
     * How to replay.
     *
     * @param socket the target's Unix domain socket
     * @param params the chain parameters the traces and the target use
     * @param timeout the limit on each request's whole round trip
     * @param stopOnFail stop at the first failing step
     * @param diffLimit the differing keys printed per failing step
     * @param verbose one line per passing step
     * @param ours this client's handshake
     */
    record Options(Path socket, ChainParams params, Duration timeout, boolean stopOnFail, int diffLimit, boolean verbose,
            PeerInfo ours) {}

    /** The outcome of one folder. */
    record FolderResult(String name, int passed, int failed, int notReplayed, StepTimes times, long initializeNanos) {}

    private final Options o;
    private final PrintStream out;
    private final PrintStream err;
    private TargetConnection conn;
    private PeerInfo target;
    private final List<FolderResult> results = new ArrayList<>();

    TraceReplayer(Options options, PrintStream out, PrintStream err) {
        this.o = options;
        this.out = out;
        this.err = err;
    }

    /** The folders replayed so far, in order. */
    List<FolderResult> results() {
        return List.copyOf(results);
    }

    /** The target's handshake, once connected. */
    PeerInfo target() {
        return target;
    }

    /** Replays {@code folders} in order; the exit code: {@link #OK} only if every step passed. */
    int run(List<Path> folders) {
        List<ReplayTrace> traces = new ArrayList<>();
        for (Path f : folders) {
            try {
                traces.add(ReplayTrace.open(f, o.params()));
            } catch (TraceFileException e) {
                err.println("jam fuzz-replay: " + e.getMessage());
                return BAD_INPUT;
            }
        }
        try {
            connect();
        } catch (TargetException e) {
            err.println("jam fuzz-replay: " + e.getMessage());
            return NO_TARGET;
        }
        boolean badInput = false;
        boolean stop = false;
        try {
            for (ReplayTrace t : traces) {
                if (stop) {
                    out.println(t.name() + ": not replayed (--stop-on-fail)");
                    continue;
                }
                Folder f = new Folder(t);
                try {
                    f.replay();
                } catch (TraceFileException e) {
                    err.println("jam fuzz-replay: " + e.getMessage());
                    badInput = true;
                }
                results.add(f.result());
                out.println(t.name() + ": " + f.summary());
                out.flush();
                stop = o.stopOnFail() && f.failed > 0;
            }
        } finally {
            disconnect();
        }
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (FolderResult r : results) {
            passed += r.passed();
            failed += r.failed();
            skipped += r.notReplayed();
        }
        out.println((results.size() > 1 ? "total: " : "") + passed + " passed, " + failed + " failed"
                + (skipped > 0 ? ", " + skipped + " not replayed" : ""));
        return failed > 0 ? FAILED : badInput ? BAD_INPUT : OK;
    }

    private TargetConnection connect() throws TargetException {
        if (conn != null) {
            return conn;
        }
        TargetConnection c = TargetConnection.connect(o.socket(), o.params(), o.timeout());
        try {
            FuzzMessage reply = c.exchange(o.ours());
            if (!(reply instanceof PeerInfo pi)) {
                throw new TargetException("the target answered peer-info with " + reply.kind());
            }
            if (pi.fuzzVersion() != o.ours().fuzzVersion()) {
                throw new TargetException("the target '" + pi.appName() + "' speaks fuzz-proto v" + pi.fuzzVersion()
                        + "; this client speaks v" + o.ours().fuzzVersion());
            }
            if (target == null) {
                out.println("target: " + pi.appName() + " " + pi.appVersion() + " (JAM " + pi.jamVersion() + ", fuzz-proto v"
                        + pi.fuzzVersion() + ", session features " + FuzzFeatures.describe(pi.features() & o.ours().features()) + ")"
                        + (pi.jamVersion().equals(o.ours().jamVersion()) ? "" : "; WARNING: this client replays JAM " + o.ours().jamVersion()));
                out.flush();
            }
            target = pi;
            conn = c;
            return c;
        } catch (TargetException e) {
            c.close();
            throw e;
        }
    }

    private void disconnect() {
        if (conn != null) {
            conn.close();
            conn = null;
        }
    }

    /** The replay of one folder. */
    private final class Folder {
        private final ReplayTrace trace;
        private final ChainParams p = o.params();
        private final StepTimes times = new StepTimes();
        /** Headers of the folder by hash: what a re-initialize names a step's pre-state by. */
        private final Map<Hash, Header> headers = new HashMap<>();
        private int passed;
        private int failed;
        private int notReplayed;
        private long initializeNanos;
        private String abortedBy;
        /** What is being replayed, for a failure of the target: a step's file name or genesis.bin. */
        private String at = "connecting";
        /** Whether the current step has been counted as failed. */
        private boolean stepFailed;
        /** Whether the target's head state is the trace's state before the next step. */
        private boolean synced;

        Folder(ReplayTrace trace) {
            this.trace = trace;
        }

        void replay() throws TraceFileException {
            out.println(trace.name() + ": " + trace.stepCount() + " steps" + (trace.hasGenesis() ? ", from genesis.bin"
                    : ", no genesis.bin: starts from the first step's state"));
            out.flush();
            int i = 0;
            long lastProgress = System.nanoTime();
            try {
                TargetConnection c = connect();
                if (trace.hasGenesis()) {
                    at = "genesis.bin (initialize)";
                    Genesis g = trace.genesis();
                    Hash root = initialize(c, g.header(), g.state().keyvals());
                    if (!root.equals(g.state().stateRoot())) {
                        failed++;
                        out.println("  FAIL genesis.bin (initialize): state root " + root.hex() + ", expected "
                                + g.state().stateRoot().hex());
                        if (o.stopOnFail()) {
                            notReplayed = trace.stepCount();
                            return;
                        }
                    }
                    headers.put(g.header().hash(p), g.header());
                    synced = true;
                }
                for (; i < trace.stepCount(); i++) {
                    stepFailed = false;
                    if (!step(c, trace.step(i)) && o.stopOnFail()) {
                        notReplayed += trace.stepCount() - i - 1;
                        return;
                    }
                    if (!o.verbose() && System.nanoTime() - lastProgress > PROGRESS_NANOS) {
                        lastProgress = System.nanoTime();
                        out.println("  ... " + (i + 1) + "/" + trace.stepCount() + " steps");
                        out.flush();
                    }
                }
            } catch (TargetException e) {
                if (!stepFailed) {
                    failed++;
                }
                abortedBy = e.getMessage();
                out.println("  FAIL " + at + ": " + e.getMessage());
                // the step that failed is counted; the ones after it (all, if initialize failed) are not replayed
                notReplayed += Math.max(0, trace.stepCount() - i - (at.equals("connecting") || at.startsWith("genesis") ? 0 : 1));
                disconnect();
            } catch (TraceFileException e) {
                notReplayed += trace.stepCount() - i;
                throw e;
            }
        }

        /** Replays one step; false if it failed. */
        private boolean step(TargetConnection c, ReplayTrace.Step s) throws TargetException {
            at = s.file();
            Header h = s.block().header();
            Hash hash = h.hash(p);
            if (!synced && !resync(c, s, h, hash)) {
                return !stepFailed;
            }
            long t0 = System.nanoTime();
            FuzzMessage reply = c.exchange(new ImportBlock(s.block()));
            long dt = System.nanoTime() - t0;
            times.add(dt);
            headers.put(hash, h);
            String ms = String.format("%.2f ms", dt / 1e6);
            switch (reply) {
                case StateRoot sr when s.mustReject() -> {
                    fail(s, ms, "imported with state root " + sr.root().hex()
                            + ", but the trace rejects this block (its post_state is its pre_state)");
                    diff(c, hash, s.post().keyvals());
                    synced = false;
                    return false;
                }
                case StateRoot sr when sr.root().equals(s.post().stateRoot()) -> {
                    pass(s, ms, "state root " + sr.root().hex());
                    return true;
                }
                case StateRoot sr -> {
                    fail(s, ms, "state root " + sr.root().hex() + ", expected " + s.post().stateRoot().hex());
                    diff(c, hash, s.post().keyvals());
                    synced = false;
                    return false;
                }
                case ErrorMessage e when s.mustReject() -> {
                    pass(s, ms, "rejected as the trace expects: " + e.text());
                    return true;
                }
                case ErrorMessage e -> {
                    fail(s, ms, "rejected (\"" + e.text() + "\"), expected state root " + s.post().stateRoot().hex());
                    synced = false;
                    return false;
                }
                default -> throw new TargetException("unexpected reply " + reply.kind() + " to import-block of " + s.file());
            }
        }

        /**
         * Brings the target to the step's pre-state: initialize under the parent's header if the folder has it;
         * else, for a step that is no rejection, initialize with its own header and post-state (the step is
         * not replayed). False when the step is done: not replayed, or failed ({@link #stepFailed}).
         */
        private boolean resync(TargetConnection c, ReplayTrace.Step s, Header h, Hash hash) throws TargetException {
            Header parent = headers.get(h.parent());
            if (parent != null) {
                Hash root = initialize(c, parent, s.pre().keyvals());
                if (!root.equals(s.pre().stateRoot())) {
                    headers.put(hash, h);
                    fail(s, "-", "initialize with its pre_state answered state root " + root.hex() + ", expected "
                            + s.pre().stateRoot().hex());
                    return false;
                }
                synced = true;
                return true;
            }
            notReplayed++;
            if (s.mustReject()) {
                out.println("  " + s.file() + ": not replayed: the header of its parent " + h.parent().hex()
                        + " is not in the folder, and the trace rejects this block");
                return false;
            }
            out.println("  " + s.file() + ": not replayed: the header of its parent " + h.parent().hex()
                    + " is not in the folder; the target starts from this step's post_state");
            Hash root = initialize(c, h, s.post().keyvals());
            headers.put(hash, h);
            if (!root.equals(s.post().stateRoot())) {
                notReplayed--;
                fail(s, "-", "initialize with its post_state answered state root " + root.hex() + ", expected "
                        + s.post().stateRoot().hex());
                return false;
            }
            synced = true;
            return false;
        }

        private Hash initialize(TargetConnection c, Header header, List<KeyValue> state) throws TargetException {
            long t0 = System.nanoTime();
            FuzzMessage reply = c.exchange(new Initialize(header, state, List.of()));
            initializeNanos += System.nanoTime() - t0;
            if (reply instanceof StateRoot sr) {
                return sr.root();
            }
            throw new TargetException("unexpected reply " + reply.kind() + " to initialize"
                    + (reply instanceof ErrorMessage e ? ": " + e.text() : ""));
        }

        private void diff(TargetConnection c, Hash block, List<KeyValue> expected) throws TargetException {
            if (o.diffLimit() <= 0) {
                return;
            }
            FuzzMessage reply = c.exchange(new GetState(block));
            if (!(reply instanceof State st)) {
                out.println("    get-state " + block.hex() + ": the target answered " + reply.kind());
                return;
            }
            List<String> lines = StateDiff.of(expected, st.keyValues()).describe("target", o.diffLimit());
            if (lines.isEmpty()) {
                out.println("    get-state: the target's key/values equal the trace's post_state (the root it sent differs)");
            }
            for (String l : lines) {
                out.println("    " + l);
            }
        }

        private void pass(ReplayTrace.Step s, String ms, String what) {
            passed++;
            if (o.verbose()) {
                out.println("  ok " + s.file() + " " + ms + ": " + what);
            }
        }

        private void fail(ReplayTrace.Step s, String ms, String what) {
            failed++;
            stepFailed = true;
            out.println("  FAIL " + s.file() + " (slot " + s.block().header().slot() + ", " + ms + "): " + what);
            out.flush();
        }

        FolderResult result() {
            return new FolderResult(trace.name(), passed, failed, notReplayed, times, initializeNanos);
        }

        String summary() {
            return passed + " passed, " + failed + " failed" + (notReplayed > 0 ? ", " + notReplayed + " not replayed" : "")
                    + "; import-block " + times.describe() + String.format("; initialize %.1f ms", initializeNanos / 1e6)
                    + (abortedBy == null ? "" : "; stopped: " + abortedBy);
        }
    }
}
