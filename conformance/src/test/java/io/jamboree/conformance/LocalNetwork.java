package io.jamboree.conformance;

import io.jamboree.keystore.AltName;
import io.jamboree.keystore.DevKeys;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A local JAMNP-S network of real {@code bin/jam run} processes for the multi-node tests: the tiny dev chain spec
 * written once with {@code jam gen-spec}, a genesis time far enough ahead for every JVM to boot on a loaded machine,
 * free UDP ports, one data folder per node, and the validators' bootnode strings. {@link #fail} prints every node's
 * last log lines. Call {@link #stopAll} when done (an {@code @After} method).
 */
public final class LocalNetwork {
    public static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));

    private final Path folder;
    public final long slotMs;
    public final Path spec;
    public final long genMs;
    public final List<LocalNode> nodes = new ArrayList<>();
    private final int[] ports;
    private final String[] bootnodes;
    public long genesis;

    /**
     * Writes the tiny dev chain spec into {@code folder} and picks ports for {@code maxNodes} nodes.
     *
     * @param slotMs the slot length every node runs with ({@code --slot-ms})
     */
    public LocalNetwork(Path folder, int maxNodes, long slotMs) throws IOException, InterruptedException {
        this.folder = folder;
        this.slotMs = slotMs;
        this.spec = folder.resolve("tiny-dev.json");
        long start = System.currentTimeMillis();
        Path genOut = folder.resolve("gen-spec.out");
        Process gen = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "gen-spec", "--chain", "tiny", "-o",
                spec.toString()).redirectErrorStream(true).redirectOutput(genOut.toFile()).start();
        if (!gen.waitFor(5, TimeUnit.MINUTES) || gen.exitValue() != 0) {
            throw new AssertionError("jam gen-spec failed:\n" + Files.readString(genOut, StandardCharsets.UTF_8));
        }
        genMs = System.currentTimeMillis() - start;
        ports = new int[maxNodes];
        bootnodes = new String[maxNodes];
        for (int i = 0; i < maxNodes; i++) {
            try (DatagramSocket s = new DatagramSocket(0)) {
                ports[i] = s.getLocalPort();
            }
            if (i < 6) {
                bootnodes[i] = AltName.of(DevKeys.secrets(i).ed25519Public()) + "@127.0.0.1:" + ports[i];
            }
        }
    }

    /**
     * Sets the genesis time: {@code nodesBooting} JVM boots (one gen-spec run as the load gauge) from now, at least
     * 45 s and at most 5 min ahead.
     */
    public long scheduleGenesis(int nodesBooting) {
        long lead = Math.max(45_000, Math.min(300_000, (long) nodesBooting * genMs));
        genesis = System.currentTimeMillis() + lead;
        return genesis;
    }

    /** The bootnode string ({@code NAME@127.0.0.1:PORT}) of dev validator {@code i}. */
    public String bootnode(int i) {
        return bootnodes[i];
    }

    /** The UDP port of node {@code i}. */
    public int port(int i) {
        return ports[i];
    }

    /**
     * Adds (does not start) dev validator {@code i} running to {@code lastSlot}, with validators 0..i-1 as bootnodes
     * and {@code extra} arguments.
     */
    public LocalNode validator(int i, int lastSlot, List<String> extra) throws IOException {
        List<String> args = new ArrayList<>(common(i, lastSlot));
        args.addAll(List.of("--dev-validator", String.valueOf(i)));
        for (int j = 0; j < i; j++) {
            args.addAll(List.of("--bootnode", bootnodes[j]));
        }
        args.addAll(extra);
        LocalNode n = new LocalNode(DIST, folder, "validator-" + i, args);
        nodes.add(n);
        return n;
    }

    /**
     * Adds (does not start) one node holding the keys of dev validators {@code first} to {@code last}
     * ({@code --dev-validators}), on port {@code first}, with validators 0..first-1 as bootnodes.
     */
    public LocalNode validators(int first, int last, int lastSlot, List<String> extra) throws IOException {
        List<String> args = new ArrayList<>(common(first, lastSlot));
        args.addAll(List.of("--dev-validators", first + "-" + last));
        for (int j = 0; j < first; j++) {
            args.addAll(List.of("--bootnode", bootnodes[j]));
        }
        args.addAll(extra);
        LocalNode n = new LocalNode(DIST, folder, "validators-" + first + "-" + last, args);
        nodes.add(n);
        return n;
    }

    /** Adds (does not start) a node without keys, number {@code i} for its port, with validator 0 as bootnode. */
    public LocalNode follower(int i, String name, int lastSlot, List<String> extra) throws IOException {
        List<String> args = new ArrayList<>(common(i, lastSlot));
        args.addAll(List.of("--bootnode", bootnodes[0]));
        args.addAll(extra);
        LocalNode n = new LocalNode(DIST, folder, name, args);
        nodes.add(n);
        return n;
    }

    private List<String> common(int i, int lastSlot) throws IOException {
        return List.of("--chain", spec.toString(), "--slot-ms", String.valueOf(slotMs), "--genesis-time",
                String.valueOf(genesis), "--slots", String.valueOf(lastSlot), "--data",
                Files.createDirectories(folder.resolve("data-" + i)).toString(), "--listen", "127.0.0.1", "--port",
                String.valueOf(ports[i]));
    }

    /** The slot the network is in now. */
    public long slotNow() {
        return Math.floorDiv(System.currentTimeMillis() - genesis, slotMs);
    }

    /** Sleeps until slot {@code slot} has begun. */
    public void awaitSlot(long slot) throws InterruptedException {
        while (slotNow() < slot) {
            Thread.sleep(100);
        }
    }

    /** Waits until {@code n}'s output or error contains {@code text}; fails with every node's tail if it died or timed out. */
    public void awaitLine(LocalNode n, String text, long timeoutMs) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!n.all().contains(text)) {
            check(n.name + " died", n.alive());
            check(n.name + " printed no '" + text + "' within " + timeoutMs / 1000 + " s", System.currentTimeMillis() < end);
            Thread.sleep(250);
        }
    }

    /** Every node's last log lines. */
    public String tails() {
        StringBuilder b = new StringBuilder();
        for (LocalNode n : nodes) {
            b.append(n.tail());
        }
        return b.toString();
    }

    /** Fails with {@code what} and every node's last log lines unless {@code ok}. */
    public void check(String what, boolean ok) {
        if (!ok) {
            keepLogs();
            throw new AssertionError(what + "\n" + tails());
        }
    }

    /**
     * Copies every node's output files to {@code target/node-logs/<time>/} (the build folder of the module), where
     * they outlive the test's temporary folder: the tails in the failure are often not enough to tell why.
     */
    private void keepLogs() {
        Path dir = Path.of("target", "node-logs", String.valueOf(System.currentTimeMillis()));
        try {
            Files.createDirectories(dir);
            for (LocalNode n : nodes) {
                for (Path f : new Path[] {n.out, n.err}) {
                    if (f != null && Files.isRegularFile(f)) {
                        Files.copy(f, dir.resolve(f.getFileName()));
                    }
                }
            }
            System.out.println("node logs kept in " + dir.toAbsolutePath());
        } catch (IOException e) {
            System.out.println("node logs not kept: " + e);
        }
    }

    /**
     * Stops every node still running: SIGTERM to all (a node stops cleanly and deletes its framework cache), then
     * SIGKILL to those not gone within 15 s.
     */
    public void stopAll() {
        for (LocalNode n : nodes) {
            if (n.alive()) {
                n.process.destroy();
            }
        }
        long deadline = System.currentTimeMillis() + 15_000;
        for (LocalNode n : nodes) {
            try {
                if (n.alive()) {
                    n.process.waitFor(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (n.alive()) {
                n.process.destroyForcibly();
            }
        }
    }
}
