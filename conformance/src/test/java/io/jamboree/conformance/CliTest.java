package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** The packaged {@code bin/jam} as an operator runs it: a separate process on the distribution. */
public class CliTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));

    private record Run(int code, String out, String err) {}

    private static Run jam(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(DIST.resolve("bin/jam").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jam " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    public void versionNamesTheProtocol() throws Exception {
        Run r = jam(null, "version");
        assertEquals(r.err, 0, r.code);
        assertTrue(r.out, r.out.contains("Graypaper 0.7.2"));
    }

    @Test
    public void helpListsTheCommands() throws Exception {
        Run r = jam(null, "--help");
        assertEquals(0, r.code);
        for (String c : List.of("version", "shell", "test-vectors")) {
            assertTrue(r.out, r.out.contains(c));
        }
    }

    @Test
    public void shellBootsWithEveryBundleActive() throws Exception {
        Run r = jam("stop 0\n", "shell");
        System.out.println(r.out.lines().filter(l -> l.startsWith("Jamboree")).findFirst().orElse(r.out));
        assertEquals(r.err, 0, r.code);
        assertTrue(r.out, r.out.contains("all ACTIVE"));
    }

    @Test
    public void testVectorsReportsTotalsAndExitCode() throws Exception {
        Run r = jam(null, "test-vectors", Vectors.dir("jam-test-vectors-0.7.2/shuffle").toString());
        assertEquals(r.out + r.err, 0, r.code);
        assertTrue(r.out, r.out.strip().endsWith("8 passed, 0 failed"));
    }

    @Test
    public void missingFolderIsAClearError() throws Exception {
        Run r = jam(null, "test-vectors", "/nonexistent/vectors");
        assertEquals(2, r.code);
        assertTrue(r.err, r.err.contains("no such folder"));
    }

    @Test
    public void unknownFolderIsAClearError() throws Exception {
        Run r = jam(null, "test-vectors", DIST.resolve("conf").toString());
        assertEquals(1, r.code);
        assertTrue(r.err, r.err.contains("no vector family recognises"));
    }

    @Test
    public void samplePluginAddsACommand() throws Exception {
        Run r = jam(null, "exec", "--feature", "sample", "blake2b", "jam");
        assertEquals(r.err, 0, r.code);
        // Blake2b-256 of the ASCII bytes "jam", as computed by the reference b2sum -l 256
        assertTrue(r.out, r.out.startsWith("0x6a0d4a19d199505713fc65f531038e73f1d885645632c8ae503c4f0c4d5e19a7"));
        Run missing = jam(null, "exec", "blake2b", "jam");
        assertEquals(3, missing.code);
        assertTrue(missing.err, missing.err.contains("provides the command 'blake2b'"));
    }
}
