package io.jamboree.runtime;

import io.jamboree.runtime.spi.JamCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The {@code jam} command line. Each sub-command boots Felix with the bundles of the feature it
 * needs and calls the {@link JamCommand} service that implements it; {@code shell} gives the Gogo
 * console instead.
 */
@Command(name = "jam", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class,
        description = "Jamboree: a JAM protocol node (Graypaper 0.7.2) on Apache Felix.",
        subcommands = {Jam.VersionCmd.class, Jam.ShellCmd.class, Jam.TestVectorsCmd.class, Jam.ImportCmd.class, Jam.FuzzTargetCmd.class, Jam.GenSpecCmd.class, Jam.KeyCmd.class, Jam.RunCmd.class, Jam.ExportCmd.class, Jam.FuzzReplayCmd.class, Jam.BenchCmd.class, Jam.ExecCmd.class, Jam.RpcCmd.class, Jam.LogLevelCmd.class, Jam.SubmitWorkCmd.class, TestnetCommand.class, CommandLine.HelpCommand.class})
public final class Jam implements Callable<Integer> {

    @Option(names = "--home", description = "Installation folder with bundles/, features/ and conf/ (default: ${DEFAULT-VALUE}).")
    Path home = Path.of(System.getProperty("jamboree.home", "."));

    @Option(names = {"-v", "--verbose"}, description = "Log at debug level.")
    boolean verbose;

    @Option(names = "--log-level", paramLabel = "LEVEL[,LOGGER=LEVEL...]", scope = CommandLine.ScopeType.INHERIT,
            description = "Log level (trace, debug, info, warn, error; default info), then levels of loggers and their "
                    + "children by name prefix, e.g. info,io.jamboree.network=debug (read by main at start: LogLevels).")
    String logLevel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        configureLogging(args);
        ParentWatch.fromEnvironment(); // a jam testnet node: exit when the testnet is gone, even SIGKILLed
        int code = new CommandLine(new Jam())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Jam::onError)
                .execute(args);
        System.exit(code);
    }

    private static void configureLogging(String[] args) {
        boolean verbose = List.of(args).contains("-v") || List.of(args).contains("--verbose");
        LogLevels.configure(args, verbose); // Logback: format, stderr, -v, conf/config/io.jamboree.log.cfg, --log-level
    }

    /** Failures of a command are reported in one line; the stack trace only with --verbose. */
    private static int onError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getErr().println("jam " + cmd.getCommandName() + ": " + e.getMessage());
        if (parsed.hasMatchedOption("-v")) {
            e.printStackTrace(cmd.getErr());
        }
        return e instanceof IOException ? 2 : 1;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    /**
     * Boots {@code feature}, finds the {@link JamCommand} named {@code name} and runs it.
     */
    int runBundleCommand(String feature, String name, List<String> args) {
        return runBundleCommand(feature, name, args, LaunchConfig.NONE);
    }

    /** Seconds to wait for the components configured by a command's options to come up (Declarative Services activates them asynchronously). */
    static final int CONFIG_TIMEOUT_SECONDS = 30;

    /**
     * Boots {@code feature} with the framework properties and configurations of {@code launch}, waits
     * until every readiness filter of {@code launch} matches a service, then runs the command {@code name}.
     */
    int runBundleCommand(String feature, String name, List<String> args, LaunchConfig launch) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (Node node = Node.start(home.toAbsolutePath().normalize(), Feature.load(features(), feature), launch)) {
            List<String> inactive = node.inactiveBundles();
            if (!inactive.isEmpty()) {
                err.println("jam: bundles failed to start: " + inactive);
                return 3;
            }
            String unmet = node.awaitReady(CONFIG_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (unmet != null) {
                err.println("jam " + name + ": the configuration was not applied within " + CONFIG_TIMEOUT_SECONDS + " s: " + unmet
                        + registeredNames(node, unmet));
                return 3;
            }
            JamCommand cmd = node.awaitService(JamCommand.class, "(" + JamCommand.NAME + "=" + name + ")", 10, TimeUnit.SECONDS);
            if (cmd == null) {
                err.println("jam: no bundle of feature '" + feature + "' provides the command '" + name + "'");
                return 3;
            }
            return cmd.run(args, out, err);
        } catch (IOException e) {
            err.println("jam: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    Path features() {
        return home.toAbsolutePath().normalize().resolve("features");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Jamboree " + Version.jamboree() + " (Graypaper 0.7.2)",
                "JVM: " + Runtime.version() + " " + System.getProperty("java.vm.name") + " (" + System.getProperty("java.home") + ")"
            };
        }
    }

    @Command(name = "version", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = "Print the Jamboree, protocol and JVM versions.")
    static final class VersionCmd implements Callable<Integer> {
        @Override
        public Integer call() {
            for (String line : new VersionProvider().getVersion()) {
                System.out.println(line);
            }
            return 0;
        }
    }

    @Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {"Start the node with the Gogo console.",
            "Type 'lb' to list bundles, 'scr:list' for components, 'help' for all commands, 'stop 0' to quit.",
            "'exec COMMAND ARG...' runs a jam command in the running node (e.g. exec import --chain tiny DIR).",
            "Plugin jars copied into deploy/ are installed and started; removed ones uninstalled."})
    static final class ShellCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--feature", description = "Feature to start besides the shell (default: ${DEFAULT-VALUE}: "
                + "the protocol bundles, the node store on LMDB in data/, the block importer).")
        String feature = "importer";

        @Override
        public Integer call() throws Exception {
            Path home = jam.home.toAbsolutePath().normalize();
            Feature base = Feature.load(jam.features(), feature);
            Feature shell = Feature.load(jam.features(), "shell");
            try (Node node = Node.start(home, base.with(feature + "+shell", shell), LaunchConfig.NONE)) {
                ShellCommands.register(node.framework().getBundleContext());
                List<String> inactive = node.inactiveBundles();
                System.out.printf("Jamboree %s: %d bundles of feature '%s' started in %.2f s%s%n",
                        Version.jamboree(), node.bundleCount(), feature, node.bootMillis() / 1000.0,
                        inactive.isEmpty() ? ", all ACTIVE" : "; NOT ACTIVE: " + inactive);
                node.awaitStop();
                return inactive.isEmpty() ? 0 : 3;
            }
        }
    }

    @Command(name = "test-vectors", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {"Run the conformance vectors in each folder.",
            "Recognises the vector family of each folder (codec, trie, shuffle, ...); prints one line per",
            "failing vector with the first difference and closes with 'N passed, M failed'.",
            "Exit code 0 only if none failed."})
    static final class TestVectorsCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Vector folders, e.g. jam-test-vectors-0.7.2/codec/tiny.")
        List<Path> dirs;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>();
            for (Path d : dirs) {
                if (!Files.exists(d)) {
                    System.err.println("jam test-vectors: no such folder: " + d);
                    return 2;
                }
                args.add(d.toAbsolutePath().normalize().toString());
            }
            return jam.runBundleCommand("core", "test-vectors", args);
        }
    }

    @Command(name = "exec", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {"Run a command that a bundle of a feature provides, e.g. a plugin's:",
            "  jam exec --feature sample blake2b hello"})
    static final class ExecCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--feature", description = "Feature to start (default: ${DEFAULT-VALUE}).")
        String feature = "core";

        @Parameters(index = "0", paramLabel = "COMMAND", description = "The command's name (service property jam.command).")
        String name;

        @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments passed to the command.")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            return jam.runBundleCommand(feature, name, args);
        }
    }

    /** Chain parameter sets a command can run with. */
    enum Chain { tiny, full }

    /*
     * Stores and PVM engines are not listed here: any bundle may register one (a plugin in deploy/ too). A name
     * given with --store or --pvm is set in Config Admin and checked against the services that are registered
     * (property store.kind of io.jamboree.store.NodeStore, pvm.engine of io.jamboree.pvm.PvmEngine).
     */

    /** Service filters and properties that name the registered stores and PVM engines. */
    static final String STORE_SERVICES = "(objectClass=io.jamboree.store.NodeStore)";
    static final String STORE_NAME = "store.kind";
    static final String PVM_SERVICES = "(objectClass=io.jamboree.pvm.PvmEngine)";
    static final String PVM_NAME = "pvm.engine";
    /** The property value of the PVM engine that delegates to the selected one; not an engine of its own. */
    static final String ACTIVE = "active";

    /** Config Admin PIDs the sub-command options set. */
    static final String STORE_PID = "io.jamboree.store";
    static final String PVM_PID = "io.jamboree.pvm";
    static final String IMPORTER_PID = "io.jamboree.importer";
    static final String KEYSTORE_PID = "io.jamboree.keystore";
    static final String RPC_PID = "io.jamboree.rpc";
    static final String METRICS_PID = "io.jamboree.metrics";
    static final String TELEMETRY_PID = "io.jamboree.telemetry";
    /** jam-sync's configuration: the network options of jam run. */
    static final String SYNC_PID = "io.jamboree.sync";

    /** jam-grandpa's configuration: the GRANDPA voter runs on a network, its gossip delay from the slot length. */
    static final String GRANDPA_PID = "io.jamboree.grandpa";
    static final String AUDITOR_PID = "io.jamboree.auditor";

    /**
     * The node store on LMDB in {@code data} (default: the node's data/), the importer on {@code chain}: the launch
     * configuration of the commands that work on a node's stored chain ({@code run}, {@code export}).
     */
    LaunchConfig nodeStore(Path data, String chain) throws IOException {
        Path dataDir = (data == null ? home.resolve("data") : data).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        String lmdb = dataDir.resolve("lmdb").toString();
        return LaunchConfig.NONE
                .withProperty("jamboree.data", dataDir.toString())
                .with(STORE_PID, "kind", "lmdb")
                .with(STORE_PID, "path", lmdb)
                .awaiting("(&(objectClass=io.jamboree.store.NodeStore)(store.kind=lmdb)(path=" + LaunchConfig.ldapValue(lmdb) + "))",
                        "the LMDB store is not open in " + lmdb)
                .awaiting("(&(objectClass=io.jamboree.store.ActiveStore)(kind=lmdb))", "the active store is not 'lmdb'")
                .with(IMPORTER_PID, "chain", chain)
                .awaiting("(&(objectClass=io.jamboree.importer.BlockImporter)(chain=" + chain + "))",
                        "the block importer does not run the '" + chain + "' chain");
    }

    /** {@code --pvm}: PID io.jamboree.pvm engine=E, ready when the active engine is E and E is registered. */
    static LaunchConfig withPvm(LaunchConfig launch, String pvm) {
        if (pvm == null) {
            return launch;
        }
        String v = LaunchConfig.ldapValue(pvm);
        return launch.with(PVM_PID, "engine", pvm)
                .awaiting("(&" + PVM_SERVICES + "(" + PVM_NAME + "=" + v + "))", "no PVM engine '" + pvm + "' is registered")
                .awaiting("(&" + PVM_SERVICES + "(" + PVM_NAME + "=" + ACTIVE + ")(engine=" + v + "))",
                        "the active PVM engine is not '" + pvm + "'");
    }

    /**
     * Names the stores and PVM engines that are registered, for an error about a selection that was not applied.
     *
     * @return e.g. " (registered PVM engines: differential, interpreter, recompiler)", or "" if {@code unmet} is
     *     about neither
     */
    static String registeredNames(Node node, String unmet) {
        if (unmet.contains("PVM engine")) {
            List<String> names = new ArrayList<>(node.propertyValues(PVM_SERVICES, PVM_NAME));
            names.remove(ACTIVE);
            return " (registered PVM engines: " + String.join(", ", names) + ")";
        }
        if (unmet.contains("store")) {
            return " (registered stores: " + String.join(", ", node.propertyValues(STORE_SERVICES, STORE_NAME)) + ")";
        }
        return "";
    }

    @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {"Import block-import traces and check every posterior state root.",
            "PATH is a trace folder or TraceStep .bin/.json files, with or without genesis.bin. A step whose",
            "post-state equals its pre-state must be rejected. Failing steps print a FAIL line and the state keys",
            "that differ; the run closes with per-block import times and 'N passed, M failed'. Blocks already in",
            "the store (an interrupted import on LMDB) are checked, not imported again: the import resumes.",
            "With --chain FILE (a JIP-4 chain spec) the import starts from the spec's genesis instead of a genesis.bin.",
            "Exit code: 0 all passed, 1 some failed, 2 missing or undecodable input, 3 node or configuration error."})
    static final class ImportCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--store", paramLabel = "NAME", description = "State store: a registered store's store.kind, e.g. memory or lmdb, or a plugin's (default: ${DEFAULT-VALUE}).")
        String store = "memory";

        @Option(names = "--data", paramLabel = "DIR", description = "Data folder; LMDB lives in DIR/lmdb (default: the node's data/).")
        Path data;

        @Option(names = "--chain", paramLabel = "tiny|full|FILE", description = "Protocol parameters tiny or full (default: ${DEFAULT-VALUE}), "
                + "or a JIP-4 chain spec .json file (jam gen-spec): its parameters, and its genesis to start from.")
        String chain = "tiny";

        @Option(names = "--pvm", paramLabel = "NAME", description = "PVM engine: a registered engine's pvm.engine, e.g. interpreter, recompiler, tiered, differential, or a plugin's (default: the configured one, else interpreter).")
        String pvm;

        @Option(names = {"-v", "--verbose"}, description = "Print one line per passing step: ok FILE, import time, state root.")
        boolean verbose;

        @Parameters(arity = "0..*", paramLabel = "PATH", description = "Trace folders or TraceStep/genesis .bin or .json files "
                + "(none: only the chain spec's genesis).")
        List<Path> paths = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            Path spec = null;
            String chainName = ChainParamsName.of(chain);
            if (chainName == null) {
                spec = Path.of(chain).toAbsolutePath().normalize();
                chainName = ChainParamsName.ofSpec(spec); // IOException: exit 2 with the reason
            }
            if (paths.isEmpty() && spec == null) {
                System.err.println("jam import: give trace PATHs, or a chain spec file with --chain");
                return 2;
            }
            List<String> args = new ArrayList<>(List.of("--store", store, "--chain", chainName));
            if (spec != null) {
                args.addAll(List.of("--chain-spec", spec.toString()));
            }
            if (verbose) {
                args.add("--verbose");
            }
            if (pvm != null) {
                args.addAll(List.of("--pvm", pvm));
            }
            for (Path p : paths) {
                if (!Files.exists(p)) {
                    System.err.println("jam import: no such file or folder: " + p);
                    return 2;
                }
                args.add(p.toAbsolutePath().normalize().toString());
            }
            Path scratch = null;
            Path dataDir = data == null ? null : data.toAbsolutePath().normalize();
            if (dataDir == null && "memory".equals(store)) {
                // nothing of an in-memory import touches the node's data/: LMDB opens an empty scratch folder
                scratch = Files.createTempDirectory("jamboree-import-");
                dataDir = scratch;
            }
            try {
                LaunchConfig launch = LaunchConfig.NONE
                        .with(STORE_PID, "kind", store)
                        .awaiting("(&" + STORE_SERVICES + "(" + STORE_NAME + "=" + LaunchConfig.ldapValue(store) + "))",
                                "no store '" + store + "' is registered")
                        .awaiting("(&(objectClass=io.jamboree.store.ActiveStore)(kind=" + LaunchConfig.ldapValue(store) + "))",
                                "the active store is not '" + store + "'")
                        .with(IMPORTER_PID, "chain", chainName)
                        .awaiting("(&(objectClass=io.jamboree.importer.BlockImporter)(chain=" + chainName + "))",
                                "the block importer does not run the '" + chainName + "' chain");
                if (dataDir != null) {
                    Files.createDirectories(dataDir);
                    String lmdb = dataDir.resolve("lmdb").toString();
                    launch = launch.withProperty("jamboree.data", dataDir.toString()).with(STORE_PID, "path", lmdb)
                            .awaiting("(&(objectClass=io.jamboree.store.NodeStore)(store.kind=lmdb)(path=" + LaunchConfig.ldapValue(lmdb) + "))",
                                    "the LMDB store is not open in " + lmdb);
                    args.addAll(0, List.of("--data", dataDir.toString()));
                }
                return jam.runBundleCommand("importer", "import", args, withPvm(launch, pvm));
            } finally {
                LaunchConfig.deleteTree(scratch);
            }
        }
    }

    @Command(name = "fuzz-target", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {"Serve the JAM conformance fuzzer (fuzz-proto v1) on a Unix socket.",
            "Runs until interrupted; one fuzzer session at a time."})
    static final class FuzzTargetCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--socket", required = true, paramLabel = "PATH", description = "Unix domain socket to listen on.")
        Path socket;

        @Option(names = "--chain", description = "Protocol parameters: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Chain chain = Chain.tiny;

        @Option(names = "--pvm", paramLabel = "NAME", description = "PVM engine: a registered engine's pvm.engine, e.g. interpreter, recompiler, tiered, differential, or a plugin's (default: the configured one, else interpreter).")
        String pvm;

        @Option(names = "--frame-timeout", paramLabel = "SECONDS", description = "Time a request may take from its first byte to its last, "
                + "a reply to be taken and the handshake to arrive; a session that misses it ends (default: 30).")
        String frameTimeout;

        @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "Time to wait for the next request after the handshake; "
                + "0: no limit (default: 0).")
        String idleTimeout;

        @Option(names = "--max-message", paramLabel = "BYTES", description = "Largest request accepted (default: 268435456).")
        String maxMessage;

        @Option(names = "--warmup", paramLabel = "DIR", description = "Trace folder imported twice before listening, to warm the JVM "
                + "(default: the distribution's lib/warmup, a chain authored when it was built).")
        Path warmup;

        @Option(names = "--no-warmup", description = "Start listening at once, without the warm-up (the chain and the PVM).")
        boolean noWarmup;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("--socket", socket.toAbsolutePath().toString(), "--chain", chain.name()));
            if (pvm != null) {
                args.addAll(List.of("--pvm", pvm));
            }
            // checked by the fuzz-target command itself
            if (frameTimeout != null) {
                args.addAll(List.of("--frame-timeout", frameTimeout));
            }
            if (idleTimeout != null) {
                args.addAll(List.of("--idle-timeout", idleTimeout));
            }
            if (maxMessage != null) {
                args.addAll(List.of("--max-message", maxMessage));
            }
            if (warmup != null) {
                args.addAll(List.of("--warmup", warmup.toAbsolutePath().toString()));
            }
            if (noWarmup) {
                args.add("--no-warmup");
            }
            return jam.runBundleCommand("fuzz-target", "fuzz-target", args, withPvm(LaunchConfig.NONE, pvm));
        }
    }

    @Command(name = "fuzz-replay", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {
            "Play block-import traces through a fuzz target (fuzz-proto v1) and check every",
            "state root. Any target on a Unix socket: 'jam fuzz-target' or another client's.",
            "Per folder: initialize with genesis.bin, then one import-block per step. A step",
            "passes when the reply is its post_state root, or 'error' where the trace rejects",
            "the block (post_state = pre_state). On a wrong root the first differing state",
            "keys are printed (get-state); the next step starts afresh from its pre_state.",
            "A folder without genesis.bin starts after its first step.",
            "Prints per folder 'N passed, M failed' and import-block times (mean, p50, max).",
            "Exit code: 0 all passed; 1 a step failed, or the target closed the connection,",
            "sent a malformed reply or missed the timeout; 2 bad arguments or trace; 3 no",
            "target on the socket."})
    static final class FuzzReplayCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--socket", required = true, paramLabel = "PATH", description = "The target's Unix domain socket.")
        Path socket;

        @Option(names = "--chain", description = "Protocol parameters of traces and target: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Chain chain = Chain.tiny;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Limit on each request's round trip (default: 60).")
        String timeout;

        @Option(names = "--stop-on-fail", description = "Stop at the first failing step.")
        boolean stopOnFail;

        @Option(names = "--diff", paramLabel = "N", description = "Differing state keys shown per failing step; 0: no get-state (default: 10).")
        String diff;

        @Option(names = {"-v", "--verbose"}, description = "One line per passing step: time and state root.")
        boolean verbose;

        @Parameters(arity = "1..*", paramLabel = "TRACE_DIR", description = "Trace folders: genesis.bin (optional) and NNNNNNNN.bin steps.")
        List<Path> dirs;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("--socket", socket.toAbsolutePath().toString(), "--chain", chain.name()));
            if (timeout != null) {
                args.addAll(List.of("--timeout", timeout));
            }
            if (diff != null) {
                args.addAll(List.of("--diff", diff));
            }
            if (stopOnFail) {
                args.add("--stop-on-fail");
            }
            if (verbose) {
                args.add("--verbose");
            }
            for (Path d : dirs) {
                if (!Files.isDirectory(d)) {
                    System.err.println("jam fuzz-replay: no such folder: " + d);
                    return 2;
                }
                args.add(d.toAbsolutePath().normalize().toString());
            }
            return jam.runBundleCommand("fuzz-target", "fuzz-replay", args);
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {
            "Time block import through the fuzz protocol as the conformance fuzzer times a target:",
            "each round starts a fresh 'jam fuzz-target' (and a fresh Typeberry with --typeberry),",
            "plays every trace folder through it in one session, checks every state root and stops it;",
            "the targets alternate. Prints per trace and target mean, p50, p99, max and first-block ms",
            "over all rounds, our mean over Typeberry's, and the load average.",
            "A folder holding the public traces (.../traces) stands for its six traces.",
            "Exit code: 0 every root matched; 1 a root or a target failed; 2 bad arguments."})
    static final class BenchCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--rounds", paramLabel = "N", description = "Rounds, each with a fresh process per target (default: 5).")
        String rounds;

        @Option(names = "--typeberry", paramLabel = "DIR", description = "A Typeberry installed by the shared tools/typeberry-setup DIR, "
                + "started with 'node' as its README says; without it only our target is timed.")
        Path typeberry;

        @Option(names = "--node", paramLabel = "PATH", description = "The Node.js executable for Typeberry (default: node).")
        String node;

        @Option(names = "--pvm", paramLabel = "ENGINE[,ENGINE...]", description = "One target of ours per PVM engine "
                + "('jam fuzz-target --pvm ENGINE', shown as jamboree-ENGINE), e.g. interpreter,tiered (default: one target, the active engine).")
        String pvm;

        @Option(names = "--chain", description = "Protocol parameters of traces and targets: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Chain chain = Chain.tiny;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Limit on each request's round trip (default: 60).")
        String timeout;

        @Option(names = "--log", paramLabel = "DIR", description = "Keep each target process's output in DIR (default: discarded).")
        Path log;

        @Parameters(arity = "1..*", paramLabel = "TRACE_DIR", description = "Trace folders (genesis.bin and NNNNNNNN.bin steps), or the public traces' folder.")
        List<Path> dirs;

        @Override
        public Integer call() {
            Path bin = jam.home.toAbsolutePath().normalize().resolve("bin").resolve("jam");
            List<String> args = new ArrayList<>(List.of("--jam", bin.toString(), "--chain", chain.name()));
            if (rounds != null) {
                args.addAll(List.of("--rounds", rounds));
            }
            if (typeberry != null) {
                args.addAll(List.of("--typeberry", typeberry.toAbsolutePath().normalize().toString()));
            }
            if (node != null) {
                args.addAll(List.of("--node", node));
            }
            if (pvm != null) {
                args.addAll(List.of("--pvm", pvm));
            }
            if (timeout != null) {
                args.addAll(List.of("--timeout", timeout));
            }
            if (log != null) {
                args.addAll(List.of("--log", log.toAbsolutePath().normalize().toString()));
            }
            for (Path d : dirs) {
                args.add(d.toAbsolutePath().normalize().toString());
            }
            return jam.runBundleCommand("fuzz-target", "bench", args);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {
            "Run a validator node that authors its slots (Safrole, GP 6): ticket-sealed",
            "with the slot's winning ticket, else fallback-sealed; it submits its tickets",
            "for the next epoch. An empty store starts from the chain's genesis, else the",
            "node continues from the stored best head. One line per block: slot, hash,",
            "seal kind, tickets included, author and import times. Ctrl-C finishes the",
            "slot at hand and stops.",
            "Exit code: 0 ok, 1 an own block was rejected (a bug), 2 bad input,",
            "3 node or configuration error.",
            "Example (one process fills every slot of 4 tiny epochs in about a minute):",
            "  jam run --chain tiny --dev-validators 0-5 --clock fast --slots 48 \\",
            "          --data /tmp/jam-dev"})
    static final class RunCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--chain", paramLabel = "tiny|full|FILE", description = "The chain: tiny or full (the jam-docs dev genesis, every validator a "
                + "JIP-5 dev validator), or a file: a JIP-4 chain spec (.json, e.g. from jam gen-spec) or a trace genesis.bin (default: ${DEFAULT-VALUE}).")
        String chain = "tiny";

        @Option(names = "--params", paramLabel = "tiny|full", description = "Protocol parameters of a --chain genesis.bin (a chain spec .json names its own): ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Chain params = Chain.tiny;

        @Option(names = "--dev-validator", paramLabel = "I", description = "Hold the keys of JIP-5 dev validator I "
                + "(besides any key files in DIR/keys, see jam key generate).")
        Integer devValidator;

        @Option(names = "--dev-validators", paramLabel = "I-J", description = "Hold the keys of dev validators I to J (or a list, e.g. 0-2,5).")
        String devValidators;

        @Option(names = "--data", paramLabel = "DIR", description = "Data folder: LMDB store in DIR/lmdb, genesis time in DIR/genesis-time (default: the node's data/).")
        Path data;

        @Option(names = "--slot-ms", paramLabel = "N", description = "Slot duration in milliseconds (default: the chain's, 6000).")
        Long slotMs;

        @Option(names = "--clock", paramLabel = "wall|fast", description = "wall: slots by the clock from the genesis time; "
                + "fast: the next slot as soon as the node is idle (default: ${DEFAULT-VALUE}).")
        String clock = "wall";

        @Option(names = "--slots", paramLabel = "N", description = "Stop cleanly after slot N.")
        Long slots;

        @Option(names = "--genesis-time", paramLabel = "TIME", description = "Wall-clock time of slot 0, as Unix milliseconds or an "
                + "ISO-8601 instant (e.g. 2026-12-06T12:00:00Z); every node of a dev network is given the same (default: "
                + "the one kept in DIR/genesis-time, else one slot before now).")
        String genesisTime;

        @Option(names = "--rpc-port", paramLabel = "PORT", description = "Port of the JIP-2 JSON-RPC WebSocket server and the "
                + "dashboard (default: ${DEFAULT-VALUE}; 0 = any free port, logged at start).")
        int rpcPort = 19800;

        @Option(names = "--rpc-listen", paramLabel = "ADDRESS", description = "Address the RPC server listens on "
                + "(default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
        String rpcListen = "127.0.0.1";

        @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics on http://RPC-LISTEN:PORT/metrics "
                + "(default: none).")
        Integer metricsPort;

        @Option(names = "--telemetry", paramLabel = "HOST:PORT", description = "Send JIP-3 telemetry to this server (default: none).")
        String telemetry;

        @Option(names = "--port", paramLabel = "N", description = "JAMNP-S: UDP port of the node's QUIC endpoint (0: any free port). "
                + "Any network option starts the network (default port 40000).")
        Integer port;

        @Option(names = "--listen", paramLabel = "ADDR", description = "JAMNP-S: address to listen on (default: 0.0.0.0).")
        String listen;

        @Option(names = "--bootnode", paramLabel = "NAME@IP:PORT", description = "JAMNP-S: a node to connect to and stay connected "
                + "with, NAME its alternative name (as every node prints at start); repeatable.")
        List<String> bootnodes;

        @Override
        public Integer call() throws IOException {
            String keys = null;
            if (devValidator != null && devValidators != null) {
                System.err.println("jam run: give --dev-validator or --dev-validators, not both");
                return 2;
            } else if (devValidator != null) {
                keys = String.valueOf(devValidator);
            } else if (devValidators != null) {
                keys = devValidators;
            }
            if (keys != null && !keys.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
                System.err.println("jam run: bad dev validators '" + keys + "': use I, I-J or a comma-separated list");
                return 2;
            }
            if (!clock.equals("wall") && !clock.equals("fast")) {
                System.err.println("jam run: --clock must be wall or fast, not '" + clock + "'");
                return 2;
            }
            if (slotMs != null && slotMs <= 0 || slots != null && slots < 0) {
                System.err.println("jam run: --slot-ms must be positive and --slots not negative");
                return 2;
            }
            String params;
            String chainArg;
            if (chain.equals("tiny") || chain.equals("full")) {
                params = chain;
                chainArg = chain;
            } else {
                Path f = Path.of(chain);
                if (!Files.isRegularFile(f)) {
                    System.err.println("jam run: --chain must be tiny, full or a genesis file; no such file: " + chain);
                    return 2;
                }
                // a JIP-4 chain spec names its parameters; a trace genesis.bin takes --params
                params = f.getFileName().toString().endsWith(".json") ? ChainParamsName.ofSpec(f) : this.params.name();
                chainArg = f.toAbsolutePath().normalize().toString();
            }
            Path dataDir = (data == null ? jam.home.resolve("data") : data).toAbsolutePath().normalize();
            List<String> args = new ArrayList<>(List.of("--chain", chainArg, "--data", dataDir.toString(), "--clock", clock));
            if (slotMs != null) {
                args.addAll(List.of("--slot-ms", slotMs.toString()));
            }
            if (slots != null) {
                args.addAll(List.of("--slots", slots.toString()));
            }
            if (genesisTime != null) {
                long millis;
                try {
                    millis = genesisTime.matches("\\d+") ? Long.parseLong(genesisTime) : java.time.Instant.parse(genesisTime).toEpochMilli();
                } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
                    System.err.println("jam run: --genesis-time must be Unix milliseconds or an ISO-8601 instant, not '" + genesisTime + "'");
                    return 2;
                }
                args.addAll(List.of("--genesis-time", Long.toString(millis)));
            }
            // the keystore holds the dev validators and the key files of DIR/keys (jam key generate); the author signs
            // with all of them
            LaunchConfig launch = jam.nodeStore(dataDir, params);
            if (keys != null) {
                launch = launch.with(KEYSTORE_PID, "devValidators", keys)
                        .awaiting("(&(objectClass=io.jamboree.keystore.Keystore)(devValidators=" + LaunchConfig.ldapValue(keys) + "))",
                                "the keystore does not hold dev validators " + keys);
            }
            if (rpcPort < 0 || rpcPort > 65535 || metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
                System.err.println("jam run: --rpc-port and --metrics-port must be in 0..65535");
                return 2;
            }
            if (telemetry != null && !telemetry.matches(".+:\\d{1,5}")) {
                System.err.println("jam run: --telemetry must be HOST:PORT, not '" + telemetry + "'");
                return 2;
            }
            launch = launch.with(RPC_PID, "port", Integer.toString(rpcPort)).with(RPC_PID, "listen", rpcListen)
                    .awaiting("(objectClass=io.jamboree.rpc.RpcEndpoint)", "the JIP-2 RPC server is not listening on "
                            + rpcListen + ":" + rpcPort + " (see the log above)");
            if (metricsPort != null) {
                launch = launch.with(METRICS_PID, "port", metricsPort.toString()).with(METRICS_PID, "listen", rpcListen)
                        .with(METRICS_PID, "data", dataDir.toString());
            }
            if (telemetry != null) {
                launch = launch.with(TELEMETRY_PID, "endpoint", telemetry);
            }
            boolean network = port != null || listen != null || bootnodes != null && !bootnodes.isEmpty();
            if (port != null && (port < 0 || port > 65535)) {
                System.err.println("jam run: --port must be 0..65535");
                return 2;
            }
            if (bootnodes != null) {
                for (String b : bootnodes) {
                    if (!b.matches("e[a-z2-7]{52}@(\\[[0-9a-fA-F:.]+]|[^:@\\s]+):\\d{1,5}")) {
                        System.err.println("jam run: bad --bootnode '" + b + "': use NAME@IP:PORT, NAME the node's 53-character "
                                + "alternative name");
                        return 2;
                    }
                }
            }
            if (network) {
                // jam-sync's NetworkLauncher configures the network (PID io.jamboree.network) once the chain's genesis is known
                launch = launch.with(SYNC_PID, "port", String.valueOf(port == null ? 40000 : port));
                if (listen != null) {
                    launch = launch.with(SYNC_PID, "listen", listen);
                }
                if (bootnodes != null && !bootnodes.isEmpty()) {
                    launch = launch.with(SYNC_PID, "bootnodes", String.join(",", bootnodes));
                }
                // GRANDPA finality (jam-grandpa) plays rounds on the network; its gossip delay follows the slot length
                launch = launch.with(GRANDPA_PID, "slotMs", String.valueOf(slotMs == null ? 6000 : slotMs));
                // the auditor's tranche period (jam-auditor) follows the slot length too
                launch = launch.with(AUDITOR_PID, "slotMs", String.valueOf(slotMs == null ? 6000 : slotMs));
                // Felix SCR waits 5 s for a registration under its lock by default: too little for the network's
                // whiteboard on a machine loaded by several nodes
                launch = launch.withProperty("ds.lock.timeout.milliseconds", "60000");
                args.add("--network");
            }
            return jam.runBundleCommand("node", "run", args, launch);
        }
    }

    @Command(name = "rpc", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {
            "Call a JIP-2 RPC method of a running node and print the result as one",
            "line of JSON (hashes and blobs in base64, as the JIP has them). Each ARG",
            "is JSON (number, true, false, null, \"string\", [array]) or else a string;",
            "0x-prefixed hex is sent as base64. A subscribe... method prints the",
            "result of each of the first --count notifications.",
            "Exit code: 0 ok, 1 the node answered with an error, 2 bad arguments or no node.",
            "Examples: jam rpc bestBlock",
            "          jam rpc stateRoot $(jam rpc bestBlock | jq .header_hash)",
            "          jam rpc subscribeBestBlock --count 3 --url ws://127.0.0.1:19801"})
    static final class RpcCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--url", paramLabel = "URL", description = "The node's RPC address (default: ${DEFAULT-VALUE}).")
        String url = "ws://127.0.0.1:19800/";

        @Option(names = "--count", paramLabel = "N", description = "Notifications to print for a subscription (default: ${DEFAULT-VALUE}).")
        int count = 1;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
        long timeout = 30;

        @Parameters(index = "0", paramLabel = "METHOD", description = "A JIP-2 method, e.g. bestBlock, parameters, serviceValue.")
        String method;

        @Parameters(index = "1..*", paramLabel = "ARG", description = "The method's arguments, in the JIP's order.")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            List<String> all = new ArrayList<>(List.of("--url", url, "--count", Integer.toString(count), "--timeout",
                    Long.toString(timeout), method));
            all.addAll(args);
            return jam.runBundleCommand("rpc", "rpc", all);
        }
    }

    @Command(name = "log-level", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {
            "Change a log level of a running node at once (its RPC method jam_setLogLevel,",
            "Config Admin PID io.jamboree.log): LOGGER is a logger name prefix, e.g.",
            "io.jamboree.network (a bundle's package), or root; LEVEL is trace, debug,",
            "info, warn, error, off, or inherit (drop the entry). Holds until the node",
            "stops or its conf/config/io.jamboree.log.cfg is edited. Prints the levels set.",
            "Exit code: 0 ok, 1 the node refused, 2 bad arguments or no node.",
            "Example: jam log-level io.jamboree.network debug --url ws://127.0.0.1:19801"})
    static final class LogLevelCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--url", paramLabel = "URL", description = "The node's RPC address (default: ${DEFAULT-VALUE}).")
        String url = "ws://127.0.0.1:19800/";

        @Parameters(index = "0", paramLabel = "LOGGER", description = "A logger name prefix (io.jamboree.network) or root.")
        String logger;

        @Parameters(index = "1", paramLabel = "LEVEL", description = "trace, debug, info, warn, error, off or inherit.")
        String level;

        @Override
        public Integer call() {
            return jam.runBundleCommand("rpc", "rpc", List.of("--url", url, "jam_setLogLevel", "\"" + logger + "\"",
                    "\"" + level + "\""));
        }
    }

    @Command(name = "submit-work", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {
            "Build a work package of one item for a service of a running node's chain",
            "(authorized by the dev chain spec's authorizer, anchored at the node's best",
            "block), submit it with the RPC's submitWorkPackage and print its hash.",
            "With --wait, follow it: one line each for guaranteed, available and",
            "accumulated, with the slot; exit 0 once accumulated, 1 if dropped or",
            "refused, 2 on bad arguments or no node. Several --payload: one package",
            "each, to the cores in turn; with --wait one at a time per core.",
            "Example: jam submit-work --service 1 --payload 0x68656c6c6f --wait"})
    static final class SubmitWorkCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--service", required = true, paramLabel = "ID", description = "The service the work item is for (the dev chain's sample service is 1).")
        long service;

        @Option(names = "--payload", required = true, paramLabel = "HEX", description = "The work item's payload, hex; repeatable: one package each, to the cores in turn from --core.")
        List<String> payloads = new ArrayList<>();

        @Option(names = "--core", paramLabel = "N", description = "The core to submit to (default: ${DEFAULT-VALUE}).")
        int core = 0;

        @Option(names = "--exports", paramLabel = "K=N", description = "The item of payload K (from 0) exports N segments (the sample service exports its data N times); repeatable.")
        List<String> exports = new ArrayList<>();

        @Option(names = "--import", paramLabel = "K=F:I", description = "The item of payload K imports segment I of payload F's package, named by its hash, once that one is available; repeatable.")
        List<String> imports = new ArrayList<>();

        @Option(names = "--url", paramLabel = "URL", description = "The node's RPC address (default: ${DEFAULT-VALUE}).")
        String url = "ws://127.0.0.1:19800/";

        @Option(names = "--wait", description = "Follow the package until it is accumulated or dropped.")
        boolean wait;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "With --wait, give up after this long (default: ${DEFAULT-VALUE}).")
        long timeout = 120;

        @Override
        public Integer call() {
            List<String> all = new ArrayList<>(List.of("--service", Long.toString(service), "--core",
                    Integer.toString(core), "--url", url, "--timeout", Long.toString(timeout)));
            for (String p : payloads) {
                all.addAll(List.of("--payload", p));
            }
            for (String e : exports) {
                all.addAll(List.of("--exports", e));
            }
            for (String i : imports) {
                all.addAll(List.of("--import", i));
            }
            if (wait) {
                all.add("--wait");
            }
            // a client: the small 'guarantor' feature (RPC client, sample service, jam-guarantor), no store, no network
            return jam.runBundleCommand("guarantor", "submit-work", all);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {
            "Write the stored best chain as a block-import trace folder in the public",
            "traces format (genesis.bin/.json and one TraceStep per block, .bin and",
            ".json), for 'jam import' or another client. Prints the filled slots and,",
            "per epoch, how many blocks were ticket-sealed and fallback-sealed.",
            "Example: jam export --trace /tmp/jam-trace --data /tmp/jam-dev"})
    static final class ExportCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--trace", required = true, paramLabel = "DIR", description = "Folder to write the trace to (created if missing).")
        Path trace;

        @Option(names = "--data", paramLabel = "DIR", description = "Data folder of the node (default: the node's data/).")
        Path data;

        @Option(names = "--chain", description = "Protocol parameters of the stored chain: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Chain chain = Chain.tiny;

        @Override
        public Integer call() throws IOException {
            Path dataDir = (data == null ? jam.home.resolve("data") : data).toAbsolutePath().normalize();
            if (!Files.isDirectory(dataDir.resolve("lmdb"))) {
                System.err.println("jam export: no node store in " + dataDir + " (run 'jam run --data " + dataDir + "' first)");
                return 2;
            }
            List<String> args = List.of("--trace", trace.toAbsolutePath().normalize().toString(), "--data", dataDir.toString());
            return jam.runBundleCommand("author", "export", args, jam.nodeStore(dataDir, chain.name()));
        }
    }

    @Command(name = "gen-spec", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {"Write a JIP-4 chain spec file.",
            "Without --genesis: the dev genesis of the jam-docs genesis config, whose validators are the first N",
            "JIP-5 dev validators (Alice, Bob, ...). With --genesis: the header and state of a trace genesis.bin.",
            "Prints the genesis header hash and state root on standard error."})
    static final class GenSpecCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @Option(names = "--chain", description = "Protocol parameters: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Chain chain = Chain.tiny;

        @Option(names = "--validators", paramLabel = "N", description = "Dev validators 0..N-1 (default: all V; the rest are null keys).")
        Integer validators;

        @Option(names = "--id", description = "The spec's id (default: jamboree-dev-CHAIN, or the trace folder's name).")
        String id;

        @Option(names = "--bootnode", paramLabel = "NAME@IP:PORT", description = "A bootnode (repeatable).")
        List<String> bootnodes = new ArrayList<>();

        @Option(names = "--genesis", paramLabel = "FILE", description = "A trace genesis.bin to take the genesis from.")
        Path genesis;

        @Option(names = "--genesis-author-index", paramLabel = "I", description = "H_I of the dev genesis header (default: 65535, "
                + "genesis-config.md's header and traces; 0 gives the doc's listed spec hashes, tiny 0xe864d485...).")
        Integer authorIndex;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
        Path output;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("--chain", chain.name()));
            if (validators != null) {
                args.addAll(List.of("--validators", validators.toString()));
            }
            if (id != null) {
                args.addAll(List.of("--id", id));
            }
            for (String b : bootnodes) {
                args.addAll(List.of("--bootnode", b));
            }
            if (authorIndex != null) {
                args.addAll(List.of("--genesis-author-index", authorIndex.toString()));
            }
            if (genesis != null) {
                if (!Files.isRegularFile(genesis)) {
                    System.err.println("jam gen-spec: no such file: " + genesis);
                    return 2;
                }
                args.addAll(List.of("--genesis", genesis.toAbsolutePath().normalize().toString()));
            }
            if (output != null) {
                args.addAll(List.of("-o", output.toAbsolutePath().normalize().toString()));
            }
            return jam.runBundleCommand("chainspec", "gen-spec", args);
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {"Validator key files (JIP-5 seeds).",
            "Key files live in DATA/keys/validator-<ed25519 key prefix>.json, readable by their owner only."},
            subcommands = {Jam.KeyCmd.Generate.class, Jam.KeyCmd.Show.class})
    static final class KeyCmd implements Callable<Integer> {
        @ParentCommand
        Jam jam;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(System.err);
            return 2;
        }

        @Command(name = "generate", mixinStandardHelpOptions = true, description = "Write new validator key files from random seeds; print their public keys.")
        static final class Generate implements Callable<Integer> {
            @ParentCommand
            KeyCmd key;

            @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder; the files go to DIR/keys.")
            Path data;

            @Option(names = "--count", paramLabel = "N", description = "Number of validators (default: ${DEFAULT-VALUE}).")
            int count = 1;

            @Override
            public Integer call() {
                return key.jam.runBundleCommand("keystore", "key", List.of("generate", "--data",
                        data.toAbsolutePath().normalize().toString(), "--count", Integer.toString(count)));
            }
        }

        @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the public keys (never the secrets) of the key files or of dev validators.")
        static final class Show implements Callable<Integer> {
            @ParentCommand
            KeyCmd key;

            @Option(names = "--data", paramLabel = "DIR", description = "Data folder whose DIR/keys to show.")
            Path data;

            @Option(names = "--dev", paramLabel = "I[-J]", description = "Dev validator indices, e.g. 0 or 0-5.")
            String dev;

            @Override
            public Integer call() {
                List<String> args = new ArrayList<>(List.of("show"));
                if (data != null) {
                    args.addAll(List.of("--data", data.toAbsolutePath().normalize().toString()));
                }
                if (dev != null) {
                    args.addAll(List.of("--dev", dev));
                }
                return key.jam.runBundleCommand("keystore", "key", args);
            }
        }
    }
}
