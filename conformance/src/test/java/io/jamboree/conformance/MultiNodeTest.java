package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
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
    private static final int KILLED = 3;
    private static final Pattern AUTHORED = Pattern.compile(
            "^slot (\\d+) \\(epoch \\d+, phase \\d+\\): block (0x[0-9a-f]+), (ticket|fallback)-sealed by validator (\\d+)");
    private static final Pattern FINALIZED = Pattern.compile(
            "^grandpa: finalized (0x[0-9a-f]+) \\(slot (\\d+)\\) in round (\\d+) of set (\\d+); best head at slot (-?\\d+)");
    private static final Pattern DONE = Pattern.compile("^done: .*best head (0x[0-9a-f]+) at slot (\\d+), state root (0x[0-9a-f]+)");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private LocalNetwork net;
    private List<LocalNode> nodes;

    @After
    public void stopAll() {
        if (net != null) {
            net.stopAll();
        }
    }

    private void check(String what, boolean ok) {
        net.check(what, ok);
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
        for (LocalNode n : nodes) {
            long last = -1;
            for (Path f : n.outFiles()) {
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
        // the tiny dev chain as a JIP-4 spec file: the nodes read its genesis instead of each deriving it (ring root)
        net = new LocalNetwork(tmp.getRoot().toPath(), VALIDATORS + 1, SLOT_MS);
        nodes = net.nodes;
        // slot 1 starts after the seven JVMs had time to boot on a loaded machine (one gen-spec run as the load gauge)
        long genesis = net.scheduleGenesis(7);
        System.out.printf("multi-node: gen-spec took %d ms; slot 0 in %d s%n", net.genMs,
                (genesis - System.currentTimeMillis()) / 1000);
        for (int i = 0; i < VALIDATORS; i++) {
            net.validator(i, LAST_SLOT, List.of());
        }
        for (LocalNode n : List.copyOf(nodes)) {
            n.start();
        }
        for (LocalNode n : List.copyOf(nodes)) {
            net.awaitLine(n, "network: JAMNP-S on ", 5 * 60_000);
        }
        long base = Math.max(1, net.slotNow());
        check("the validators booted at slot " + base + ", too late for " + MIN_EPOCHS + " epochs before slot "
                + LAST_SLOT + " (machine overloaded)", base + MIN_EPOCHS * EPOCH < LAST_SLOT);
        // the follower: no keys, only validator 0 as bootnode, started later
        LocalNode follower = net.follower(VALIDATORS, "follower", LAST_SLOT, List.of());

        net.awaitSlot(base + 2);
        follower.start();
        net.awaitSlot(base + 4);
        LocalNode killed = nodes.get(KILLED);
        check("validator " + KILLED + " died before it was killed", killed.alive());
        killed.kill(); // SIGKILL: no clean stop
        long killedAt = net.slotNow();
        net.awaitSlot(base + 8);
        killed.start();
        long restartedAt = net.slotNow();

        for (LocalNode n : nodes) {
            boolean ended = n.process.waitFor(4, TimeUnit.MINUTES);
            check(n.name + " did not finish", ended);
            check(n.name + " exited with " + n.process.exitValue(), n.process.exitValue() == 0);
        }

        // the same best head and state root everywhere
        Set<String> heads = new HashSet<>();
        Set<String> roots = new HashSet<>();
        long headSlot = -1;
        for (LocalNode n : nodes) {
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
        for (LocalNode n : nodes.subList(0, VALIDATORS)) {
            for (Path f : n.outFiles()) {
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
        for (LocalNode n : nodes.subList(0, VALIDATORS)) {
            String all = n.allRuns();
            received += all.lines().filter(l -> l.contains("received over CE 13")).count();
            for (String l : all.lines().toList()) {
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
        for (LocalNode n : nodes) {
            n.all().lines().filter(l -> l.contains("announcement-to-imported latency")).reduce((a, b) -> b)
                    .ifPresent(l -> System.out.println(n.name + ": " + l));
        }
        assertEquals(1, heads.size());
        assertTrue(authoredAgain);
    }

}
