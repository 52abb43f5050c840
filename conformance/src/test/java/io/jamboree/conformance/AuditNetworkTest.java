package io.jamboree.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.keystore.DevKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Auditing and disputes (GP 0.7.2 §17, §10, §19) on one JAMNP-S network of five {@code jam run} processes holding the
 * six dev validators of the tiny chain (real QUIC on localhost, one LMDB folder each): validators 0 to 3 one each,
 * the "liar" node both 4 and 5 (so that, when the core assignment puts 4 and 5 on the same core, it has the two
 * signatures a guarantee needs without an honest co-guarantor).
 * <ol>
 *   <li>Honest packages ({@code jam submit-work} to validator 0) accumulate; every report that becomes available is
 *       announced (CE 144) and judged (CE 145) by the tranche-0 auditors, as the logs and each node's Prometheus
 *       counters show. Validator {@value #NO_SHOW}'s auditor is configured (Config Admin, before it starts) with no
 *       work-report computation to re-execute with: it announces its audits and never judges, so the others count it
 *       as a no-show, and the reports are audited without it.</li>
 *   <li>The lying-guarantor sample plugin is copied into the liar node's {@code deploy/} while it runs; packages
 *       submitted to it are refined with a falsified result; once its two validators guarantee one, the report
 *       becomes available, the auditors (the liar's own included: the plugin replaces only the guarantor's Ξ) judge
 *       it invalid, a bad verdict with the liar's keys as culprits goes into a block, and ψ_O (read with the
 *       {@code jamboree_disputes} RPC method) holds keys 4 and 5 on every node; the block that made the bad report
 *       available is not on any honest node's best chain.</li>
 *   <li>As soon as the verdict is in, the plugin jar is removed (hot undeploy) and honest packages accumulate again
 *       (a package for the core on which both offenders sit in that rotation cannot be guaranteed and is submitted
 *       again). They must do so before the second epoch change after the verdict: there Φ (GP eq. 6.14,
 *       {@code eq:blacklistfilter}, applied to ι at the first change) puts null keys for validators 4 and 5 into the
 *       active set κ, and with 4 of 6 validators left no report can get the more than ⅔·V = 4 assurances it needs to
 *       become available (eq. {@code availableworkreports}), nor a GRANDPA round its supermajority: on this
 *       six-validator network the punishment of two keys stops availability, as the GP has it.</li>
 * </ol>
 */
public class AuditNetworkTest {
    private static final int VALIDATORS = 6;
    private static final long SLOT_MS = 2000;
    /** The auditor's default tranche period for these slots: A = 8 s per P = 6 s slot. */
    private static final long TRANCHE_MS = SLOT_MS * 8 / 6;
    private static final int LAST_SLOT = 600;
    /** E of the tiny chain. */
    private static final int EPOCH_LENGTH = 12;
    private static final int NO_SHOW = 3;
    private static final Pattern RPC = Pattern.compile("JIP-2 RPC listening on (ws://\\S+)");
    private static final Pattern METRICS = Pattern.compile("Prometheus metrics on (http://\\S+)");
    private static final Pattern ANNOUNCED = Pattern.compile(
            "audit: validator " + NO_SHOW + " announced tranche 0 of block (0x[0-9a-f]+)");
    private static final Pattern VERDICT = Pattern.compile(
            "audit: verdict on report (0x[0-9a-f]+) of core \\d+: bad \\(0 of (\\d+) judgments valid\\)");
    private static final Path LIAR_JAR = LocalNetwork.DIST.resolve("plugins/jam-plugin-lying-guarantor.jar");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private LocalNetwork net;
    private final List<Process> submits = new ArrayList<>();

    @After
    public void stopAll() throws IOException {
        for (Process p : submits) {
            p.destroyForcibly();
        }
        if (net != null) {
            net.stopAll();
        }
    }

    @Test
    public void aLyingGuarantorIsCaughtAndANoShowIsCovered() throws Exception {
        Path root = tmp.getRoot().toPath();
        net = new LocalNetwork(root, VALIDATORS, SLOT_MS);
        net.check("the build ships the lying-guarantor plugin in " + LIAR_JAR, Files.isRegularFile(LIAR_JAR));
        Path liarHome = home(root.resolve("home-liar"));
        long genesis = net.scheduleGenesis(VALIDATORS - 1);
        System.out.printf("audit: gen-spec took %d ms; slot 0 in %d s%n", net.genMs,
                (genesis - System.currentTimeMillis()) / 1000);
        List<String> metricsPort = List.of("--metrics-port", "0");
        for (int i = 0; i < 4; i++) {
            net.validator(i, LAST_SLOT, metricsPort);
        }
        // validator NO_SHOW's auditor is given no Ξ to re-execute with (Config Admin: a computation.target that
        // matches no service), so it announces its tranche-0 audits (CE 144) and never judges: a no-show (GP §17.3)
        LocalNode absent = net.nodes.get(NO_SHOW);
        absent.home = home(root.resolve("home-" + NO_SHOW));
        Files.writeString(absent.home.resolve("conf/config/io.jamboree.auditor.cfg"),
                "computation.target=(jamboree.test.none=true)\n");
        LocalNode liar = net.validators(4, 5, LAST_SLOT, metricsPort);
        liar.home = liarHome;
        for (LocalNode n : net.nodes) {
            n.start();
        }
        for (LocalNode n : net.nodes) {
            net.awaitLine(n, "network: JAMNP-S on ", 5 * 60_000);
        }
        long base = Math.max(1, net.slotNow());
        System.out.printf("audit: nodes up at slot %d%n", base);
        net.awaitSlot(base + 2);
        List<String> urls = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (LocalNode n : net.nodes) {
            urls.add(last(RPC, n.all(), n.name + " printed no RPC address"));
            metrics.add(last(METRICS, n.all(), n.name + " printed no metrics address"));
        }
        LocalNode v0 = net.nodes.getFirst();
        LocalNode frozen = net.nodes.get(NO_SHOW);

        // 1. honest packages, audited; a no-show
        Process honest = submit("honest", urls.getFirst(), 4, 240);
        String honestOut = await(honest, "honest");
        net.check("the honest packages accumulated:\n" + honestOut, honestOut.contains("4 of 4 packages accumulated"));
        String noShowBlock = last(ANNOUNCED, v0.all(), "validator 0 received no announcement of validator " + NO_SHOW);
        net.check("validator " + NO_SHOW + " judged a report although it has no Xi",
                !frozen.all().contains("audit: validator " + NO_SHOW + " judges report"));
        Thread.sleep(3 * TRANCHE_MS);
        System.out.println("audit: validator " + NO_SHOW + " announced block " + noShowBlock + " and never judged");
        Pattern noShowLine = Pattern.compile("audit: tranche \\d+ of block " + Pattern.quote(noShowBlock)
                + ": \\d+ no-show\\(s\\) on core \\d+: validators \\[[^\\]]*\\b" + NO_SHOW + "\\b");
        Set<LocalNode> sawNoShow = new HashSet<>();
        for (LocalNode n : net.nodes) {
            if (n == frozen || !n.all().contains("audit: validator " + NO_SHOW + " announced tranche 0 of block "
                    + noShowBlock)) {
                continue; // the announcement did not reach it before the freeze
            }
            sawNoShow.add(n);
            net.check(n.name + " logged no no-show of validator " + NO_SHOW + " for block " + noShowBlock,
                    noShowLine.matcher(n.all()).find());
            net.check(n.name + ": the block with the no-show was not audited", Pattern.compile("audit: block "
                    + Pattern.quote(noShowBlock) + " \\(slot \\d+\\) is audited").matcher(n.all()).find());
        }
        net.check("no node received validator " + NO_SHOW + "'s announcement before it froze", !sawNoShow.isEmpty());
        for (int i = 0; i < net.nodes.size(); i++) {
            LocalNode n = net.nodes.get(i);
            String text = scrape(metrics.get(i));
            long issued = counter(text, "jam_audit_announcements_total{direction=\"issued\"}");
            long received = counter(text, "jam_audit_announcements_total{direction=\"received\"}");
            long judged = counter(text, "jam_audit_judgments_total{direction=\"issued\"}");
            long judgments = counter(text, "jam_audit_judgments_total{direction=\"received\"}");
            long noShows = counter(text, "jam_audit_no_shows_total");
            System.out.printf("audit: %s metrics: announcements issued %d received %d, judgments issued %d received %d,"
                    + " no-shows %d%n", n.name, issued, received, judged, judgments, noShows);
            net.check(n.name + " counted no announcements or judgments:\n" + text,
                    issued > 0 && received > 0 && (judged > 0 || n == frozen) && judgments > 0);
            if (sawNoShow.contains(n)) {
                net.check(n.name + " counted no no-show", noShows > 0);
            }
        }

        // 2. the lying guarantor, hot-deployed
        Files.copy(LIAR_JAR, liarHome.resolve("deploy").resolve(LIAR_JAR.getFileName()));
        net.awaitLine(liar, "liar: this node's guarantor now reports wrong refine results", 180_000);
        long lieFrom = net.slotNow();
        Process lies = submit("lies", urls.get(4), 24, Math.max(120, (LAST_SLOT - lieFrom - 60) * SLOT_MS / 1000));
        Matcher verdict = awaitPattern(v0, VERDICT, 10 * 60_000, lies);
        long verdictSlot = net.slotNow();
        // 3 begins at once (the window ends at the second epoch change from here, see the class comment): the plugin
        // goes and a builder submits honest packages, while the checks of 2 go on
        lies.destroyForcibly();
        Files.delete(liarHome.resolve("deploy").resolve(LIAR_JAR.getFileName()));
        Process after = submit("after0", urls.getFirst(), 2, 240);
        String badReport = verdict.group(1);
        net.check("a bad verdict has 5 judgments (floor(2V/3) + 1), got " + verdict.group(2),
                verdict.group(2).equals("5"));
        String liarLog = liar.all();
        net.check("the liar falsified no report", liarLog.contains("liar: falsified the refine result"));
        net.check("the liar's two validators did not guarantee alone",
                Pattern.compile("guaranteed package \\S+ on core \\d+ at slot \\d+ with 2 signatures \\(report "
                        + Pattern.quote(badReport)).matcher(liarLog).find());
        Matcher available = Pattern.compile("audit: block (0x[0-9a-f]+) \\(slot (\\d+)\\) made \\d+ report\\(s\\)"
                + " available: \\[[^\\]]*" + Pattern.quote(badReport)).matcher(v0.all());
        net.check("no block made the bad report " + badReport + " available", available.find());
        String badBlock = available.group(1);
        long badSlot = Long.parseLong(available.group(2));
        System.out.printf("audit: bad report %s made available in block %s (slot %d); verdict at slot %d%n", badReport,
                badBlock, badSlot, net.slotNow());
        // the liar's own auditor is honest: its validators judged their own report invalid
        net.check("the liar's auditor did not judge its report invalid", Pattern.compile(
                "audit: validator [45] judges report " + Pattern.quote(badReport) + " of core \\d+ INVALID")
                .matcher(liarLog).find());
        for (LocalNode n : net.nodes) {
            if (n == frozen) {
                continue; // it never judges
            }
            net.check(n.name + " did not judge the bad report invalid", Pattern.compile("judges report "
                    + Pattern.quote(badReport) + " of core \\d+ INVALID").matcher(n.all()).find());
        }

        // ψ_O holds both keys of the liar on every node, and the bad report is in ψ_B
        Set<String> liarKeys = Set.of(b64(DevKeys.secrets(4).ed25519Public()), b64(DevKeys.secrets(5).ed25519Public()));
        long deadline = System.currentTimeMillis() + 5 * 60_000;
        for (int i = 0; i < net.nodes.size(); i++) {
            while (true) {
                JsonNode psi;
                try (NodeRpc c = new NodeRpc(urls.get(i))) {
                    psi = c.call("jamboree_disputes", headOf(c));
                }
                Set<String> offenders = new HashSet<>();
                psi.get("offenders").forEach(k -> offenders.add(k.asText()));
                boolean bad = false;
                for (JsonNode r : psi.get("bad")) {
                    bad |= hex(r.asText()).startsWith(badReport.substring(2));
                }
                if (bad && offenders.containsAll(liarKeys)) {
                    System.out.printf("audit: %s: psi_B holds the bad report, psi_O %s%n", net.nodes.get(i).name,
                            offenders);
                    break;
                }
                net.check(net.nodes.get(i).name + ": no verdict on " + badReport + " with the liar's keys as offenders"
                        + " in the best chain's state: " + psi, System.currentTimeMillis() < deadline);
                Thread.sleep(1000);
            }
        }
        System.out.println("---- jam submit-work to the liar:\n" + output("lies"));

        // 3. the plugin removed; honest packages accumulate again, until the offenders' keys are nulled in κ
        net.awaitLine(liar, "removed: uninstalled", 120_000);
        long nulledFrom = (verdictSlot / EPOCH_LENGTH + 2) * EPOCH_LENGTH;
        // The liar's validators 4 and 5 always share a core within an epoch (the rotation moves all by one core), and
        // with both in ψ_O that core has one guarantor whose signature counts (Φ, GP §6.3): a package for it cannot be
        // guaranteed in that rotation and is dropped, as its guarantor says; a builder then submits again.
        int accumulated = 0;
        StringBuilder afterOut = new StringBuilder();
        for (int attempt = 0; ; attempt++) {
            String name = "after" + attempt;
            String out = await(after, name);
            afterOut.append(out);
            for (String line : out.lines().toList()) {
                if (line.contains(" accumulated: slot ")) {
                    net.check("an honest package accumulated a wrong value: " + line, !line.contains("not H(payload)"));
                    accumulated++;
                } else if (line.contains(" dropped: ")) {
                    String pkg = line.substring(0, line.indexOf(' '));
                    boolean offenders = false;
                    for (LocalNode n : net.nodes) {
                        offenders |= n.all().contains("is an offender (ψ_O): not asked to sign package " + pkg);
                    }
                    net.check("package " + pkg + " was dropped, not for want of non-offending guarantors:\n" + out,
                            offenders);
                }
            }
            // a package takes about 3 slots from submission to accumulation
            if (accumulated >= 2 || attempt == 2 || net.slotNow() + 3 >= nulledFrom) {
                break;
            }
            after = submit("after" + (attempt + 1), urls.getFirst(), 2, 240);
        }
        net.check("no honest package accumulated between the verdict (slot " + verdictSlot + ") and slot " + nulledFrom
                + ", where the offenders' keys leave κ:\n" + afterOut, accumulated >= 1);
        System.out.println("audit: " + accumulated + " honest packages accumulated after the dispute (verdict at slot "
                + verdictSlot + ", offenders nulled in κ from slot " + nulledFrom + ")");

        // the best chain of every node leaves out the block that made the bad report available
        for (int i = 0; i < net.nodes.size(); i++) {
            try (NodeRpc c = new NodeRpc(urls.get(i))) {
                JsonNode b = c.call("bestBlock");
                while (b != null && !b.isNull() && b.get("slot").asLong() >= badSlot) {
                    String h = hex(b.get("header_hash").asText());
                    net.check(net.nodes.get(i).name + ": the best chain builds on the block " + badBlock
                            + " that made the bad report available", !h.startsWith(badBlock.substring(2)));
                    b = c.call("parent", Base64.getDecoder().decode(b.get("header_hash").asText()));
                }
            }
        }
        System.out.println("audit: no best chain contains block " + badBlock);
    }

    /** {@code jam submit-work --wait} of {@code count} payloads to the node at {@code url}, output in NAME.out. */
    private Process submit(String name, String url, int count, long timeoutSeconds) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(LocalNetwork.DIST.resolve("bin/jam").toString(), "submit-work",
                "--service", "1", "--core", "0", "--url", url, "--wait", "--timeout", String.valueOf(timeoutSeconds)));
        for (int k = 0; k < count; k++) {
            cmd.addAll(List.of("--payload", HexFormat.of().formatHex(("audit " + name + " " + k)
                    .getBytes(StandardCharsets.US_ASCII))));
        }
        Path root = tmp.getRoot().toPath();
        Process p = new ProcessBuilder(cmd).redirectOutput(root.resolve(name + ".out").toFile())
                .redirectError(root.resolve(name + ".err").toFile()).start();
        p.getOutputStream().close();
        submits.add(p);
        return p;
    }

    private String output(String name) throws IOException {
        return Files.readString(tmp.getRoot().toPath().resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    /** Waits for a {@code jam submit-work} (it boots its own framework first: minutes on a loaded machine). */
    private String await(Process p, String name) throws Exception {
        boolean ended = p.waitFor(15, TimeUnit.MINUTES);
        String out = output(name);
        String errors = Files.readString(tmp.getRoot().toPath().resolve(name + ".err"), StandardCharsets.UTF_8)
                .lines().filter(l -> !l.contains(" INFO ")).reduce("", (a, b) -> a + b + "\n");
        System.out.println("---- jam submit-work (" + name + ", exit " + (ended ? p.exitValue() : "none") + "):\n" + out
                + errors);
        net.check("jam submit-work (" + name + ") did not finish", ended);
        return out;
    }

    /** Waits until {@code n}'s output shows {@code pattern}; fails when a node died or {@code helper} ended. */
    private Matcher awaitPattern(LocalNode n, Pattern pattern, long timeoutMs, Process helper) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        while (true) {
            Matcher m = pattern.matcher(n.all());
            if (m.find()) {
                return m;
            }
            for (LocalNode x : net.nodes) {
                net.check(x.name + " died", x.alive());
            }
            net.check(n.name + " printed no '" + pattern + "' within " + timeoutMs / 1000 + " s; jam submit-work:\n"
                    + output("lies"), System.currentTimeMillis() < end && helper.isAlive());
            Thread.sleep(500);
        }
    }

    private String last(Pattern p, String text, String what) {
        Matcher m = p.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        net.check(what, found != null);
        return found;
    }

    private static byte[] headOf(NodeRpc c) throws Exception {
        return Base64.getDecoder().decode(c.call("bestBlock").get("header_hash").asText());
    }

    private static String scrape(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    /** The value of the sample {@code name} (with its labels) in a Prometheus text exposition; -1 when absent. */
    private static long counter(String text, String name) {
        for (String l : text.lines().toList()) {
            if (l.startsWith(name + " ")) {
                return (long) Double.parseDouble(l.substring(name.length() + 1).trim());
            }
        }
        return -1;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String hex(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    /** An installation folder: the distribution's bundles and features, a copy of its conf, an empty deploy/. */
    private static Path home(Path home) throws IOException {
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
        return home;
    }
}
