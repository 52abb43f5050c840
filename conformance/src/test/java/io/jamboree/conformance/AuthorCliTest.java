package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Block authoring with the packaged {@code bin/jam}: one node holding the six JIP-5 dev validators authors 48 slots
 * (4 epochs) of the tiny dev chain (the jam-docs dev genesis) with the fast clock; {@code jam export --trace} writes them as a trace folder with
 * every slot filled and every block after the first epoch ticket-sealed; {@code jam import} of that folder on a fresh
 * store passes 48/48, from the binary and from the JSON files. And a node stopped by a signal (as Ctrl-C) stops cleanly and resumes from its best head.
 */
public class AuthorCliTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Process start(Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/jam").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        return p;
    }

    private Result jam(String... args) throws IOException, InterruptedException {
        Path out = tmp.getRoot().toPath().resolve("out-" + System.nanoTime());
        Path err = tmp.getRoot().toPath().resolve("err-" + System.nanoTime());
        Process p = start(out, err, args);
        assertTrue("jam " + args[0] + " did not finish within 15 minutes", p.waitFor(15, TimeUnit.MINUTES));
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    public void fourEpochsOfTinyDevChainExportAndReimport() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        Path trace = tmp.getRoot().toPath().resolve("trace");
        Result run = jam("run", "--rpc-port", "0", "--chain", "tiny", "--dev-validators", "0-5", "--clock", "fast", "--slots", "48",
                "--data", data.toString());
        assertEquals(run.all(), 0, run.code());
        assertFalse(run.all(), run.all().contains("BUG"));
        assertTrue(run.all(), run.out().contains("done: 48 blocks authored"));
        assertTrue(run.all(), run.out().contains("sample service: 1\n"));

        Result export = jam("export", "--trace", trace.toString(), "--data", data.toString());
        assertEquals(export.all(), 0, export.code());
        String out = export.out();
        assertTrue(out, out.contains("exported 48 blocks and genesis"));
        assertTrue(out, out.contains("slots 1-48: 48 of 48 slots filled"));
        assertTrue(out, out.contains("epoch 0: 11 blocks, 0 ticket-sealed, 11 fallback-sealed"));
        for (int e = 1; e <= 3; e++) {
            assertTrue(out, out.contains("epoch " + e + ": 12 blocks, 12 ticket-sealed, 0 fallback-sealed"));
        }
        assertTrue(out, out.contains("epoch 4: 1 blocks, 1 ticket-sealed, 0 fallback-sealed"));
        assertTrue(Files.exists(trace.resolve("genesis.bin")) && Files.exists(trace.resolve("genesis.json")));
        assertTrue(Files.exists(trace.resolve("00000048.bin")) && Files.exists(trace.resolve("00000048.json")));

        Result imp = jam("import", trace.toString());
        assertEquals(imp.all(), 0, imp.code());
        assertTrue(imp.all(), imp.out().strip().endsWith("48 passed, 0 failed"));

        // the JSON files alone (jam import reads the .bin of a step present in both forms)
        Path json = tmp.newFolder("json").toPath();
        try (var files = Files.list(trace)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                Files.copy(f, json.resolve(f.getFileName()));
            }
        }
        Result impJson = jam("import", json.toString());
        assertEquals(impJson.all(), 0, impJson.code());
        assertTrue(impJson.all(), impJson.out().strip().endsWith("48 passed, 0 failed"));
    }

    @Test
    public void stopsOnSignalAndResumes() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        Path out = tmp.getRoot().toPath().resolve("run1.out");
        Path err = tmp.getRoot().toPath().resolve("run1.err");
        Process p = start(out, err, "run", "--rpc-port", "0", "--chain", "tiny", "--dev-validators", "0-5", "--slot-ms", "500",
                "--data", data.toString());
        long deadline = System.currentTimeMillis() + 5 * 60_000;
        while (System.currentTimeMillis() < deadline && p.isAlive()
                && Files.readString(out, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("slot ")).count() < 2) {
            Thread.sleep(200);
        }
        assertTrue("the node died: " + Files.readString(err, StandardCharsets.UTF_8), p.isAlive());
        p.destroy(); // SIGTERM: the JVM runs its shutdown hooks as on Ctrl-C
        assertTrue("the node did not stop within 2 minutes", p.waitFor(2, TimeUnit.MINUTES));
        String first = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(first, first.contains("stopped: "));
        long authored = first.lines().filter(l -> l.startsWith("slot ") && l.contains(": block 0x")).count();
        assertTrue(first, authored >= 2);
        String last = first.lines().filter(l -> l.startsWith("slot ") && l.contains(": block 0x")).reduce((a, b) -> b)
                .orElseThrow();
        int at = last.indexOf(": block ") + 8;
        String head = last.substring(at, last.indexOf(',', at));

        Result again = jam("run", "--rpc-port", "0", "--chain", "tiny", "--dev-validators", "0-5", "--clock", "fast", "--slots", "0",
                "--data", data.toString());
        assertEquals(again.all(), 0, again.code());
        assertTrue(again.all(), again.out().contains("resuming from the stored best head " + head));
        assertTrue(again.all(), again.out().contains("sample service: 1\n"));
    }
}
