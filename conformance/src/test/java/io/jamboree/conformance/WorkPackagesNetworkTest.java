package io.jamboree.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.hash.Blake2b256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Work packages end to end on a JAMNP-S network of six validator processes (tiny dev chain, one LMDB folder each):
 * {@code jam submit-work} sends {@value #PACKAGES} packages for the sample service (service 1) to validator 0's RPC,
 * over both cores, one at a time per core. Each is forwarded to its core's guarantors (CE 133), refined and signed by
 * them (CE 134), distributed (CE 135), included in a block, made available and accumulated; the command prints the
 * slot of each stage and the latency from submission to accumulation. One package exports its payload as a segment;
 * the next, on the other core, imports that segment by the exporter's work-package hash (its guarantors resolve it,
 * fetch it and put it in the bundle; the report's lookup dictionary maps the hash to the segment root). Checked:
 * every package accumulated, and on every node the sample service's storage under H(payload) holds
 * Blake2b-256(payload), computed here, and for the importing package Blake2b-256 of the exporter's payload
 * zero-padded to a segment.
 */
public class WorkPackagesNetworkTest {
    private static final int VALIDATORS = 6;
    private static final long SLOT_MS = 2000;
    private static final int LAST_SLOT = 130;
    private static final int PACKAGES = 22;
    /** Payload number of the package exporting a segment, and of the one importing it (on the other core). */
    private static final int EXPORTER = 20, IMPORTER = 21;
    private static final int SEGMENT_SIZE = 4104;
    private static final Pattern RPC = Pattern.compile("JIP-2 RPC listening on (ws://\\S+)");
    private static final Pattern STAGE = Pattern.compile("^(0x[0-9a-f]+) (guaranteed|available|accumulated): (?:before )?slot (\\d+)");
    private static final Pattern GUARANTEED = Pattern.compile("guaranteed package (0x[0-9a-f]{64}) on core \\d+ at slot"
            + " \\d+ with \\d+ signatures \\(report (0x[0-9a-f]{8})");
    private static final Pattern INVALID = Pattern.compile("audit: validator \\d+ judges report \\S+ of core \\d+ INVALID");
    private static final Pattern DROPPED = Pattern.compile("(0x[0-9a-f]{64}) dropped:");
    /** A report or erasure root a log line names beside a package. */
    private static final Pattern NAMED_HASH = Pattern.compile("(?:report|erasure root) (0x[0-9a-f]{64})");
    private static final Pattern LATENCY = Pattern.compile("accumulated: slot \\d+ \\((\\d+) ms after submission\\)");
    private static final Pattern RESUBMITTED = Pattern.compile(
            "^(0x[0-9a-f]+) resubmitted as (0x[0-9a-f]+): .* submitted to core \\d+ at slot (\\d+)");
    private static final Pattern SUBMITTED = Pattern.compile("^(0x[0-9a-f]+) submitted to core (\\d+) at slot (\\d+)");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private LocalNetwork net;

    @After
    public void stopAll() {
        if (net != null) {
            net.stopAll();
        }
    }

    @Test
    public void packagesSubmittedToOneNodeAccumulateOnEveryNode() throws Exception {
        net = new LocalNetwork(tmp.getRoot().toPath(), VALIDATORS, SLOT_MS);
        long genesis = net.scheduleGenesis(VALIDATORS);
        System.out.printf("work packages: gen-spec took %d ms; slot 0 in %d s%n", net.genMs,
                (genesis - System.currentTimeMillis()) / 1000);
        for (int i = 0; i < VALIDATORS; i++) {
            net.validator(i, LAST_SLOT, List.of());
        }
        for (LocalNode n : List.copyOf(net.nodes)) {
            n.start();
        }
        for (LocalNode n : net.nodes) {
            net.awaitLine(n, "network: JAMNP-S on ", 5 * 60_000);
        }
        long base = Math.max(1, net.slotNow());
        System.out.printf("work packages: validators up at slot %d%n", base);
        net.check("the validators booted at slot " + base + ", too late to run " + PACKAGES + " packages before slot "
                + LAST_SLOT + " (machine overloaded)", base + 60 < LAST_SLOT);
        net.awaitSlot(base + 2);
        List<String> urls = new ArrayList<>();
        for (LocalNode n : net.nodes) {
            // the last address the node printed (a reconfigured server binds a new free port)
            Matcher m = RPC.matcher(n.all());
            String url = null;
            while (m.find()) {
                url = m.group(1);
            }
            net.check(n.name + " printed no RPC address", url != null);
            urls.add(url);
        }
        System.out.println("work packages: RPC of the validators " + urls);
        net.check("sample service line", net.nodes.getFirst().out().contains("sample service: 1"));

        List<String> payloads = new ArrayList<>();
        for (int k = 0; k < EXPORTER; k++) {
            payloads.add(HexFormat.of().formatHex(("jamboree work package " + k).getBytes(StandardCharsets.US_ASCII)));
        }
        payloads.add(HexFormat.of().formatHex("jamboree: a segment for a later package".getBytes(
                StandardCharsets.US_ASCII)));
        payloads.add(HexFormat.of().formatHex("jamboree: the package importing it".getBytes(
                StandardCharsets.US_ASCII)));
        List<String> cmd = new ArrayList<>(List.of(LocalNetwork.DIST.resolve("bin/jam").toString(), "submit-work",
                "--service", "1", "--core", "0", "--url", urls.getFirst(), "--wait", "--timeout",
                String.valueOf((LAST_SLOT - base - 5) * SLOT_MS / 1000)));
        for (String p : payloads) {
            cmd.addAll(List.of("--payload", p));
        }
        // the sample service exports the exporter's payload as a segment, the importer hashes the segment it imports
        cmd.addAll(List.of("--exports", EXPORTER + "=1", "--import", IMPORTER + "=" + EXPORTER + ":0"));
        Path out = tmp.getRoot().toPath().resolve("submit-work.out");
        Path err = tmp.getRoot().toPath().resolve("submit-work.err");
        long started = System.currentTimeMillis();
        Process submit = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        submit.getOutputStream().close();
        // the command boots its own framework first (minutes on a loaded machine), then follows for --timeout
        boolean ended;
        try {
            ended = submit.waitFor(LAST_SLOT * SLOT_MS + 300_000, TimeUnit.MILLISECONDS);
        } finally {
            if (submit.isAlive()) {
                submit.destroyForcibly();
            }
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        System.out.println("---- jam submit-work (exit " + (ended ? submit.exitValue() : "none") + ") output:\n" + printed
                + "---- errors:\n" + errors.lines()
                .filter(l -> !l.contains(" INFO ")).reduce("", (a, b) -> a + b + "\n"));
        net.check("jam submit-work did not finish", ended);

        // slots per stage, counted from the slot of the package's anchor (its submission)
        List<Long> toGuarantee = new ArrayList<>();
        List<Long> toAccumulate = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        java.util.Map<String, Long> submittedAt = new java.util.HashMap<>();
        java.util.Map<String, Long> guaranteedAt = new java.util.HashMap<>();
        java.util.Map<String, Long> guaranteeDelta = new java.util.LinkedHashMap<>();
        java.util.Map<String, Long> accumulateDelta = new java.util.LinkedHashMap<>();
        List<String> resubmitted = new ArrayList<>();
        for (String l : printed.lines().toList()) {
            Matcher s = SUBMITTED.matcher(l);
            if (s.find()) {
                submittedAt.put(s.group(1), Long.parseLong(s.group(3)));
            }
            // a package whose anchor a lost fork took along is built again on the best chain (as a builder would):
            // the new package stands for the payload from then on
            Matcher r = RESUBMITTED.matcher(l);
            if (r.find()) {
                String old = r.group(1);
                submittedAt.remove(old);
                guaranteedAt.remove(old);
                guaranteeDelta.remove(old);
                accumulateDelta.remove(old);
                submittedAt.put(r.group(2), Long.parseLong(r.group(3)));
                resubmitted.add(l);
            }
            Matcher m = STAGE.matcher(l);
            if (m.find() && submittedAt.containsKey(m.group(1))) {
                long d = Long.parseLong(m.group(3)) - submittedAt.get(m.group(1));
                if (m.group(2).equals("guaranteed")) {
                    guaranteeDelta.put(m.group(1), d);
                    guaranteedAt.put(m.group(1), Long.parseLong(m.group(3)));
                } else if (m.group(2).equals("accumulated")) {
                    accumulateDelta.put(m.group(1), d);
                }
            }
            Matcher lat = LATENCY.matcher(l);
            if (lat.find()) {
                latencies.add(Long.parseLong(lat.group(1)));
            }
        }
        toGuarantee.addAll(guaranteeDelta.values());
        toAccumulate.addAll(accumulateDelta.values());
        System.out.printf("work packages: %d resubmitted after a fork took their anchor%s%n", resubmitted.size(),
                resubmitted.isEmpty() ? "" : ": " + resubmitted);
        System.out.printf("work packages: slots from anchor to guarantee %s, to accumulation %s%n", toGuarantee,
                toAccumulate);
        latencies.sort(null);
        if (!latencies.isEmpty()) {
            System.out.printf("work packages: end-to-end latency submission -> accumulation: min %d ms, median %d ms,"
                    + " max %d ms over %d packages (%d s for all)%n", latencies.getFirst(),
                    latencies.get(latencies.size() / 2), latencies.getLast(), latencies.size(),
                    (System.currentTimeMillis() - started) / 1000);
        }
        printDropped(errors);
        net.check("every package guaranteed and included, got " + toGuarantee.size() + " of " + PACKAGES,
                toGuarantee.size() == PACKAGES);
        net.check("jam submit-work exited " + submit.exitValue() + ":\n" + printed + errors, submit.exitValue() == 0);
        net.check("every package accumulated: " + printed, printed.contains(PACKAGES + " of " + PACKAGES
                + " packages accumulated"));

        // the importing package was refined on segments fetched by its guarantors (GP §14.3)
        boolean fetched = false;
        for (LocalNode n : net.nodes) {
            fetched |= n.all().contains("guarantor: imported segment");
        }
        net.check("no guarantor logged fetching the imported segment", fetched);

        // every package's report was audited (GP §17.3): some node re-executed it and judged it valid, the importing
        // package from its bundle, which carries the imported segment and its justification; no node judged one invalid
        java.util.Map<String, java.util.Set<String>> reportsOf = new java.util.HashMap<>();
        for (LocalNode n : net.nodes) {
            Matcher g = GUARANTEED.matcher(n.all());
            while (g.find()) {
                reportsOf.computeIfAbsent(g.group(1), k -> new java.util.HashSet<>()).add(g.group(2));
            }
        }
        List<String> unaudited = List.copyOf(guaranteedAt.keySet());
        long auditDeadline = System.currentTimeMillis() + 120_000;
        while (!unaudited.isEmpty() && System.currentTimeMillis() < auditDeadline) {
            List<String> left = new ArrayList<>();
            for (String pkg : unaudited) {
                boolean judged = false;
                for (String r : reportsOf.getOrDefault(pkg, java.util.Set.of())) {
                    Pattern valid = Pattern.compile("audit: validator \\d+ judges report " + r + " of core \\d+ valid");
                    for (LocalNode n : net.nodes) {
                        judged |= valid.matcher(n.all()).find();
                    }
                }
                if (!judged) {
                    left.add(pkg);
                }
            }
            unaudited = left;
            if (!unaudited.isEmpty()) {
                Thread.sleep(2_000);
            }
        }
        net.check("packages whose report no node judged valid: " + unaudited, unaudited.isEmpty());
        for (LocalNode n : net.nodes) {
            net.check(n.name + " judged a report invalid", !INVALID.matcher(n.all()).find());
        }
        System.out.printf("work packages: all %d reports judged valid by their auditors%n", guaranteedAt.size());

        // the sample service's storage on every node: H(payload) -> Blake2b-256(payload); for the importing package
        // Blake2b-256 of the segment it imported: the exporting package's payload zero-padded to W_G
        byte[] segment = Arrays.copyOf(HexFormat.of().parseHex(payloads.get(EXPORTER)), SEGMENT_SIZE);
        for (int i = 0; i < VALIDATORS; i++) {
            try (NodeRpc c = new NodeRpc(urls.get(i))) {
                byte[] head = Base64.getDecoder().decode(c.call("bestBlock").get("header_hash").asText());
                for (String p : payloads) {
                    byte[] payload = HexFormat.of().parseHex(p);
                    byte[] expected = p.equals(payloads.get(IMPORTER)) ? Blake2b256.hash(segment)
                            : Blake2b256.hash(payload);
                    JsonNode v = c.call("serviceValue", head, 1L, Blake2b256.hash(payload));
                    net.check("validator " + i + ": no value for payload " + p, v != null && !v.isNull());
                    net.check("validator " + i + ": storage for payload " + p + " holds something else",
                            Arrays.equals(expected, Base64.getDecoder().decode(v.asText())));
                }
            }
        }
        System.out.printf("work packages: all %d values in the sample service's storage on all %d nodes%n", PACKAGES,
                VALIDATORS);
    }

    /**
     * For each package {@code jam submit-work} reports dropped, every node's log lines about it: the package hash, and
     * the report and erasure root those lines name (guarantee, publication, shards, assurances, ρ). The tails of a
     * failure are too short to tell at which stage a package was lost on a loaded machine.
     */
    private void printDropped(String errors) throws java.io.IOException {
        Matcher d = DROPPED.matcher(errors);
        while (d.find()) {
            String pkg = d.group(1);
            java.util.Set<String> keys = new java.util.LinkedHashSet<>(List.of(pkg));
            for (LocalNode n : net.nodes) {
                for (String l : n.all().lines().toList()) {
                    if (l.contains(pkg)) {
                        Matcher k = NAMED_HASH.matcher(l);
                        while (k.find()) {
                            keys.add(k.group(1));
                        }
                    }
                }
            }
            keys.remove(pkg);
            List<String> prefixes = new ArrayList<>(List.of(pkg));
            for (String k : keys) {
                prefixes.add(k);
                prefixes.add(k.substring(0, 10)); // the auditor's short form
            }
            System.out.println("---- dropped package " + pkg + " (also " + keys + "), on every node:");
            for (LocalNode n : net.nodes) {
                for (String l : n.all().lines().toList()) {
                    if (prefixes.stream().anyMatch(l::contains)) {
                        System.out.println(n.name + ": " + l);
                    }
                }
            }
        }
    }
}
