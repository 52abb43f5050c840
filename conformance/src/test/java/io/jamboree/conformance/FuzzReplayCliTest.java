package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.types.Block;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code bin/jam fuzz-replay} against the packaged {@code bin/jam fuzz-target}, two processes talking fuzz-proto
 * v1 over a Unix socket: the public trace {@code traces/fallback} passes 100/100 (the expected roots are the
 * trace's post_state roots); a copy whose step 3 claims another post_state root is reported as a FAIL with
 * exit code 1; a fuzz-report trace without genesis starts after its first step; no target is a clear error.
 * {@code bin/jam bench} starts its own fresh target and prints the timing table.
 */
public class FuzzReplayCliTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));
    private static Path dir;
    private static Path socket;
    private static Process target;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private record Run(int code, String out, String err) {}

    @BeforeClass
    public static void start() throws Exception {
        dir = Files.createTempDirectory("jamrp");
        socket = dir.resolve("target.sock");
        target = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "fuzz-target", "--socket", socket.toString())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240); // the target warms up before it listens: seconds on a loaded machine
        while (!Files.exists(socket)) {
            if (!target.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("jam fuzz-target did not open " + socket + ":\n" + Files.readString(dir.resolve("err.txt")));
            }
            Thread.sleep(100);
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        if (target != null) {
            target.destroy();
            assertTrue("jam fuzz-target stops on SIGTERM", target.waitFor(30, TimeUnit.SECONDS));
        }
    }

    private Run replay(Path sock, Path... folders) throws IOException, InterruptedException {
        Path out = tmp.getRoot().toPath().resolve("out-" + System.nanoTime());
        Path err = tmp.getRoot().toPath().resolve("err-" + System.nanoTime());
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/jam").toString(), "fuzz-replay", "--socket", sock.toString()));
        for (Path f : folders) {
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertTrue("jam fuzz-replay did not finish within 10 minutes", p.waitFor(10, TimeUnit.MINUTES));
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        System.out.print(r.out);
        return r;
    }

    @Test
    public void publicTracePassesEveryStep() throws Exception {
        Run r = replay(socket, Vectors.dir("jam-test-vectors-0.7.2/traces/fallback"));
        assertEquals(r.out + r.err, 0, r.code);
        assertTrue(r.out, r.out.startsWith("target: jamboree "));
        assertTrue(r.out, r.out.contains("fallback: 100 passed, 0 failed; import-block mean "));
        assertTrue(r.out, r.out.strip().endsWith("100 passed, 0 failed"));
    }

    @Test
    public void corruptedPostStateRootIsAFailure() throws Exception {
        Path from = Vectors.dir("jam-test-vectors-0.7.2/traces/fallback");
        Path to = tmp.newFolder("fallback-corrupt").toPath();
        for (String f : List.of("genesis.bin", "00000001.bin", "00000002.bin", "00000003.bin", "00000004.bin")) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
        byte[] step = Files.readAllBytes(to.resolve("00000003.bin"));
        int root = postStateRootOffset(step);
        String published = Hex.encode(Arrays.copyOfRange(step, root, root + 32));
        step[root + 5] ^= 0x40;
        String corrupted = Hex.encode(Arrays.copyOfRange(step, root, root + 32));
        Files.write(to.resolve("00000003.bin"), step);

        Run r = replay(socket, to);
        assertEquals(r.out + r.err, 1, r.code);
        assertTrue(r.out, r.out.contains("FAIL 00000003.bin (slot 3, "));
        assertTrue("the target's root is the published one, the trace's the corrupted one: " + r.out,
                r.out.contains("state root " + published + ", expected " + corrupted));
        assertTrue(r.out, r.out.strip().endsWith("3 passed, 1 failed"));
    }

    @Test
    public void fuzzReportWithoutGenesisStartsAfterItsFirstStep() throws Exception {
        Run r = replay(socket, Vectors.dir("fuzz-reports-0.7.2-sample/traces/1768066437_3920"));
        assertEquals(r.out + r.err, 0, r.code);
        assertTrue(r.out, r.out.contains("00000011.bin: not replayed: the header of its parent"));
        assertTrue(r.out, r.out.strip().endsWith("1 passed, 0 failed, 1 not replayed"));
    }

    @Test
    public void noTargetIsAClearError() throws Exception {
        Run r = replay(dir.resolve("nobody.sock"), Vectors.dir("jam-test-vectors-0.7.2/traces/fallback"));
        assertEquals(r.out + r.err, 3, r.code);
        assertTrue(r.err, r.err.contains("no fuzz target socket at"));
        assertFalse(r.out, r.out.contains("passed"));
    }

    /**
     * {@code jam bench} with our target only: one round starts its own fresh {@code jam fuzz-target} (warmed up with the
     * distribution's chain), plays {@code fallback} with every root checked and prints the table row of 100 blocks.
     */
    @Test
    public void benchTimesAFreshTargetPerRound() throws Exception {
        Path out = tmp.getRoot().toPath().resolve("bench-out");
        Path err = tmp.getRoot().toPath().resolve("bench-err");
        Path logs = tmp.newFolder("bench-logs").toPath();
        Process p = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "bench", "--rounds", "1", "--log", logs.toString(),
                Vectors.dir("jam-test-vectors-0.7.2/traces/fallback").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertTrue("jam bench did not finish within 10 minutes", p.waitFor(10, TimeUnit.MINUTES));
        String o = Files.readString(out, StandardCharsets.UTF_8);
        String target = Files.readString(logs.resolve("jamboree-round1.log"), StandardCharsets.UTF_8);
        System.out.print(o);
        assertEquals(o + Files.readString(err, StandardCharsets.UTF_8) + target, 0, p.exitValue());
        assertTrue(o, o.lines().anyMatch(l -> l.matches("fallback +jamboree +100 .* 0")));
        assertTrue(o, o.contains("load average (1 min): "));
        assertTrue("the packaged target warms up on its own chain: " + target, target.contains("warm-up: 26 blocks in "));
        assertFalse(target, target.contains("stopped:"));
    }

    @Test
    public void benchWithoutTypeberryInstalledIsAClearError() throws Exception {
        Path out = tmp.getRoot().toPath().resolve("bench-out");
        Path err = tmp.getRoot().toPath().resolve("bench-err");
        Process p = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "bench", "--typeberry", tmp.getRoot().toString(),
                Vectors.dir("jam-test-vectors-0.7.2/traces/fallback").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        String e = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(e, 2, p.exitValue());
        assertTrue(e, e.contains("jam bench: no Typeberry in " + tmp.getRoot() + " (no node_modules/@typeberry/jam/index.js"));
    }

    /** Offset of a TraceStep's post_state root: after the pre_state (root, key/values) and the block. */
    private static int postStateRootOffset(byte[] step) {
        Decoder d = new Decoder(step);
        d.bytes(32, "pre_state root");
        int n = d.length(32, "keyvals");
        for (int i = 0; i < n; i++) {
            d.bytes(31, "key");
            d.blob("value");
        }
        Block.decode(d, ChainParams.tiny());
        return d.position();
    }
}
