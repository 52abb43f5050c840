package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The packaged node's RPC: {@code bin/jam run} (tiny dev chain, fast clock, RPC and metrics on free ports) is asked
 * with {@code jam rpc} for its best block, a subscription, the state root and parent of the best block, and a bad
 * method; the node is then stopped and its store exported ({@code jam export}): the state root the RPC gave for a block
 * must be the exported trace's post-state root of that block. The metrics endpoint answers too.
 */
public class RpcCliTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Result jam(String... args) throws IOException, InterruptedException {
        Path out = tmp.getRoot().toPath().resolve("out-" + System.nanoTime());
        Path err = tmp.getRoot().toPath().resolve("err-" + System.nanoTime());
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/jam").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertTrue("jam " + String.join(" ", args) + " did not finish in 5 minutes", p.waitFor(5, TimeUnit.MINUTES));
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Waits for a line of the node's log matching {@code pattern}; returns its first group. */
    private static String awaitLog(Path log, Pattern pattern, Process node) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < end) {
            Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
            assertTrue("the node stopped:\n" + tail(log), node.isAlive());
            Thread.sleep(200);
        }
        throw new AssertionError("no log line " + pattern + ":\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Test
    public void rpcOfARunningNodeAgreesWithItsStore() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        Path out = tmp.getRoot().toPath().resolve("node.out");
        Path err = tmp.getRoot().toPath().resolve("node.err");
        Process node = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "run", "--chain", "tiny", "--dev-validators",
                "0-5", "--clock", "fast", "--slots", "400", "--data", data.toString(), "--rpc-port", "0",
                "--metrics-port", "0").redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        node.getOutputStream().close();
        String url;
        JsonNode checked;
        String root;
        try {
            url = awaitLog(err, Pattern.compile("JIP-2 RPC listening on (ws://\\S+)"), node);
            String metrics = awaitLog(err, Pattern.compile("Prometheus metrics on (http://\\S+)"), node);

            Result sub = jam("rpc", "subscribeBestBlock", "--count", "2", "--url", url, "--timeout", "120");
            assertEquals(sub.all(), 0, sub.code());
            String[] lines = sub.out().strip().split("\n");
            assertEquals(sub.out(), 2, lines.length);
            long s0 = JSON.readTree(lines[0]).get("slot").asLong();
            long s1 = JSON.readTree(lines[1]).get("slot").asLong();
            assertTrue("the best block advances: " + sub.out(), s1 > s0);

            Result fin = jam("rpc", "finalizedBlock", "--url", url);
            assertEquals(fin.all(), 0, fin.code());
            assertEquals(fin.out(), 0, JSON.readTree(fin.out()).get("slot").asLong());
            Result params = jam("rpc", "parameters", "--url", url);
            assertEquals(6, JSON.readTree(params.out()).get("V1").get("val_count").asInt());

            Result bad = jam("rpc", "noSuchMethod", "--url", url);
            assertEquals(bad.all(), 1, bad.code());
            assertTrue(bad.err(), bad.err().contains("-32601"));
            Result badArg = jam("rpc", "stateRoot", "0x0102", "--url", url);
            assertEquals(badArg.all(), 1, badArg.code());
            assertTrue(badArg.err(), badArg.err().contains("-32602"));

            // live log levels: jam-rpc logs each request at DEBUG; jam log-level turns those lines on, then off again
            String request = "DEBUG JsonRpcDispatcher - RPC request parameters";
            assertFalse("no DEBUG lines at the default level:\n" + tail(err), Files.readString(err, StandardCharsets.UTF_8).contains(request));
            Result on = jam("log-level", "io.jamboree.rpc", "debug", "--url", url);
            assertEquals(on.all(), 0, on.code());
            assertTrue(on.out(), JSON.readTree(on.out()).get("io.jamboree.rpc").asText().equals("debug"));
            assertEquals(0, jam("rpc", "parameters", "--url", url).code());
            awaitLog(err, Pattern.compile("(" + request + ")"), node);
            Result off = jam("log-level", "io.jamboree.rpc", "info", "--url", url);
            assertEquals(off.all(), 0, off.code());
            int before = Files.readString(err, StandardCharsets.UTF_8).split(request, -1).length;
            assertEquals(0, jam("rpc", "parameters", "--url", url).code());
            Thread.sleep(500);
            assertEquals("no DEBUG line of jam-rpc after jam log-level io.jamboree.rpc info:\n" + tail(err), before,
                    Files.readString(err, StandardCharsets.UTF_8).split(request, -1).length);
            Result badLevel = jam("log-level", "io.jamboree.rpc", "loud", "--url", url);
            assertEquals(badLevel.all(), 1, badLevel.code());

            HttpResponse<String> m = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metrics)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, m.statusCode());
            assertTrue(m.body(), m.body().contains("\njam_best_block_height "));
            assertTrue(m.body(), m.body().contains("jam_blocks_authored_total{seal=\"fallback\"}"));
            // last, so that the block is among the newest the node keeps the state of (4 epochs)
            Result best = jam("rpc", "bestBlock", "--url", url);
            assertEquals(best.all(), 0, best.code());
            checked = JSON.readTree(best.out());
            assertTrue(best.out(), checked.get("slot").asLong() >= s1);
            String hash = checked.get("header_hash").asText();
            Result sr = jam("rpc", "stateRoot", JSON.writeValueAsString(hash), "--url", url);
            assertEquals(sr.all(), 0, sr.code());
            root = JSON.readTree(sr.out()).asText();
            assertEquals(sr.out(), 32, Base64.getDecoder().decode(root).length);
            Result parent = jam("rpc", "parent", hash, "--url", url);
            assertEquals(parent.all(), 0, parent.code());
            assertTrue(parent.out(), JSON.readTree(parent.out()).get("slot").asLong() < checked.get("slot").asLong());
        } finally {
            node.destroy();
            assertTrue("the node did not stop within 2 minutes", node.waitFor(2, TimeUnit.MINUTES));
        }
        // the node's own store, exported: the block the RPC reported and its posterior state root
        Path trace = tmp.getRoot().toPath().resolve("trace");
        Result export = jam("export", "--trace", trace.toString(), "--data", data.toString());
        assertEquals(export.all(), 0, export.code());
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(checked.get("header_hash").asText()));
        long slot = checked.get("slot").asLong();
        String rootHex = "0x" + HexFormat.of().formatHex(Base64.getDecoder().decode(root));
        boolean found = false;
        try (Stream<Path> files = Files.list(trace)) {
            for (Path f : files.filter(x -> x.getFileName().toString().matches("\\d{8}\\.json")).toList()) {
                JsonNode step = JSON.readTree(f.toFile());
                if (step.at("/block/header/slot").asLong() == slot) {
                    assertEquals("post-state root of slot " + slot + " (block 0x" + hex + ")", rootHex,
                            step.at("/post_state/state_root").asText());
                    found = true;
                }
            }
        }
        assertTrue("the exported chain has the block of slot " + slot, found);
    }
}
