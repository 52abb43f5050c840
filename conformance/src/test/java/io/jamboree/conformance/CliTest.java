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
    public void importHelpListsTheOptions() throws Exception {
        Run r = jam(null, "import", "--help");
        assertEquals(r.err, 0, r.code);
        for (String o : List.of("--store", "--data", "--chain", "--pvm", "PATH", "passed", "resume")) {
            assertTrue(r.out, r.out.contains(o));
        }
    }

    @Test
    public void importOfAMissingPathIsAClearError() throws Exception {
        Run r = jam(null, "import", "/nonexistent/trace");
        assertEquals(r.out + r.err, 2, r.code);
        assertTrue(r.err, r.err.contains("no such file or folder: /nonexistent/trace"));
    }

    @Test
    public void importOfAnUndecodableFileNamesFileAndOffset() throws Exception {
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("jam-cli-", ".bin");
        try {
            java.nio.file.Files.write(bad, new byte[100]);
            Run r = jam(null, "import", bad.toString());
            assertEquals(r.out + r.err, 2, r.code);
            assertTrue(r.err, r.err.contains(bad + ": not a TraceStep (tiny chain): "));
            assertTrue(r.err, r.err.contains("offset"));
        } finally {
            java.nio.file.Files.delete(bad);
        }
    }

    @Test
    public void importOfTheFallbackTracePassesEveryStep() throws Exception {
        Run r = jam(null, "import", Vectors.dir("jam-test-vectors-0.7.2/traces/fallback").toString());
        System.out.println(r.out.lines().filter(l -> l.startsWith("import time")).findFirst().orElse(r.out));
        assertEquals(r.out + r.err, 0, r.code);
        assertTrue(r.out, r.out.startsWith("store: empty"));
        assertTrue(r.out, r.out.contains("import time per block (100 blocks): mean "));
        assertTrue(r.out, r.out.strip().endsWith("100 passed, 0 failed"));
    }

    @Test
    public void importOfGivenFilesStartsFromGenesisOrFromAPreState() throws Exception {
        java.nio.file.Path t = Vectors.dir("jam-test-vectors-0.7.2/traces/fallback");
        // genesis.json and the JSON steps: the genesis header is the parent of block 1
        Run r = jam(null, "import", "--pvm", "recompiler", t.resolve("genesis.json").toString(), t.resolve("00000001.json").toString(),
                t.resolve("00000002.json").toString());
        assertEquals(r.out + r.err, 0, r.code);
        assertTrue(r.out, r.out.strip().endsWith("2 passed, 0 failed"));
        // without genesis: step 1 starts from its own pre_state under its parent hash H_p (mid-chain start),
        // steps 2 and 3 follow on the head it left
        r = jam(null, "import", t.resolve("00000001.bin").toString(), t.resolve("00000002.bin").toString(), t.resolve("00000003.bin").toString());
        assertEquals(r.out + r.err, 0, r.code);
        assertTrue(r.out, r.out.strip().endsWith("3 passed, 0 failed"));
    }

    @Test
    public void anEngineNameIsCheckedAgainstTheRegisteredEngines() throws Exception {
        // no enum of engines in the CLI: any registered engine may be named; an unknown name fails with the list
        Run r = jam(null, "import", "--pvm", "nosuch", Vectors.dir("jam-test-vectors-0.7.2/traces/fallback").toString());
        assertEquals(r.out + r.err, 3, r.code);
        assertTrue(r.err, r.err.contains("no PVM engine 'nosuch' is registered"));
        assertTrue(r.err, r.err.contains("(registered PVM engines: differential, interpreter, recompiler, tiered)"));
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
