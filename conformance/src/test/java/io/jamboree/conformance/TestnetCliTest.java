package io.jamboree.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code jam testnet --validators 6} as one process: it writes the tiny dev spec and starts six {@code jam run}
 * children (real QUIC on localhost, an LMDB folder each). Checked: every validator authors blocks; {@code jam rpc
 * finalizedBlock} against each node's RPC agrees (a lower finalized block is an ancestor of a higher one), and the
 * nodes' best blocks agree (read together over the RPC until no slot is in flight); headless Chromium opens node 0's
 * dashboard, sees the best block increase, the six validators and the connected peers, and saves
 * {@code target/testnet-dashboard.png}; node 0's metrics count five peers. SIGTERM to the testnet stops every
 * child. A second, short testnet is killed with SIGKILL (no shutdown hook of it runs): its nodes stop by themselves.
 * On failure each node's last log lines are printed.
 */
public class TestnetCliTest {
    private static final Path DIST = LocalNetwork.DIST;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 6;
    /** 2 s slots: six JVMs share two cores here. */
    private static final long SLOT_MS = 2000;
    private static final Pattern AUTHORED = Pattern.compile("(?m)^slot (\\d+) \\(epoch \\d+, phase \\d+\\): block (0x[0-9a-f]+), "
            + "(ticket|fallback)-sealed by validator (\\d+)");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Process testnet;
    private Path dir;
    private Path out;

    @After
    public void stop() {
        if (testnet != null && testnet.isAlive()) {
            testnet.descendants().forEach(ProcessHandle::destroyForcibly);
            testnet.destroyForcibly();
        }
    }

    /** A base port whose next {@code n} TCP (and UDP, if {@code udp}) ports are free. */
    private static int freeRange(int n, boolean udp) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20000, 60000);
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), base + i));
                    if (udp) {
                        new DatagramSocket(base + i).close();
                    }
                } catch (IOException e) {
                    ok = false;
                }
            }
            if (ok) {
                return base;
            }
        }
        throw new AssertionError("no " + n + " free ports in a row");
    }

    private String log(int i) throws IOException {
        Path f = dir.resolve("node-" + i).resolve("node.log");
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    /** The testnet's output and every node's last log lines. */
    private String tails() {
        StringBuilder b = new StringBuilder();
        try {
            b.append("---- jam testnet output:\n").append(Files.readString(out, StandardCharsets.UTF_8));
            for (int i = 0; i < N; i++) {
                List<String> lines = log(i).lines().toList();
                b.append("---- node ").append(i).append(" last lines:\n");
                for (String l : lines.subList(Math.max(0, lines.size() - 30), lines.size())) {
                    b.append(l).append('\n');
                }
            }
        } catch (IOException e) {
            b.append(e);
        }
        return b.toString();
    }

    private void check(String what, boolean ok) {
        if (!ok) {
            throw new AssertionError(what + "\n" + tails());
        }
    }

    /** One JSON-RPC call over a fresh WebSocket; the result, or an AssertionError with the node's error. */
    private static JsonNode call(String url, String method) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            reply.complete(text.toString());
                        }
                        w.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        try {
            ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}", true).get(30, TimeUnit.SECONDS);
            JsonNode r = JSON.readTree(reply.get(30, TimeUnit.SECONDS));
            if (r.has("error")) {
                throw new AssertionError(method + " at " + url + ": " + r.get("error"));
            }
            return r.get("result");
        } finally {
            ws.abort();
        }
    }

    /** {@code jam rpc METHOD --url URL} as a process; its one line of JSON. */
    private Process jamRpc(String method, String url, Path to) throws IOException {
        Process p = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "rpc", method, "--url", url)
                .redirectErrorStream(true).redirectOutput(to.toFile()).start();
        p.getOutputStream().close();
        return p;
    }

    @Test
    public void sixNodesFromOneCommandAgreeAndShowOnTheDashboard() throws Exception {
        dir = tmp.getRoot().toPath().resolve("testnet");
        out = tmp.getRoot().toPath().resolve("testnet.out");
        int quic = freeRange(N, true);
        int rpc = freeRange(N, false);
        int metrics = freeRange(N, false);
        long start = System.currentTimeMillis();
        testnet = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "testnet", "--validators", String.valueOf(N),
                "--slot-ms", String.valueOf(SLOT_MS), "--data", dir.toString(), "--base-port", String.valueOf(quic),
                "--rpc-port", String.valueOf(rpc), "--metrics-port", String.valueOf(metrics), "--slots", "400")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        testnet.getOutputStream().close();

        // the testnet prints each node's RPC address and dashboard
        long end = System.currentTimeMillis() + 5 * 60_000;
        String printed = "";
        while (!printed.contains(N + " nodes started")) {
            check("jam testnet exited early", testnet.isAlive());
            check("jam testnet did not start its nodes in 5 minutes", System.currentTimeMillis() < end);
            Thread.sleep(500);
            printed = Files.readString(out, StandardCharsets.UTF_8);
        }
        List<String> urls = new ArrayList<>();
        Matcher m = Pattern.compile("node (\\d+): validator \\1, RPC (ws://\\S+), dashboard (http://\\S+),").matcher(printed);
        while (m.find()) {
            urls.add(m.group(2));
        }
        check("the RPC address of every node is printed", urls.size() == N);
        check("node i's RPC on port RPC+i", urls.get(N - 1).equals("ws://127.0.0.1:" + (rpc + N - 1) + "/"));
        check("the dashboard URL is printed", printed.contains("dashboard http://127.0.0.1:" + rpc + "/"));
        List<ProcessHandle> children = testnet.descendants().toList();
        check("six node processes run: " + children.size(), children.size() >= N);
        System.out.printf("testnet: %d nodes started after %d s%n", N, (System.currentTimeMillis() - start) / 1000);

        // every validator authors: within 3 minutes of the genesis time (which the testnet sets after the time the
        // nodes need to boot, measured on this machine), at least 4 minutes from now
        Matcher g = Pattern.compile("genesis \\(slot 0\\) at (\\S+)").matcher(printed);
        check("the genesis time is printed", g.find());
        long genesis = java.time.Instant.parse(g.group(1)).toEpochMilli();
        end = Math.max(System.currentTimeMillis() + 4 * 60_000, genesis + 3 * 60_000);
        boolean[] authored = new boolean[N];
        int count = 0;
        while (count < N) {
            check("jam testnet died", testnet.isAlive());
            check("by " + java.time.Instant.ofEpochMilli(end) + " only these validators authored: " + java.util.Arrays.toString(authored),
                    System.currentTimeMillis() < end);
            for (int i = 0; i < N; i++) {
                Matcher a = AUTHORED.matcher(log(i));
                while (!authored[i] && a.find()) {
                    authored[i] = Integer.parseInt(a.group(4)) == i;
                }
            }
            count = 0;
            for (boolean b : authored) {
                count += b ? 1 : 0;
            }
            Thread.sleep(1000);
        }
        System.out.printf("testnet: all %d validators authored after %d s%n", N, (System.currentTimeMillis() - start) / 1000);

        // the dashboard of node 0 in headless Chromium
        dashboard(urls.get(0).replaceFirst("^ws:", "http:"));

        // node 0's metrics: five peers
        HttpResponse<String> mr = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metrics + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        check("metrics answer", mr.statusCode() == 200);
        Matcher peers = Pattern.compile("(?m)^jam_peers_connected (\\S+)$").matcher(mr.body());
        check("jam_peers_connected is exported:\n" + mr.body(), peers.find());
        System.out.println("testnet: node 0 has " + peers.group(1) + " peers");
        check("node 0 is connected to the five others: " + peers.group(1), Double.parseDouble(peers.group(1)) >= N - 1);

        // jam rpc finalizedBlock against each node: they agree
        List<Process> rpcs = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            rpcs.add(jamRpc("finalizedBlock", urls.get(i), tmp.getRoot().toPath().resolve("final-" + i + ".out")));
        }
        Map<Long, String> finalizedBySlot = new HashMap<>();
        long maxFinal = -1;
        for (int i = 0; i < N; i++) {
            Process p = rpcs.get(i);
            check("jam rpc finalizedBlock did not answer in 3 minutes", p.waitFor(3, TimeUnit.MINUTES));
            String text = Files.readString(tmp.getRoot().toPath().resolve("final-" + i + ".out"), StandardCharsets.UTF_8);
            check("jam rpc finalizedBlock --url " + urls.get(i) + " failed: " + text, p.exitValue() == 0);
            JsonNode f = JSON.readTree(text.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
            long slot = f.get("slot").asLong();
            String prev = finalizedBySlot.putIfAbsent(slot, f.get("header_hash").asText());
            check("node " + i + " finalized " + f + " at slot " + slot + ", another node " + prev,
                    prev == null || prev.equals(f.get("header_hash").asText()));
            maxFinal = Math.max(maxFinal, slot);
        }
        System.out.println("testnet: finalized blocks by slot over the six nodes: " + finalizedBySlot);

        // best blocks: read all six together until no slot is in flight
        Map<String, Integer> agreed = null;
        for (int round = 0; round < 20 && agreed == null; round++) {
            Map<String, Integer> hashes = new HashMap<>();
            for (String url : urls) {
                hashes.merge(call(url, "bestBlock").get("header_hash").asText(), 1, Integer::sum);
            }
            if (hashes.size() == 1) {
                agreed = hashes;
            } else {
                Thread.sleep(SLOT_MS / 4);
            }
        }
        check("the six nodes' best blocks never agreed in 20 reads", agreed != null);
        System.out.println("testnet: the six nodes agree on the best block " + agreed.keySet());

        // SIGTERM: every node stops
        long stopAt = System.currentTimeMillis();
        testnet.destroy();
        check("jam testnet did not stop within 90 s of SIGTERM", testnet.waitFor(90, TimeUnit.SECONDS));
        for (ProcessHandle c : children) {
            c.onExit().get(30, TimeUnit.SECONDS);
            check("node process " + c.pid() + " still runs after the testnet stopped", !c.isAlive());
        }
        System.out.printf("testnet: stopped in %d ms; total %d s%n", System.currentTimeMillis() - stopAt,
                (System.currentTimeMillis() - start) / 1000);
        check("the testnet says it stopped its nodes", Files.readString(out, StandardCharsets.UTF_8).contains("all nodes stopped"));
    }

    /**
     * {@code jam testnet --validators 2} with the genesis ten minutes ahead (the nodes only boot): once both nodes
     * serve RPC, SIGKILL to the testnet process; each node sees its parent gone, says so in its log and exits.
     */
    @Test
    public void nodesStopWhenTheTestnetIsKilled() throws Exception {
        dir = tmp.getRoot().toPath().resolve("killed");
        out = tmp.getRoot().toPath().resolve("killed.out");
        int n = 2;
        int quic = freeRange(n, true);
        int rpc = freeRange(n, false);
        long start = System.currentTimeMillis();
        testnet = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "testnet", "--validators", String.valueOf(n),
                "--slot-ms", String.valueOf(SLOT_MS), "--data", dir.toString(), "--base-port", String.valueOf(quic),
                "--rpc-port", String.valueOf(rpc), "--genesis-delay", "600")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        testnet.getOutputStream().close();
        long end = System.currentTimeMillis() + 5 * 60_000;
        while (!(log(0).contains("JIP-2 RPC listening") && log(1).contains("JIP-2 RPC listening"))) {
            check("jam testnet exited early", testnet.isAlive());
            check("the two nodes did not serve RPC within 5 minutes", System.currentTimeMillis() < end);
            Thread.sleep(500);
        }
        List<ProcessHandle> children = testnet.descendants().toList();
        check("two node processes run: " + children.size(), children.size() >= n);
        long killedAt = System.currentTimeMillis();
        testnet.destroyForcibly(); // SIGKILL
        check("jam testnet did not die of SIGKILL", testnet.waitFor(30, TimeUnit.SECONDS));
        for (ProcessHandle c : children) {
            try {
                c.onExit().get(90, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                check("node process " + c.pid() + " still runs 90 s after the testnet was killed", false);
            }
        }
        for (int i = 0; i < n; i++) {
            check("node " + i + " logs that its parent is gone", log(i).contains("the parent process"));
        }
        System.out.printf("testnet: SIGKILLed after %d s; its %d node processes exited %d ms later%n",
                (killedAt - start) / 1000, children.size(), System.currentTimeMillis() - killedAt);
    }

    private static File onPath(String... names) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String n : names) {
                File f = new File(d, n);
                if (f.isFile() && f.canExecute()) {
                    return f;
                }
            }
        }
        throw new AssertionError("no " + String.join(" or ", names) + " on the PATH: install Debian's chromium and "
                + "chromium-driver (apt-get install chromium chromium-driver), as .ci/run does");
    }

    private void dashboard(String page) throws IOException {
        WebDriver browser = null;
        for (int attempt = 1; browser == null; attempt++) {
            Path profile = Files.createTempDirectory(tmp.getRoot().toPath(), "chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(onPath("chromium", "chromium-browser", "google-chrome"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1280,1100", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(onPath("chromedriver", "chromium-driver")).usingAnyFreePort().build();
            try {
                browser = new ChromeDriver(service, options);
            } catch (org.openqa.selenium.SessionNotCreatedException e) {
                // Chromium did not come up in chromedriver's time on a loaded machine (no DevToolsActivePort): again
                System.out.println("testnet: Chromium did not start (attempt " + attempt + "): " + e.getRawMessage());
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        try {
            browser.get(page);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            wait.until(b -> b.findElement(By.id("best-slot")).getText().matches("\\d+"));
            long first = Long.parseLong(browser.findElement(By.id("best-slot")).getText());
            wait.until(b -> b.findElement(By.id("best-slot")).getText().matches("\\d+")
                    && Long.parseLong(b.findElement(By.id("best-slot")).getText()) > first);
            wait.until(b -> b.findElements(By.cssSelector("#validators tbody tr")).size() == N);
            // node 0 is connected to validators 1..5
            wait.until(b -> b.findElements(By.cssSelector("#validators tbody tr.connected")).size() == N - 1);
            wait.until(b -> b.findElements(By.cssSelector("#peers tbody tr")).size() >= N - 1);
            long later = Long.parseLong(browser.findElement(By.id("best-slot")).getText());
            System.out.printf("testnet: the dashboard followed the best block from slot %d to %d%n", first, later);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.copy(shot.toPath(), target.resolve("testnet-dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
            check("a screenshot was saved", Files.size(target.resolve("testnet-dashboard.png")) > 1000);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the dashboard did not show what was expected; status '"
                    + browser.findElement(By.id("status")).getText() + "', page:\n"
                    + browser.findElement(By.tagName("main")).getText() + "\n" + tails(), e);
        } finally {
            browser.quit();
        }
    }
}
