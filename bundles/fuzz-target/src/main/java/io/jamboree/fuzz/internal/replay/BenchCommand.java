package io.jamboree.fuzz.internal.replay;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.Semver;
import io.jamboree.runtime.spi.JamCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code jam bench --jam PATH [--rounds N] [--typeberry DIR] [--node PATH] [--pvm ENGINE[,ENGINE...]] [--chain tiny|full]
 * [--timeout SECONDS] [--start-timeout SECONDS] [--log DIR] TRACE_DIR...}: times block import through the fuzz protocol as the
 * conformance fuzzer times a target. Each round starts a FRESH target process per target (our {@code jam fuzz-target},
 * and Typeberry when {@code --typeberry DIR} names a folder set up with the shared {@code typeberry-setup} script;
 * nothing of Typeberry ships with Jamboree), plays every trace folder through it in one session with
 * {@link TraceReplayer} (every state root checked) and stops it; the targets' order alternates between rounds.
 * Prints per trace and target the import-block round trips over all rounds (mean, p50, p99, max, the first block's
 * mean), the ratio of our mean to Typeberry's and our p99 over our mean, and the machine's load average.
 * A folder holding the public traces' sub-folders ({@code traces/}) stands for the six of them, in the fuzzer's order.
 * With {@code --pvm}, one of our targets per PVM engine ({@code jam fuzz-target --pvm ENGINE}, named
 * {@code jamboree-ENGINE}), so engines are compared the same way, round by round.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=" + BenchCommand.NAME_VALUE)
public final class BenchCommand implements JamCommand {
    static final String NAME_VALUE = "bench";
    /** The public traces, in the order the conformance fuzzer plays them. */
    static final List<String> PUBLIC_TRACES = List.of("fallback", "safrole", "storage", "storage_light", "preimages", "preimages_light");
    static final int DEFAULT_ROUNDS = 5;
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    private final Semver appVersion;

    @Activate
    public BenchCommand(BundleContext ctx) {
        org.osgi.framework.Version v = ctx.getBundle().getVersion();
        this.appVersion = new Semver(v.getMajor(), v.getMinor(), v.getMicro());
    }

    @Override
    public String name() {
        return NAME_VALUE;
    }

    /** A fuzz target to start: its name, its command (with {@code %s} for the socket), folder and environment. */
    record Target(String name, List<String> command, Path workDir, Map<String, String> env) {
        ProcessBuilder builder(Path socket) {
            List<String> cmd = new ArrayList<>();
            for (String c : command) {
                cmd.add(c.replace("%s", socket.toString()));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.environment().putAll(env);
            return pb;
        }
    }

    /** One target's figures on one trace over all rounds. */
    static final class Figures {
        final StepTimes all = new StepTimes();
        double firstSum;
        int rounds;
        int failed;

        void add(TraceReplayer.FolderResult r) {
            all.addAll(r.times());
            if (r.times().count() > 0) {
                firstSum += r.times().nanos(0) / 1e6;
                rounds++;
            }
            failed += r.failed() + r.notReplayed();
        }

        double firstMillis() {
            return rounds == 0 ? 0 : firstSum / rounds;
        }
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path jam = null;
        Path typeberry = null;
        String node = "node";
        int rounds = DEFAULT_ROUNDS;
        ChainParams params = ChainParams.tiny();
        Duration timeout = FuzzReplayCommand.DEFAULT_TIMEOUT;
        Duration startTimeout = DEFAULT_START_TIMEOUT;
        Path logDir = null;
        List<String> engines = List.of();
        List<Path> folders = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--jam" -> jam = Path.of(value(args, ++i, a));
                    case "--typeberry" -> typeberry = Path.of(value(args, ++i, a));
                    case "--node" -> node = value(args, ++i, a);
                    case "--rounds" -> rounds = positive(value(args, ++i, a), a);
                    case "--chain" -> {
                        String c = value(args, ++i, a);
                        params = ChainParams.byName(c).orElseThrow(() -> new IllegalArgumentException("unknown chain '" + c + "' (tiny or full)"));
                    }
                    case "--timeout" -> timeout = FuzzReplayCommand.seconds(value(args, ++i, a), a);
                    case "--start-timeout" -> startTimeout = FuzzReplayCommand.seconds(value(args, ++i, a), a);
                    case "--log" -> logDir = Path.of(value(args, ++i, a));
                    case "--pvm" -> engines = engines(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option '" + a + "'");
                        }
                        folders.addAll(expand(Path.of(a)));
                    }
                }
            }
            if (jam == null) {
                throw new IllegalArgumentException("--jam PATH (this installation's bin/jam) is required");
            }
            if (folders.isEmpty()) {
                throw new IllegalArgumentException("no trace folder given");
            }
            if (typeberry != null && !Files.isRegularFile(typeberry.resolve(TYPEBERRY_MAIN))) {
                throw new IllegalArgumentException("no Typeberry in " + typeberry + " (no " + TYPEBERRY_MAIN
                        + "; install it with the shared tools/typeberry-setup DIR)");
            }
        } catch (IllegalArgumentException e) {
            err.println("jam bench: " + e.getMessage());
            return TraceReplayer.BAD_INPUT;
        }
        List<Target> targets = new ArrayList<>();
        if (engines.isEmpty()) {
            targets.add(new Target("jamboree", List.of(jam.toString(), "fuzz-target", "--socket", "%s", "--chain", params.name()), null, Map.of()));
        }
        for (String engine : engines) {
            targets.add(new Target("jamboree-" + engine, List.of(jam.toString(), "fuzz-target", "--socket", "%s", "--chain", params.name(),
                    "--pvm", engine), null, Map.of()));
        }
        if (typeberry != null) {
            targets.add(new Target("typeberry", List.of(node, typeberry.toAbsolutePath().resolve(TYPEBERRY_MAIN).toString(), "fuzz-target", "%s"),
                    typeberry.toAbsolutePath(), Map.of("GP_VERSION", "0.7.2", "JAM_FUZZ_DB", "lmdb-hybrid")));
        }
        Map<String, Map<String, Figures>> figures = new LinkedHashMap<>();
        for (Path f : folders) {
            Map<String, Figures> perTarget = new LinkedHashMap<>();
            for (Target t : targets) {
                perTarget.put(t.name(), new Figures());
            }
            figures.put(name(f), perTarget);
        }
        double loadStart = load();
        out.printf(Locale.ROOT, "jam bench: %d round(s), %d trace folder(s), targets %s; %d cores, load average %.2f%n", rounds,
                folders.size(), targets.stream().map(Target::name).toList(), Runtime.getRuntime().availableProcessors(), loadStart);
        out.flush();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("jam-bench");
        } catch (IOException e) {
            err.println("jam bench: no temporary folder: " + e.getMessage());
            return TraceReplayer.FAILED;
        }
        boolean ok = true;
        double loadMax = loadStart;
        try {
            for (int r = 1; r <= rounds; r++) {
                for (int k = 0; k < targets.size(); k++) {
                    Target t = targets.get((r % 2 == 1) ? k : targets.size() - 1 - k);
                    Path socket = scratch.resolve(t.name() + ".sock");
                    Path log = logDir == null ? null : logDir.resolve(t.name() + "-round" + r + ".log");
                    List<TraceReplayer.FolderResult> results;
                    try {
                        results = playFresh(t, socket, log, startTimeout,
                                new TraceReplayer.Options(socket, params, timeout, false, 0, false, FuzzReplayCommand.peerInfo(appVersion)),
                                folders, err);
                    } catch (IOException e) {
                        err.println("jam bench: round " + r + ", " + t.name() + ": " + e.getMessage());
                        ok = false;
                        continue;
                    }
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d %-9s", r, rounds, t.name()));
                    for (TraceReplayer.FolderResult res : results) {
                        figures.get(res.name()).get(t.name()).add(res);
                        line.append(String.format(Locale.ROOT, " %s %.2f", res.name(), res.times().meanMillis()));
                        if (res.failed() + res.notReplayed() > 0) {
                            ok = false;
                            line.append(" (").append(res.failed() + res.notReplayed()).append(" failed)");
                        }
                    }
                    double l = load();
                    loadMax = Math.max(loadMax, l);
                    out.println(line.append(String.format(Locale.ROOT, "; load %.2f", l)));
                    out.flush();
                }
            }
        } finally {
            deleteQuietly(scratch);
        }
        printTable(out, figures, targets);
        out.printf(Locale.ROOT, "load average (1 min): %.2f at the start, %.2f at the end, %.2f the highest seen; %d cores%n", loadStart,
                load(), loadMax, Runtime.getRuntime().availableProcessors());
        return ok ? TraceReplayer.OK : TraceReplayer.FAILED;
    }

    /** {@code --pvm}'s comma-separated engine names (each a name {@code jam fuzz-target --pvm} takes), no repeats. */
    static List<String> engines(String value) {
        List<String> l = new ArrayList<>();
        for (String e : value.split(",", -1)) {
            if (!e.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("--pvm: '" + e + "' is not an engine name (interpreter, recompiler, tiered, ...)");
            }
            if (l.contains(e)) {
                throw new IllegalArgumentException("--pvm: '" + e + "' given twice");
            }
            l.add(e);
        }
        return List.copyOf(l);
    }

    /** Typeberry's entry point inside the folder that {@code typeberry-setup} fills. */
    static final String TYPEBERRY_MAIN = "node_modules/@typeberry/jam/index.js";

    /** Starts {@code t} afresh on {@code socket}, plays {@code folders} through it in one session, stops it. */
    private static List<TraceReplayer.FolderResult> playFresh(Target t, Path socket, Path log, Duration startTimeout,
            TraceReplayer.Options options, List<Path> folders, PrintStream err) throws IOException {
        Files.deleteIfExists(socket);
        ProcessBuilder pb = t.builder(socket).redirectErrorStream(true);
        if (log == null) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        } else {
            Files.createDirectories(log.toAbsolutePath().getParent());
            pb.redirectOutput(log.toFile());
        }
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            while (!Files.exists(socket)) {
                if (!p.isAlive()) {
                    throw new IOException("the target exited with code " + p.exitValue() + " before it listened"
                            + (log == null ? " (--log DIR keeps its output)" : " (output in " + log + ")"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("no socket " + socket + " after " + startTimeout.toSeconds() + " s");
                }
                sleep();
            }
            // The socket file appears when the target binds, a moment before it listens: a refused connection is
            // tried again (nothing was replayed yet) until the start-up deadline.
            while (true) {
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                TraceReplayer replayer = new TraceReplayer(options, new PrintStream(OutputStream.nullOutputStream()),
                        new PrintStream(errors, true, StandardCharsets.UTF_8));
                int code = replayer.run(folders);
                if (code == TraceReplayer.NO_TARGET && p.isAlive() && System.nanoTime() < deadline) {
                    sleep();
                    continue;
                }
                err.print(errors.toString(StandardCharsets.UTF_8));
                if (code == TraceReplayer.NO_TARGET || code == TraceReplayer.BAD_INPUT) {
                    throw new IOException("replay failed (exit code " + code + ")");
                }
                return replayer.results();
            }
        } finally {
            stop(p);
            Files.deleteIfExists(socket);
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static void stop(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void printTable(PrintStream out, Map<String, Map<String, Figures>> figures, List<Target> targets) {
        int width = Math.max(10, targets.stream().mapToInt(t -> t.name().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-16s %-" + width + "s %7s %9s %9s %9s %9s %9s %8s %8s %5s%n", "trace", "target", "blocks", "mean", "p50", "p99", "max",
                "first", "ratio", "p99/mean", "fail");
        for (Map.Entry<String, Map<String, Figures>> e : figures.entrySet()) {
            Figures tb = e.getValue().get("typeberry");
            for (Target t : targets) {
                Figures f = e.getValue().get(t.name());
                StepTimes s = f.all;
                String ratio = t.name().startsWith("jamboree") && tb != null && tb.all.count() > 0 && s.count() > 0
                        ? String.format(Locale.ROOT, "%.3f", s.meanMillis() / tb.all.meanMillis()) : "";
                String spread = s.count() > 0 ? String.format(Locale.ROOT, "%.2f", s.quantileMillis(0.99) / s.meanMillis()) : "";
                out.printf(Locale.ROOT, "%-16s %-" + width + "s %7d %9.2f %9.2f %9.2f %9.2f %9.2f %8s %8s %5d%n", e.getKey(), t.name(), s.count(),
                        s.meanMillis(), s.p50Millis(), s.quantileMillis(0.99), s.maxMillis(), f.firstMillis(), ratio, spread, f.failed);
            }
        }
        out.println("times in ms per import-block round trip over all rounds (fresh target per round); ratio: our mean / Typeberry's;"
                + " first: the trace's first block, mean over rounds");
    }

    /** A trace folder, or a folder holding the public traces' sub-folders: those, in the fuzzer's order. */
    static List<Path> expand(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such folder: " + dir);
        }
        if (Files.isRegularFile(dir.resolve("genesis.bin")) || !Files.isDirectory(dir.resolve(PUBLIC_TRACES.get(0)))) {
            return List.of(dir.toAbsolutePath().normalize());
        }
        List<Path> l = new ArrayList<>();
        for (String n : PUBLIC_TRACES) {
            if (Files.isDirectory(dir.resolve(n))) {
                l.add(dir.resolve(n).toAbsolutePath().normalize());
            }
        }
        return l;
    }

    private static String name(Path folder) {
        Path n = folder.getFileName();
        return n == null ? folder.toString() : n.toString();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int positive(String v, String option) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " needs a positive number, got '" + v + "'");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary folder: the OS cleans it
        }
    }
}
