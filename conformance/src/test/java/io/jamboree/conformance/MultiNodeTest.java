package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jamboree.keystore.AltName;
import io.jamboree.keystore.DevKeys;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A JAMNP-S network of real {@code bin/jam run} processes on localhost (QUIC over UDP, one LMDB data folder each):
 * six validator nodes (JIP-5 dev validators 0–5 of the tiny dev chain, 1-second slots, one shared genesis time) author
 * in turn up to slot 60 (3 s slots), at least three epochs, syncing each other's blocks (UP 0 announcements, CE 128 block requests) and distributing
 * their tickets through proxy validators (CE 131/132). A seventh node without validator keys starts later with only a
 * bootnode and syncs from genesis. Validator 3 is killed 4 slots after all validators are up and restarted 4 slots
 * later: the
 * others keep authoring, and it resumes from its store, catches up over the network and authors again.
 *
 * <p>Checked from the nodes' output: every node ends with the same best head and state root; blocks from every
 * validator; every block from the second epoch on ticket-sealed, with tickets received over CE 131/132; the restarted
 * validator authors after its restart. On failure each node's last log lines are printed.
 */
public class MultiNodeTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));
    private static final int VALIDATORS = 6;
    /**
     * 3 s slots: each validator proves its 3 ring-VRF tickets at the start of an epoch, and seven JVMs share two cores
     * here, so with 1 s slots the 12 tickets an epoch needs arrived after the submission period (slot 10 of 12) and the
     * next epoch fell back to fallback keys; 3 s leaves the proofs 30 s.
     */
    private static final long SLOT_MS = 3000;
    private static final int EPOCH = 12;
    /** The last slot every node runs to: five tiny epochs. */
    private static final int LAST_SLOT = 60;
    /** Epochs the validators must author together at least. */
    private static final int MIN_EPOCHS = 3;
    /** Time from the launch to slot 0: seven times a gen-spec run (a JVM's boot under the current load), within bounds. */
    private static final long MIN_LEAD_MS = 45_000;
    private static final long MAX_LEAD_MS = 300_000;
    private static final int KILLED = 3;
    private static final Pattern AUTHORED = Pattern.compile(
            "^slot (\\d+) \\(epoch \\d+, phase \\d+\\): block (0x[0-9a-f]+), (ticket|fallback)-sealed by validator (\\d+)");
    private static final Pattern FINALIZED = Pattern.compile(
            "^grandpa: finalized (0x[0-9a-f]+) \\(slot (\\d+)\\) in round (\\d+) of set (\\d+); best head at slot (-?\\d+)");
    private static final Pattern DONE = Pattern.compile("^done: .*best head (0x[0-9a-f]+) at slot (\\d+), state root (0x[0-9a-f]+)");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<Node> nodes = new ArrayList<>();

    /** One {@code jam run} process and its output files. */
    private final class Node {
        final String name;
        final List<String> args;
        Process process;
        Path out;
        Path err;
        int runs;

        Node(String name, List<String> args) {
            this.name = name;
            this.args = args;
        }

        void start() throws IOException {
            runs++;
            out = tmp.getRoot().toPath().resolve(name + "-" + runs + ".out");
            err = tmp.getRoot().toPath().resolve(name + "-" + runs + ".err");
            // --rpc-port 0: every node its own free RPC port (the default 19800 is one per machine)
            List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/jam").toString(), "run", "--rpc-port", "0"));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            process = pb.start();
            process.getOutputStream().close();
        }

        String out() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String all() throws IOException {
            return out() + Files.readString(err, StandardCharsets.UTF_8);
        }

        String tail() {
            StringBuilder b = new StringBuilder("---- " + name + " (run " + runs + ") last lines:\n");
            try {
                List<String> lines = new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8));
                lines.addAll(Files.readAllLines(err, StandardCharsets.UTF_8));
                for (String l : lines.subList(Math.max(0, lines.size() - 40), lines.size())) {
                    b.append(l).append('\n');
                }
            } catch (IOException e) {
                b.append(e).append('\n');
            }
            return b.toString();
        }
    }

    @After
    public void stopAll() {
        for (Node n : nodes) {
            if (n.process != null && n.process.isAlive()) {
                n.process.destroyForcibly();
            }
        }
    }

    private String tails() {
        StringBuilder b = new StringBuilder();
        for (Node n : nodes) {
            b.append(n.tail());
        }
        return b.toString();
    }

    private void check(String what, boolean ok) {
        if (!ok) {
            fail(what + "\n" + tails());
        }
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long slotNow(long genesis) {
        return Math.floorDiv(System.currentTimeMillis() - genesis, SLOT_MS);
    }

    private void awaitLine(Node n, String text, long timeoutMs) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!n.all().contains(text)) {
            check(n.name + " died", n.process.isAlive());
            check(n.name + " printed no '" + text + "' within " + timeoutMs / 1000 + " s", System.currentTimeMillis() < end);
            Thread.sleep(250);
        }
    }

    private void awaitSlot(long genesis, long slot) throws InterruptedException {
        while (slotNow(genesis) < slot) {
            Thread.sleep(100);
        }
    }

    /**
     * GRANDPA (jam-grandpa): every validator finalizes up to the last epoch; no two nodes finalize different blocks at
     * one slot; finality went on while validator {@value #KILLED} was down (5 of 6 voters meet the threshold); the
     * lag between a node's best head and the block it finalizes is printed as a distribution.
     */
    private void checkFinality(long headSlot, long killedAt, long restartedAt) throws IOException {
        Map<Long, String> bySlot = new HashMap<>();
        TreeMap<Long, Integer> lags = new TreeMap<>();
        long maxSet = -1;
        long whileDown = 0;
        for (Node n : nodes) {
            long last = -1;
            List<Path> files = new ArrayList<>();
            for (int r = 1; r <= n.runs; r++) {
                files.add(tmp.getRoot().toPath().resolve(n.name + "-" + r + ".out"));
            }
            for (Path f : files) {
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    Matcher m = FINALIZED.matcher(l);
                    if (!m.find()) {
                        continue;
                    }
                    long slot = Long.parseLong(m.group(2));
                    String prev = bySlot.putIfAbsent(slot, m.group(1));
                    check(n.name + " finalized " + m.group(1) + " at slot " + slot + ", another node " + prev,
                            prev == null || prev.equals(m.group(1)));
                    long best = Long.parseLong(m.group(5));
                    lags.merge(best - slot, 1, Integer::sum);
                    maxSet = Math.max(maxSet, Long.parseLong(m.group(4)));
                    last = Math.max(last, slot);
                    if (n != nodes.get(KILLED) && best > killedAt && best <= restartedAt) {
                        whileDown++;
                    }
                }
            }
            System.out.printf("finality: %s finalized up to slot %d (best head at the end: slot %d)%n", n.name, last,
                    headSlot);
            if (n.name.startsWith("validator")) {
                check(n.name + " finalized only up to slot " + last + ", the head is at slot " + headSlot,
                        last >= headSlot - EPOCH);
            }
        }
        System.out.println("finality: lag best head - finalized block in slots (= blocks, one per slot): count " + lags);
        System.out.printf("finality: %d blocks finalized, up to set id %d; %d finalizations while validator %d was"
                + " down%n", bySlot.size(), maxSet, whileDown, KILLED);
        check("finality went on while validator " + KILLED + " was down", whileDown > 0);
        check("set ids advanced with the epochs: " + maxSet, maxSet >= MIN_EPOCHS - 1);
    }

    @Test
    public void sixValidatorsAndAFollowerAgreeOverJamnpS() throws Exception {
        int[] ports = new int[VALIDATORS + 1];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = freePort();
        }
        String[] bootnode = new String[VALIDATORS];
        for (int i = 0; i < VALIDATORS; i++) {
            bootnode[i] = AltName.of(DevKeys.secrets(i).ed25519Public()) + "@127.0.0.1:" + ports[i];
        }
        // the tiny dev chain as a JIP-4 spec file: the nodes read its genesis instead of each deriving it (ring root)
        Path spec = tmp.getRoot().toPath().resolve("tiny-dev.json");
        long genStart = System.currentTimeMillis();
        Process gen = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "gen-spec", "--chain", "tiny", "-o",
                spec.toString()).redirectErrorStream(true).redirectOutput(tmp.getRoot().toPath().resolve("gen-spec.out").toFile())
                .start();
        assertTrue("jam gen-spec did not finish", gen.waitFor(5, TimeUnit.MINUTES));
        assertEquals(Files.readString(tmp.getRoot().toPath().resolve("gen-spec.out")), 0, gen.exitValue());
        // slot 1 starts after the six JVMs had time to boot on a loaded machine; should they boot later, the chain
        // starts with the first of them, and the rest of the timeline counts from the slot when all were up
        // one JVM's boot and genesis as the load gauge: six of them boot at once on the same cores
        long genMs = System.currentTimeMillis() - genStart;
        long lead = Math.max(MIN_LEAD_MS, Math.min(MAX_LEAD_MS, 7 * genMs));
        System.out.printf("multi-node: gen-spec took %d ms; slot 0 in %d s%n", genMs, lead / 1000);
        long genesis = System.currentTimeMillis() + lead;
        for (int i = 0; i < VALIDATORS; i++) {
            List<String> args = new ArrayList<>(List.of("--chain", spec.toString(), "--dev-validator", String.valueOf(i),
                    "--slot-ms", String.valueOf(SLOT_MS), "--genesis-time", String.valueOf(genesis), "--slots",
                    String.valueOf(LAST_SLOT), "--data", tmp.newFolder("v" + i).toString(), "--listen", "127.0.0.1",
                    "--port", String.valueOf(ports[i])));
            for (int j = 0; j < i; j++) {
                args.addAll(List.of("--bootnode", bootnode[j]));
            }
            nodes.add(new Node("validator-" + i, args));
        }
        for (Node n : nodes) {
            n.start();
        }
        for (Node n : nodes) {
            awaitLine(n, "network: JAMNP-S on ", 5 * 60_000);
        }
        long base = Math.max(1, slotNow(genesis));
        check("the validators booted at slot " + base + ", too late for " + MIN_EPOCHS + " epochs before slot "
                + LAST_SLOT + " (machine overloaded)", base + MIN_EPOCHS * EPOCH < LAST_SLOT);
        // the follower: no keys, only validator 0 as bootnode, started later
        Node follower = new Node("follower", List.of("--chain", spec.toString(), "--slot-ms", String.valueOf(SLOT_MS),
                "--genesis-time", String.valueOf(genesis), "--slots", String.valueOf(LAST_SLOT), "--data",
                tmp.newFolder("follower").toString(), "--listen", "127.0.0.1", "--port", String.valueOf(ports[VALIDATORS]),
                "--bootnode", bootnode[0]));
        nodes.add(follower);

        awaitSlot(genesis, base + 2);
        follower.start();
        awaitSlot(genesis, base + 4);
        Node killed = nodes.get(KILLED);
        check("validator " + KILLED + " died before it was killed", killed.process.isAlive());
        killed.process.destroyForcibly(); // SIGKILL: no clean stop
        killed.process.waitFor(30, TimeUnit.SECONDS);
        long killedAt = slotNow(genesis);
        awaitSlot(genesis, base + 8);
        killed.start();
        long restartedAt = slotNow(genesis);

        for (Node n : nodes) {
            boolean ended = n.process.waitFor(4, TimeUnit.MINUTES);
            check(n.name + " did not finish", ended);
            check(n.name + " exited with " + n.process.exitValue(), n.process.exitValue() == 0);
        }

        // the same best head and state root everywhere
        Set<String> heads = new HashSet<>();
        Set<String> roots = new HashSet<>();
        long headSlot = -1;
        for (Node n : nodes) {
            Matcher m = n.out().lines().map(DONE::matcher).filter(Matcher::find).findFirst().orElse(null);
            check(n.name + " printed no final line", m != null);
            heads.add(m.group(1));
            roots.add(m.group(3));
            headSlot = Math.max(headSlot, Long.parseLong(m.group(2)));
        }
        check("the nodes end on different heads " + heads, heads.size() == 1);
        check("the nodes end on different state roots " + roots, roots.size() == 1);
        check("the head is from the last epoch, not " + headSlot, headSlot > LAST_SLOT - EPOCH);

        // every block as its author printed it: slot -> (seal, validator)
        TreeMap<Long, String[]> blocks = new TreeMap<>();
        for (Node n : nodes.subList(0, VALIDATORS)) {
            for (Path f : List.of(tmp.getRoot().toPath().resolve(n.name + "-1.out"), n.out)) {
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    Matcher m = AUTHORED.matcher(l);
                    if (m.find()) {
                        blocks.put(Long.parseLong(m.group(1)), new String[] {m.group(3), m.group(4), m.group(2)});
                    }
                }
            }
        }
        Set<String> authors = new HashSet<>();
        for (String[] b : blocks.values()) {
            authors.add(b[1]);
        }
        check("blocks from every validator, got authors " + authors, authors.size() == VALIDATORS);
        // the validators' first contest is the one of the epoch they came up in (or the next if they came up after its
        // end): from the second epoch after that every block is ticket-sealed
        long firstSealed = (base / EPOCH + 2) * EPOCH;
        long ticketSealed = blocks.tailMap(firstSealed).values().stream().filter(b -> b[0].equals("ticket")).count();
        long later = blocks.tailMap(firstSealed).size();
        check("every block from slot " + firstSealed + " on ticket-sealed: " + ticketSealed + " of " + later, later > 0
                && ticketSealed == later);
        // tickets travelled over CE 131/132: every validator sends its own tickets to their proxies (CE 131), which
        // forward them (CE 132) to everyone; the receivers' pools take them in, and none may be refused
        long received = 0;
        long sent = 0;
        Pattern sentLine = Pattern.compile("tickets: \\d+ own tickets for epoch \\d+, (\\d+) to their proxies over CE 131");
        for (Node n : nodes.subList(0, VALIDATORS)) {
            String all = n.all();
            received += all.lines().filter(l -> l.contains("received over CE 13")).count();
            String earlier = n.runs > 1 ? readIfExists(tmp.getRoot().toPath().resolve(n.name + "-1.err")) : "";
            for (String l : (all + earlier).lines().toList()) {
                Matcher m = sentLine.matcher(l);
                if (m.find()) {
                    sent += Long.parseLong(m.group(1));
                }
                check(n.name + " refused a ticket: " + l, !l.contains("ticket refused") && !l.contains("ring proof does not verify"));
            }
        }
        check("tickets sent over CE 131: " + sent, sent >= EPOCH - 3);
        check("tickets received over CE 131/132: " + received, received >= EPOCH - 3);

        // the killed validator's slots stayed empty while it was down, others kept authoring
        long during = blocks.subMap(killedAt + 1, restartedAt).size();
        check("blocks while validator " + KILLED + " was down (slots " + killedAt + "-" + restartedAt + "): " + during,
                during > 0);
        String again = killed.out();
        check("the restarted validator resumed from its store", again.contains("resuming from the stored best head"));
        boolean authoredAgain = again.lines().map(AUTHORED::matcher).anyMatch(Matcher::find);
        check("the restarted validator authored again", authoredAgain);
        // the follower imported the chain over the network
        check("the follower synced", follower.all().contains("sync: imported block"));
        checkFinality(headSlot, killedAt, restartedAt);
        System.out.printf("multi-node: %d blocks, authors %s, %d ticket-sealed from epoch 1, %d tickets sent over CE 131,"
                + " %d received over CE 131/132%n", blocks.size(), authors, ticketSealed, sent, received);
        for (Node n : nodes) {
            n.all().lines().filter(l -> l.contains("announcement-to-imported latency")).reduce((a, b) -> b)
                    .ifPresent(l -> System.out.println(n.name + ": " + l));
        }
        assertEquals(1, heads.size());
        assertTrue(authoredAgain);
    }

    private static String readIfExists(Path f) throws IOException {
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }
}
