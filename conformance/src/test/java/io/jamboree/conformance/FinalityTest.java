package io.jamboree.conformance;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import io.jamboree.conformance.equivocator.Equivocator;
import io.jamboree.keystore.DevKeys;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * GRANDPA finality (GP §19, issue #17) on ONE network of six real {@code bin/jam run} validator processes (QUIC on
 * localhost, an LMDB folder each, 3 s slots as MultiNodeTest), through these phases:
 * <ol>
 *   <li>all six up; validator {@value #BYZANTINE} runs the test-only {@link Equivocator} plugin (deployed into its own
 *       {@code deploy/} folder), which signs two different prevotes in every round besides its honest voter's;</li>
 *   <li>validator {@value #FIRST} killed (SIGKILL): finality goes on (five voters, the equivocator counting as
 *       voting for every block, meet the threshold of 5 of 6);</li>
 *   <li>validator {@value #SECOND} killed too: finality stalls while the four left still author blocks;</li>
 *   <li>both restarted from their stores: finality catches up, and the restarted nodes catch up with the rounds they
 *       missed (CE 151 state / CE 152 catch-up / CE 150 commits) and finalize the same blocks.</li>
 * </ol>
 * Checked from the nodes' output: no two nodes finalize different blocks at one slot; every honest node detects the
 * equivocation of validator {@value #BYZANTINE} and of no one else (so the restarts mid-round did not make a node
 * equivocate: its persisted votes were kept); the lag between best head and finalized block is printed as a
 * distribution. On failure each node's last log lines are printed.
 */
public class FinalityTest {
    private static final int VALIDATORS = 6;
    private static final long SLOT_MS = 3000;
    private static final int BYZANTINE = 5;
    private static final int FIRST = 1;
    private static final int SECOND = 2;
    /** The most slots a phase may take to show what it should (finality going on, or catching up). */
    private static final int PHASE_SLOTS = 40;
    /** Slots with two validators down, to see finality stall while blocks are authored. */
    private static final int STALL_SLOTS = 8;
    /**
     * The nodes' {@code --slots}: beyond any run, as the boot time on a loaded machine is unknown; the test stops the
     * nodes itself (SIGTERM, a clean stop) once the phases are done.
     */
    private static final int LAST_SLOT = 1000;
    private static final Pattern AUTHORED = Pattern.compile(
            "^slot (\\d+) \\(epoch \\d+, phase \\d+\\): block (0x[0-9a-f]+), (ticket|fallback)-sealed by validator (\\d+)");
    private static final Pattern FINALIZED = Pattern.compile(
            "^grandpa: finalized (0x[0-9a-f]+) \\(slot (\\d+)\\) in round (\\d+) of set (\\d+); best head at slot (-?\\d+)");
    private static final Pattern COUNTED = Pattern.compile("grandpa: stopped at round .*; (\\d+) equivocations seen");
    private static final Pattern EQUIVOCATION = Pattern.compile("EQUIVOCATION by voter (0x[0-9a-f]+) in round (\\d+)");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private LocalNetwork net;

    @After
    public void stopAll() {
        if (net != null) {
            net.stopAll();
        }
    }

    /** One finalization line of a node: the block's hash and slot, and the node's best head slot then. */
    private record Final(String node, int run, String hash, long slot, long bestSlot) {}

    @Test
    public void finalityThroughStopsRestartsAndAnEquivocator() throws Exception {
        Path root = tmp.getRoot().toPath();
        net = new LocalNetwork(root, VALIDATORS, SLOT_MS);
        Path byzHome = equivocatorHome(root.resolve("home-byzantine"));
        long genesis = net.scheduleGenesis(VALIDATORS);
        System.out.printf("finality: gen-spec took %d ms; slot 0 in %d s%n", net.genMs,
                (genesis - System.currentTimeMillis()) / 1000);
        for (int i = 0; i < VALIDATORS; i++) {
            LocalNode n = net.validator(i, LAST_SLOT, List.of());
            if (i == BYZANTINE) {
                n.home = byzHome;
            }
        }
        List<LocalNode> nodes = net.nodes;
        for (LocalNode n : nodes) {
            n.start();
        }
        for (LocalNode n : nodes) {
            net.awaitLine(n, "network: JAMNP-S on ", 5 * 60_000);
        }
        net.awaitLine(nodes.get(BYZANTINE), "equivocator: active", 60_000);
        long base = Math.max(1, net.slotNow());

        LocalNode first = nodes.get(FIRST);
        LocalNode second = nodes.get(SECOND);
        // phase 1: all six finalize (whatever the machine's load made of the boot)
        awaitUntil(() -> minFinalized(nodes) > 0, PHASE_SLOTS, "every node finalized a block");
        first.kill();
        long kill1 = net.slotNow();
        // phase 2: one down, finality goes on past the kill
        awaitUntil(() -> maxFinalized(nodes) > kill1 + 1, PHASE_SLOTS, "finality went on with validator " + FIRST
                + " down (killed at slot " + kill1 + ")");
        net.check("validator " + SECOND + " died early", second.alive());
        second.kill();
        long kill2 = net.slotNow();
        // phase 3: two down: some slots to see finality stall while blocks are authored
        net.awaitSlot(kill2 + STALL_SLOTS);
        first.start();
        second.start();
        long restart = net.slotNow();
        System.out.printf("finality: boot slot %d; validator %d killed at slot %d, validator %d at slot %d, both"
                + " restarted at slot %d%n", base, FIRST, kill1, SECOND, kill2, restart);
        // phase 4: every node, the restarted ones included, finalizes a block authored after the restart
        awaitUntil(() -> minFinalized(nodes) > restart + 1, 2 * PHASE_SLOTS, "every node finalized a block after"
                + " the restart at slot " + restart);
        for (LocalNode n : nodes) {
            net.check(n.name + " died", n.alive());
            n.process.destroy(); // SIGTERM: the node stops cleanly
        }
        for (LocalNode n : nodes) {
            if (!n.process.waitFor(2, TimeUnit.MINUTES)) {
                n.kill();
            }
        }

        // every finalization of every node (all runs), and every block as its author printed it
        List<Final> finals = new ArrayList<>();
        // slot -> the blocks authored at it (forks: different authors may claim a slot on chains of different entropy)
        TreeMap<Long, java.util.Set<String>> authored = new TreeMap<>();
        for (LocalNode n : nodes) {
            int run = 0;
            for (Path f : n.outFiles()) {
                run++;
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    Matcher m = FINALIZED.matcher(l);
                    if (m.find()) {
                        finals.add(new Final(n.name, run, m.group(1), Long.parseLong(m.group(2)),
                                Long.parseLong(m.group(5))));
                    }
                    Matcher a = AUTHORED.matcher(l);
                    if (a.find()) {
                        authored.computeIfAbsent(Long.parseLong(a.group(1)), k -> new java.util.HashSet<>())
                                .add(a.group(2));
                    }
                }
            }
        }
        // every node finalizes the same blocks
        Map<Long, String> bySlot = new HashMap<>();
        TreeMap<Long, Integer> lags = new TreeMap<>();
        for (Final f : finals) {
            String prev = bySlot.putIfAbsent(f.slot(), f.hash());
            net.check(f.node() + " finalized " + f.hash() + " at slot " + f.slot() + ", another node " + prev,
                    prev == null || prev.equals(f.hash()));
            java.util.Set<String> blocks = authored.getOrDefault(f.slot(), java.util.Set.of());
            net.check(f.node() + " finalized " + f.hash() + " at slot " + f.slot() + ", which no author printed: "
                    + blocks, blocks.contains(f.hash()));
            lags.merge(f.bestSlot() - f.slot(), 1, Integer::sum);
        }
        System.out.println("finality: lag best head - finalized block in slots: count " + lags);

        // phase 2: one validator down, finality goes on
        long finalBeforeKill1 = maxFinal(finals, kill1);
        long finalOneDown = maxFinal(finals, kill2);
        net.check("finality went on with validator " + FIRST + " down: finalized slot " + finalBeforeKill1
                + " at its kill (slot " + kill1 + "), " + finalOneDown + " at the second kill (slot " + kill2 + ")",
                finalOneDown > kill1);
        // phase 3: two down, finality stalls while blocks are still authored
        // (the nodes that stayed up: their best head follows the clock, unlike a restarted node's while it syncs)
        long stalled = -1;
        for (Final f : finals) {
            if (!f.node().equals(first.name) && !f.node().equals(second.name) && f.bestSlot() < restart) {
                stalled = Math.max(stalled, f.slot());
            }
        }
        long authoredWhileStalled = authored.subMap(kill2 + 2, restart).size();
        System.out.printf("finality: finalized slot %d before validator %d went down, %d at its kill, %d when both"
                + " restarted; %d blocks authored while two were down%n", finalBeforeKill1, FIRST, finalOneDown,
                stalled, authoredWhileStalled);
        net.check("finality stalled with two validators down: finalized slot " + stalled + " by the restart at slot "
                + restart + ", second kill at slot " + kill2, stalled <= kill2 + 1);
        net.check("blocks were still authored while finality stalled: " + authoredWhileStalled,
                authoredWhileStalled >= 2);
        // phase 4: restarted, finality catches up on every node, the restarted ones included
        for (LocalNode n : nodes) {
            long last = finals.stream().filter(f -> f.node().equals(n.name)).mapToLong(Final::slot).max().orElse(-1);
            System.out.printf("finality: %s finalized up to slot %d%n", n.name, last);
            net.check(n.name + " did not catch up: finalized up to slot " + last + ", restart at slot " + restart,
                    last > restart + 2);
        }
        for (LocalNode n : List.of(first, second)) {
            String again = n.all();
            net.check(n.name + " resumed GRANDPA from its store", again.contains("grandpa: resuming set"));
            long after = finals.stream().filter(f -> f.node().equals(n.name) && f.run() == 2).count();
            net.check(n.name + " finalized nothing after its restart", after > 0);
            System.out.printf("finality: %s after its restart: %d finalizations; %d rounds caught up over CE 152, %d"
                    + " commits moved it on%n", n.name, after, again.lines().filter(l -> l.contains("caught up with round"))
                    .count(), again.lines().filter(l -> l.contains("grandpa: commit of round")).count());
        }

        // the equivocator: detected by every honest node, and nobody else equivocated (restarts included)
        String byzantine = DevKeys.secrets(BYZANTINE).ed25519().toString();
        String byzOut = nodes.get(BYZANTINE).all();
        long rounds = byzOut.lines().filter(l -> l.startsWith("equivocator: round")).count();
        net.check("the equivocator sent in no round", rounds > 0);
        for (LocalNode n : nodes) {
            if (n == nodes.get(BYZANTINE)) {
                continue;
            }
            int seen = 0;
            for (String l : n.allRuns().lines().toList()) {
                Matcher m = EQUIVOCATION.matcher(l);
                if (m.find()) {
                    net.check(n.name + " saw an equivocation by " + m.group(1) + ", not the byzantine voter " + byzantine
                            + ": " + l, m.group(1).equals(byzantine));
                    seen++;
                }
            }
            // the voter's count, logged when it stops (every node ends its last run cleanly)
            Matcher c = COUNTED.matcher(n.all());
            long counted = c.find() ? Long.parseLong(c.group(1)) : -1;
            System.out.printf("finality: %s detected %d equivocations by validator %d (it equivocated in %d rounds);"
                    + " its voter counted %d in its last run%n", n.name, seen, BYZANTINE, rounds, counted);
            net.check(n.name + " detected no equivocation of validator " + BYZANTINE, seen > 0);
        }
    }

    /** A condition on the nodes' output. */
    private interface Condition {
        boolean holds() throws IOException;
    }

    /** Waits until {@code c} holds, at most {@code slots} slots; fails with every node's tail if it does not. */
    private void awaitUntil(Condition c, long slots, String what) throws IOException, InterruptedException {
        long end = Math.max(0, net.slotNow()) + slots; // counted from the genesis if the nodes are up before it
        while (!c.holds()) {
            net.check("not within " + slots + " slots: " + what, net.slotNow() < end);
            for (LocalNode n : net.nodes) {
                net.check(n.name + " died", n.process == null || n.alive() || n.process.exitValue() == 137);
            }
            Thread.sleep(1000);
        }
    }

    /** The highest slot a block finalized in the current run of {@code n} has; -1 if none. */
    private static long finalizedSlot(LocalNode n) throws IOException {
        long max = -1;
        for (String l : n.out().lines().toList()) {
            Matcher m = FINALIZED.matcher(l);
            if (m.find()) {
                max = Math.max(max, Long.parseLong(m.group(2)));
            }
        }
        return max;
    }

    /** The lowest of the running nodes' finalized slots. */
    private static long minFinalized(List<LocalNode> nodes) throws IOException {
        long min = Long.MAX_VALUE;
        for (LocalNode n : nodes) {
            if (n.alive()) {
                min = Math.min(min, finalizedSlot(n));
            }
        }
        return min;
    }

    /** The highest of the running nodes' finalized slots. */
    private static long maxFinalized(List<LocalNode> nodes) throws IOException {
        long max = -1;
        for (LocalNode n : nodes) {
            if (n.alive()) {
                max = Math.max(max, finalizedSlot(n));
            }
        }
        return max;
    }

    /** The highest slot any node finalized while its best head was at most {@code bestSlot}. */
    private static long maxFinal(List<Final> finals, long bestSlot) {
        long max = -1;
        for (Final f : finals) {
            if (f.bestSlot() <= bestSlot) {
                max = Math.max(max, f.slot());
            }
        }
        return max;
    }

    /**
     * An installation folder for the byzantine node: the distribution's bundles and features, a copy of its conf, and
     * the {@link Equivocator} plugin, bundled here from the test classes with bnd, in {@code deploy/}.
     */
    private static Path equivocatorHome(Path home) throws Exception {
        Path dist = LocalNetwork.DIST.toAbsolutePath();
        Files.createDirectories(home.resolve("deploy"));
        Files.createSymbolicLink(home.resolve("bundles"), dist.resolve("bundles"));
        Files.createSymbolicLink(home.resolve("features"), dist.resolve("features"));
        try (Stream<Path> s = Files.walk(dist.resolve("conf"))) {
            for (Path p : s.toList()) {
                Path to = home.resolve("conf").resolve(dist.resolve("conf").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        File classes = new File(Equivocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Builder b = new Builder()) {
            b.setProperty("Bundle-SymbolicName", "io.jamboree.test.equivocator");
            b.setProperty("Bundle-Version", "0.0.1");
            b.setProperty("Private-Package", Equivocator.class.getPackageName());
            b.setProperty("-dsannotations", "*");
            b.addClasspath(classes);
            try (Stream<Path> s = Files.list(dist.resolve("bundles"))) {
                for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    b.addClasspath(jar.toFile());
                }
            }
            Jar jar = b.build();
            if (!b.getErrors().isEmpty()) {
                throw new IOException("bnd could not bundle the equivocator: " + b.getErrors());
            }
            jar.write(home.resolve("deploy").resolve("jam-test-equivocator.jar").toFile());
        }
        return home;
    }
}
