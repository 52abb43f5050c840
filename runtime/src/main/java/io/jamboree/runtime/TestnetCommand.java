package io.jamboree.runtime;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jam testnet}: a local JAM network in one command. Writes the tiny dev chain spec with N JIP-5 dev validators
 * ({@code jam gen-spec}) into the data folder, then starts N {@code jam run} child processes, node i holding dev
 * validator i's keys, with its own data folder {@code DIR/node-i} (log {@code DIR/node-i/node.log}), QUIC port
 * {@code BASE+i}, RPC port {@code RPC+i}, the earlier nodes as bootnodes and one shared genesis time. Prints each node's
 * RPC address and dashboard URL; a shutdown (Ctrl-C, SIGTERM) stops every node, and a node whose testnet process is
 * gone without one (SIGKILL) stops by itself ({@link ParentWatch}). The spec, genesis time and bootnode
 * names stay in {@code DIR/testnet.properties}: a restart with the same folder resumes the chain.
 */
@Command(name = "testnet", mixinStandardHelpOptions = true, versionProvider = Jam.VersionProvider.class, description = {
        "Start a local network of N validator nodes, one 'jam run' process each, on the",
        "tiny dev chain (JIP-5 dev validators 0..N-1). Node i: data DIR/node-i, log",
        "DIR/node-i/node.log, QUIC port BASE+i, RPC and dashboard on port RPC+i. Prints",
        "each node's RPC address and dashboard URL; Ctrl-C stops them all. Restarting",
        "with the same --data resumes the chain (spec and genesis time are kept in DIR).",
        "Exit code: 0 all nodes stopped cleanly (e.g. after --slots), 1 a node failed,",
        "2 bad options, 3 the chain spec could not be written.",
        "Example: jam testnet --validators 6 --slot-ms 1000"})
final class TestnetCommand implements Callable<Integer> {
    /** The tiny chain's V: the JIP-5 dev validators a testnet can hold. */
    static final int MAX_VALIDATORS = 6;

    @ParentCommand
    Jam jam;

    @Option(names = "--validators", paramLabel = "N", description = "Validator nodes, 1.." + MAX_VALIDATORS + " (default: ${DEFAULT-VALUE}).")
    int validators = MAX_VALIDATORS;

    @Option(names = "--chain", paramLabel = "tiny", description = "Protocol parameters: only tiny (V=6) is run locally (default: ${DEFAULT-VALUE}).")
    String chain = "tiny";

    @Option(names = "--slot-ms", paramLabel = "N", description = "Slot duration in milliseconds (default: ${DEFAULT-VALUE}).")
    long slotMs = 6000;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder of the testnet (default: the installation's testnet/).")
    Path data;

    @Option(names = "--base-port", paramLabel = "P", description = "JAMNP-S UDP port of node 0; node i uses P+i (default: ${DEFAULT-VALUE}).")
    int basePort = 40000;

    @Option(names = "--rpc-port", paramLabel = "P", description = "JIP-2 RPC and dashboard port of node 0; node i uses P+i (default: ${DEFAULT-VALUE}).")
    int rpcPort = 19800;

    @Option(names = "--metrics-port", paramLabel = "P", description = "Prometheus metrics port of node 0; node i uses P+i (default: none).")
    Integer metricsPort;

    @Option(names = "--slots", paramLabel = "N", description = "Every node stops cleanly after slot N; then the testnet ends.")
    Long slots;

    @Option(names = "--genesis-delay", paramLabel = "SECONDS", description = "For a new testnet: slot 0 this long after "
            + "the spec is written (default: enough for the nodes to boot, measured by the spec's writing, 20 s at least).")
    Long genesisDelay;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (!chain.equals("tiny")) {
            err.println("jam testnet: only --chain tiny runs locally (the full chain has 1023 validators)");
            return 2;
        }
        if (validators < 1 || validators > MAX_VALIDATORS) {
            err.println("jam testnet: --validators must be 1.." + MAX_VALIDATORS + ": the tiny chain has " + MAX_VALIDATORS
                    + " validators, the JIP-5 dev validators 0.." + (MAX_VALIDATORS - 1) + ", got " + validators);
            return 2;
        }
        if (slotMs <= 0 || slots != null && slots < 0 || genesisDelay != null && genesisDelay < 0) {
            err.println("jam testnet: --slot-ms must be positive, --slots and --genesis-delay not negative");
            return 2;
        }
        if (!portRange(basePort) || !portRange(rpcPort) || metricsPort != null && !portRange(metricsPort)) {
            err.println("jam testnet: --base-port, --rpc-port and --metrics-port must leave room for " + validators
                    + " ports below 65536 (1.." + (65536 - validators) + ")");
            return 2;
        }
        Path home = jam.home.toAbsolutePath().normalize();
        Path dir = (data == null ? home.resolve("testnet") : data).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        String busy = busyRpcPort();
        if (busy != null) {
            err.println("jam testnet: " + busy + " (another node or testnet runs? give --rpc-port)");
            return 2;
        }

        Testnet net = new Testnet(home, dir, out, err);
        TestnetSetup setup = TestnetSetup.read(dir);
        if (setup == null) {
            long start = System.currentTimeMillis();
            List<String> names;
            try {
                names = net.writeSpec(validators);
            } catch (IOException e) {
                err.println("jam testnet: " + e.getMessage());
                return 3;
            }
            long took = System.currentTimeMillis() - start;
            long lead = genesisDelay != null ? genesisDelay * 1000
                    : Math.max(20_000, Math.min(300_000, validators * took));
            setup = new TestnetSetup(validators, slotMs, System.currentTimeMillis() + lead, names);
            setup.write(dir);
            out.printf("testnet: wrote %s (%d dev validators) in %.1f s%n", dir.resolve(TestnetSetup.SPEC), validators,
                    took / 1000.0);
        } else {
            if (setup.validators() != validators || setup.slotMs() != slotMs) {
                err.println("jam testnet: " + dir + " holds a testnet of " + setup.validators() + " validators with "
                        + setup.slotMs() + " ms slots: give --validators " + setup.validators() + " --slot-ms "
                        + setup.slotMs() + " to resume it, or another --data for a new one");
                return 2;
            }
            out.printf("testnet: resuming the testnet of %s%n", dir);
        }
        long inSeconds = (setup.genesisMillis() - System.currentTimeMillis()) / 1000;
        out.printf("testnet: %d validators, tiny chain, %d ms slots, genesis (slot 0) at %s%s%n", validators, slotMs,
                Instant.ofEpochMilli(setup.genesisMillis()),
                inSeconds > 0 ? " (in " + inSeconds + " s)" : " (slot " + (-inSeconds * 1000 / slotMs) + " now)");
        List<String> common = new ArrayList<>(List.of("--chain", dir.resolve(TestnetSetup.SPEC).toString(), "--slot-ms",
                Long.toString(slotMs), "--genesis-time", Long.toString(setup.genesisMillis()), "--listen", "127.0.0.1"));
        if (slots != null) {
            common.addAll(List.of("--slots", slots.toString()));
        }
        String logLevel = System.getProperty(LogLevels.GIVEN); // jam --log-level: every node logs at it
        if (logLevel != null) {
            common.addAll(List.of("--log-level", logLevel));
        }
        for (int i = 0; i < validators; i++) {
            List<String> args = new ArrayList<>(common);
            args.addAll(List.of("--dev-validator", Integer.toString(i), "--data", dir.resolve("node-" + i).toString(),
                    "--port", Integer.toString(basePort + i), "--rpc-port", Integer.toString(rpcPort + i)));
            if (metricsPort != null) {
                args.addAll(List.of("--metrics-port", Integer.toString(metricsPort + i)));
            }
            for (int j = 0; j < i; j++) {
                args.addAll(List.of("--bootnode", setup.altNames().get(j) + "@127.0.0.1:" + (basePort + j)));
            }
            net.start(i, args);
            out.printf("node %d: validator %d, RPC ws://127.0.0.1:%d/, dashboard http://127.0.0.1:%d/%s, log %s%n", i, i,
                    rpcPort + i, rpcPort + i, metricsPort == null ? "" : ", metrics http://127.0.0.1:" + (metricsPort + i)
                    + "/metrics", dir.resolve("node-" + i).resolve("node.log"));
        }
        out.println("testnet: " + validators + " nodes started; Ctrl-C stops them all");
        out.flush();
        return net.awaitAll();
    }

    private boolean portRange(int p) {
        return p >= 1 && p + validators - 1 <= 65535;
    }

    /** A message naming an RPC port that is taken, or null when all are free. */
    private String busyRpcPort() {
        for (int i = 0; i < validators; i++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), rpcPort + i));
            } catch (IOException e) {
                return "RPC port " + (rpcPort + i) + " of node " + i + " is taken";
            }
        }
        return null;
    }

    /** The child processes of a testnet. */
    static final class Testnet {
        private final Path home;
        private final Path dir;
        private final PrintStream out;
        private final PrintStream err;
        private final List<Process> nodes = new ArrayList<>();
        private volatile boolean stopping;

        Testnet(Path home, Path dir, PrintStream out, PrintStream err) {
            this.home = home;
            this.dir = dir;
            this.out = out;
            this.err = err;
        }

        /** The command that runs {@code jam}: the installation's bin/jam, else this JVM with this class path. */
        List<String> launcher() {
            Path script = home.resolve("bin/jam");
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(script)) {
                cmd.add(script.toString());
            } else {
                cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                        "java").toString()));
                cmd.add("-Djamboree.home=" + home);
                cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Jam.class.getName()));
            }
            cmd.addAll(List.of("--home", home.toString()));
            return cmd;
        }

        /**
         * Writes {@code DIR/chain-spec.json} with dev validators 0..n-1 ({@code jam gen-spec}) and reads their
         * alternative names ({@code jam key show --dev}); both in child processes, at once, their output in
         * {@code DIR/setup.log}.
         *
         * @return the alternative names of dev validators 0..n-1
         */
        List<String> writeSpec(int n) throws IOException, InterruptedException {
            List<String> gen = new ArrayList<>(launcher());
            gen.addAll(List.of("gen-spec", "--chain", "tiny", "--validators", Integer.toString(n), "--id", "jamboree-testnet",
                    "-o", dir.resolve(TestnetSetup.SPEC).toString()));
            List<String> keys = new ArrayList<>(launcher());
            keys.addAll(List.of("key", "show", "--dev", "0-" + (n - 1)));
            Path genLog = dir.resolve("gen-spec.log");
            Path keysOut = dir.resolve("dev-keys.txt");
            Process g = child(gen).redirectErrorStream(true).redirectOutput(genLog.toFile()).start();
            Process k = child(keys).redirectError(ProcessBuilder.Redirect.appendTo(genLog.toFile()))
                    .redirectOutput(keysOut.toFile()).start();
            g.getOutputStream().close();
            k.getOutputStream().close();
            boolean done = g.waitFor(10, TimeUnit.MINUTES) & k.waitFor(10, TimeUnit.MINUTES);
            if (!done || g.exitValue() != 0 || k.exitValue() != 0) {
                g.destroyForcibly();
                k.destroyForcibly();
                throw new IOException("writing the chain spec failed: " + String.join(" ", gen) + "\n"
                        + Files.readString(genLog, StandardCharsets.UTF_8));
            }
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(keysOut, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.startsWith("alt name:")) {
                    names.add(l.substring("alt name:".length()).strip());
                }
            }
            if (names.size() != n) {
                throw new IOException("jam key show --dev 0-" + (n - 1) + " printed " + names.size() + " alternative names, not "
                        + n + ":\n" + Files.readString(keysOut, StandardCharsets.UTF_8));
            }
            return names;
        }

        /** A child {@code jam} process that exits when this one is gone, even killed by SIGKILL ({@link ParentWatch}). */
        private static ProcessBuilder child(List<String> cmd) {
            ProcessBuilder b = new ProcessBuilder(cmd);
            ParentWatch.mark(b.environment());
            return b;
        }

        /** Starts node {@code i}: {@code jam run ARGS}, output and errors appended to {@code DIR/node-i/node.log}. */
        synchronized void start(int i, List<String> args) throws IOException {
            if (stopping) {
                throw new IOException("stopping");
            }
            Path nodeDir = Files.createDirectories(dir.resolve("node-" + i));
            File log = nodeDir.resolve("node.log").toFile();
            List<String> cmd = new ArrayList<>(launcher());
            cmd.add("run");
            cmd.addAll(args);
            Files.writeString(nodeDir.resolve("node.log"), "---- " + Instant.now() + ": " + String.join(" ", cmd) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process p = child(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .start();
            p.getOutputStream().close();
            if (nodes.isEmpty()) {
                // Ctrl-C or SIGTERM: stop every node
                Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "jam-testnet-stop"));
            }
            nodes.add(p);
        }

        /**
         * Waits until every node has exited, reporting each exit that was not asked for with its last log lines.
         *
         * @return 0 when all exited cleanly, else 1
         */
        int awaitAll() throws InterruptedException {
            List<Process> ps;
            synchronized (this) {
                ps = List.copyOf(nodes);
            }
            boolean[] reported = new boolean[ps.size()];
            int failed = 0;
            int left = ps.size();
            while (left > 0) {
                for (int i = 0; i < ps.size(); i++) {
                    Process p = ps.get(i);
                    if (!reported[i] && !p.isAlive()) {
                        reported[i] = true;
                        left--;
                        int code = p.exitValue();
                        if (code != 0 && !stopping) {
                            failed++;
                            err.printf("testnet: node %d exited with code %d; the last lines of %s:%n%s", i, code,
                                    dir.resolve("node-" + i).resolve("node.log"), tail(i, 15));
                        } else if (!stopping) {
                            out.printf("testnet: node %d stopped%n", i);
                        }
                    }
                }
                Thread.sleep(250);
            }
            return failed == 0 ? 0 : 1;
        }

        private String tail(int i, int lines) {
            try {
                List<String> all = Files.readAllLines(dir.resolve("node-" + i).resolve("node.log"), StandardCharsets.UTF_8);
                StringBuilder b = new StringBuilder();
                for (String l : all.subList(Math.max(0, all.size() - lines), all.size())) {
                    b.append("  ").append(l).append('\n');
                }
                return b.toString();
            } catch (IOException e) {
                return "  (" + e.getMessage() + ")\n";
            }
        }

        /** SIGTERM to every node still running (each finishes its slot and closes its store), SIGKILL after 30 s. */
        void stopAll() {
            List<Process> ps;
            synchronized (this) {
                stopping = true;
                ps = List.copyOf(nodes);
            }
            int running = 0;
            for (Process p : ps) {
                if (p.isAlive()) {
                    running++;
                    p.destroy();
                }
            }
            if (running == 0) {
                return;
            }
            out.println("testnet: stopping " + running + " nodes");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (Process p : ps) {
                try {
                    long left = end - System.nanoTime();
                    if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
            }
            out.println("testnet: all nodes stopped");
            out.flush();
        }
    }
}
