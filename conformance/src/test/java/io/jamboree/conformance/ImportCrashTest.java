package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code bin/jam import --store lmdb} over {@code traces/storage}, killed with {@code kill -9} at random
 * moments twenty times. Every restart must open the store, report as best head a block of the trace whose
 * stored state root is the trace's post-state root for that step (read from the vector files: the
 * pre-state root of the next step, the first 32 bytes of its {@code .bin}), never go back, and resume
 * with the step after it; the last run completes the trace with {@code 100 passed, 0 failed}.
 */
public class ImportCrashTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));
    private static final int KILLS = 20;
    private static final Pattern STORE = Pattern.compile("store: best head 0x([0-9a-f]{64}) \\((.+)\\), state root 0x([0-9a-f]{64})");
    private static final Pattern RESUME = Pattern.compile("resume: (\\d+) steps already imported, continuing with (.+)");
    private static final String EOF = "\u0000eof";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private record Started(Process process, BlockingQueue<String> lines, Path stderr) {}

    @Test
    public void importResumesAfterTwentyKillDashNine() throws Exception {
        Path trace = Vectors.dir("jam-test-vectors-0.7.2/traces/storage");
        List<Path> steps;
        try (Stream<Path> s = Files.list(trace)) {
            steps = s.filter(p -> p.getFileName().toString().matches("\\d+\\.bin")).sorted().toList();
        }
        assertEquals(100, steps.size());
        Path data = tmp.newFolder("data").toPath();
        Path jvmTmp = tmp.newFolder("jvm-tmp").toPath(); // what a killed JVM cannot clean up lands here
        Random random = new Random(20260);
        int previous = 0;
        int progressed = 0;
        List<String> log = new ArrayList<>();
        for (int round = 1; round <= KILLS; round++) {
            Started run = start(trace, data, jvmTmp, round);
            try {
                String store = awaitLine(run, "store: ");
                int head = headStep(store, steps, trace);
                assertTrue("round " + round + ": the best head went back from step " + previous + " to " + head, head >= previous);
                if (head > previous) {
                    progressed++;
                }
                previous = head;
                Thread.sleep(300 + random.nextInt(6000)); // the first block after a boot takes seconds (JIT, PVM)
                log.add(head + (run.process().isAlive() ? "" : " (finished before the kill)"));
            } finally {
                run.process().destroyForcibly(); // SIGKILL on Linux; bin/jam execs the JVM
                assertTrue(run.process().waitFor(30, TimeUnit.SECONDS));
            }
            checkNoFailures(run, round, previous, steps);
        }
        Started last = start(trace, data, jvmTmp, KILLS + 1);
        assertTrue("the final import did not finish", last.process().waitFor(600, TimeUnit.SECONDS));
        List<String> out = drain(last);
        String all = String.join("\n", out);
        assertEquals(all + "\n" + Files.readString(last.stderr()), 0, last.process().exitValue());
        int head = headStep(out.stream().filter(l -> l.startsWith("store: ")).findFirst().orElseThrow(), steps, trace);
        assertTrue(head >= previous);
        if (head > 0 && head < steps.size()) {
            assertTrue(all, all.contains("resume: " + head + " steps already imported, continuing with " + steps.get(head).getFileName()));
        }
        assertTrue(all, all.strip().endsWith("100 passed, 0 failed"));
        System.out.println("ImportCrashTest: " + KILLS + "/" + KILLS + " kills recovered, " + progressed
                + " of them after progress; best head step after each restart: " + String.join(", ", log) + "; final run from step " + head);
        assertTrue("too few kills landed while blocks were imported: " + progressed, progressed >= KILLS / 4);
    }

    private Started start(Path trace, Path data, Path jvmTmp, int round) throws IOException {
        Path stderr = tmp.getRoot().toPath().resolve("round-" + round + ".err");
        ProcessBuilder pb = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "import", "--store", "lmdb",
                "--data", data.toString(), trace.toString()).redirectError(stderr.toFile());
        pb.environment().put("JAM_JAVA_OPTS", "-Djava.io.tmpdir=" + jvmTmp);
        Process p = pb.start();
        p.getOutputStream().close();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (IOException e) {
                // the process was killed
            } finally {
                lines.add(EOF);
            }
        }, "jam-import-stdout-" + round);
        reader.setDaemon(true);
        reader.start();
        return new Started(p, lines, stderr);
    }

    /** The first line starting with {@code prefix}; fails if the process ends or takes two minutes. */
    private static String awaitLine(Started run, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String l = run.lines().poll(1, TimeUnit.SECONDS);
            if (l == null) {
                continue;
            }
            if (l.equals(EOF)) {
                break;
            }
            seen.add(l);
            if (l.startsWith(prefix)) {
                run.lines().addAll(seen); // keep them for checkNoFailures (order is irrelevant there)
                return l;
            }
        }
        fail("no '" + prefix + "' line; output: " + seen + "\nstderr: " + Files.readString(run.stderr()));
        return null;
    }

    private static List<String> drain(Started run) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (String l = run.lines().poll(30, TimeUnit.SECONDS); l != null && !l.equals(EOF); l = run.lines().poll(30, TimeUnit.SECONDS)) {
            out.add(l);
        }
        return out;
    }

    /** No step failed before the kill, and a resume line names the step after the best head. */
    private static void checkNoFailures(Started run, int round, int head, List<Path> steps) throws InterruptedException {
        List<String> out = drain(run);
        for (String l : out) {
            assertFalse("round " + round + ": " + l, l.startsWith("FAIL"));
            Matcher m = RESUME.matcher(l);
            if (m.matches()) {
                assertEquals("round " + round + ": " + l, head, Integer.parseInt(m.group(1)));
                assertEquals("round " + round + ": " + l, steps.get(head).getFileName().toString(), m.group(2));
            }
        }
    }

    /**
     * The step number whose block the store line names (0 for the genesis or an empty store), after checking
     * that the stored root is the trace's post-state root of that step.
     */
    private static int headStep(String line, List<Path> steps, Path trace) throws IOException {
        if (line.equals("store: empty")) {
            return 0;
        }
        Matcher m = STORE.matcher(line);
        assertTrue("unexpected store line: " + line, m.matches());
        String file = m.group(2);
        int step;
        if (file.equals("genesis.bin")) {
            step = 0;
        } else {
            step = steps.indexOf(trace.resolve(file)) + 1;
            assertTrue("the best head is no block of the trace: " + line, step > 0);
        }
        if (step < steps.size()) {
            byte[] next = Files.readAllBytes(steps.get(step));
            String expected = HexFormat.of().formatHex(Arrays.copyOf(next, 32));
            assertEquals("stored state root of the best head (" + file + ") vs the post-state root of that step", expected, m.group(3));
        } // the last step's root is checked by the final run, which resumes it
        return step;
    }
}
