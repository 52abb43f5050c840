package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The sample plugins of {@code plugins-sample/} (built by this build, shipped in the distribution's {@code plugins/})
 * hot-deployed into a running node: {@code bin/jam shell} as a separate process on a home of its own, driven through
 * its Gogo console. A plugin jar copied into {@code deploy/} is started, selected and used for a trace import; when
 * the jar is removed the node falls back to the default engine or store, with no error and no data lost.
 */
public class PluginHotDeployTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));
    private static final Path TRACING = DIST.resolve("plugins/jam-plugin-pvm-tracing.jar");
    private static final Path JOURNAL = DIST.resolve("plugins/jam-plugin-store-journal.jar");
    private static final long WAIT_SECONDS = 180;

    private Path home;
    private Shell shell;

    @Before
    public void makeHome() throws IOException {
        home = Files.createTempDirectory("jamboree-hotdeploy-");
        Files.createSymbolicLink(home.resolve("bundles"), DIST.resolve("bundles").toAbsolutePath());
        Files.createSymbolicLink(home.resolve("features"), DIST.resolve("features").toAbsolutePath());
        copyTree(DIST.resolve("conf"), home.resolve("conf"));
        Files.createDirectories(home.resolve("deploy"));
        assertTrue("the build puts the sample plugins into " + DIST.resolve("plugins"), Files.isRegularFile(TRACING) && Files.isRegularFile(JOURNAL));
    }

    @After
    public void cleanUp() throws IOException {
        if (shell != null) {
            shell.kill();
        }
        try (Stream<Path> s = Files.walk(home)) {
            s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    public void tracingEngineHotDeploysRunsATraceAndFallsBackWhenRemoved() throws Exception {
        shell = Shell.start(home);
        shell.awaitOut("all ACTIVE");

        Files.copy(TRACING, home.resolve("deploy").resolve(TRACING.getFileName()));
        shell.awaitErr("deploy: started io.jamboree.jam-plugin-pvm-tracing");
        shell.send("jam:pvm tracing");
        shell.awaitOut("PVM engine switched to tracing");

        shell.send("jam:exec import --chain tiny " + Vectors.dir("jam-test-vectors-0.7.2/traces/storage"));
        String summary = shell.awaitOut(Pattern.compile("\\d+ passed, \\d+ failed"));
        assertEquals(shell.tails(), "100 passed, 0 failed", summary);

        shell.send("tracing:gas");
        Matcher gas = Pattern.compile("tracing: (\\d+) programs, ([\\d,]+) gas in ([\\d,]+) runs").matcher(shell.awaitOut(Pattern.compile("tracing: .* runs")));
        assertTrue(gas.matches());
        assertTrue("gas counted by the tracing engine: " + gas.group(), Long.parseLong(gas.group(2).replace(",", "")) > 0);

        Files.delete(home.resolve("deploy").resolve(TRACING.getFileName()));
        shell.awaitErr("uninstalled io.jamboree.jam-plugin-pvm-tracing");
        shell.awaitErr("PVM engine 'tracing' is not registered: new programs run on 'interpreter'");
        shell.send("jam:pvm");
        assertTrue(shell.tails(), shell.awaitOut(Pattern.compile("active PVM engine: .*")).startsWith("active PVM engine: interpreter"));

        // the node goes on, on the interpreter: another trace (same genesis, other blocks) imports
        shell.send("jam:exec import --chain tiny " + Vectors.dir("jam-test-vectors-0.7.2/traces/storage_light"));
        assertEquals(shell.tails(), "100 passed, 0 failed", shell.awaitOut(Pattern.compile("\\d+ passed, \\d+ failed")));
        shell.stop();
        assertNoErrors();
    }

    @Test
    public void journalStoreHotDeploysHoldsATraceAndHandsItsDataBackWhenRemoved() throws Exception {
        shell = Shell.start(home);
        shell.awaitOut("all ACTIVE");

        Files.copy(JOURNAL, home.resolve("deploy").resolve(JOURNAL.getFileName()));
        shell.awaitErr("deploy: started io.jamboree.jam-plugin-store-journal");
        shell.send("jam:store switch journal");
        shell.awaitOut("switched lmdb -> journal");
        shell.awaitOut(Pattern.compile("\\s*meta\\s+\\d+"));

        shell.send("jam:exec import --chain tiny " + Vectors.dir("jam-test-vectors-0.7.2/traces/storage"));
        assertEquals(shell.tails(), "100 passed, 0 failed", shell.awaitOut(Pattern.compile("\\d+ passed, \\d+ failed")));
        shell.send("jam:store");
        assertTrue(shell.awaitOut(Pattern.compile("active store: .*")).startsWith("active store: journal"));
        Map<String, String> inJournal = shell.tableSizes();
        assertTrue("the journal store holds the trace's blocks: " + inJournal, Long.parseLong(inJournal.get("blocks")) >= 100);
        assertTrue("the journal file was written", Files.size(home.resolve("data/journal/journal.bin")) > 0);

        Files.delete(home.resolve("deploy").resolve(JOURNAL.getFileName()));
        shell.awaitErr("uninstalled io.jamboree.jam-plugin-store-journal");
        assertTrue(shell.tails(), shell.awaitErr("the active store (journal) went away: copied and verified").contains("lmdb is active"));
        shell.send("jam:store");
        assertTrue(shell.awaitOut(Pattern.compile("active store: .*")).startsWith("active store: lmdb"));
        assertEquals("every table came back intact", inJournal, shell.tableSizes());

        // the blocks are in LMDB now: a second import finds them all and checks their state roots
        shell.send("jam:exec import --chain tiny " + Vectors.dir("jam-test-vectors-0.7.2/traces/storage"));
        shell.awaitOut("no blocks imported");
        assertEquals(shell.tails(), "100 passed, 0 failed", shell.awaitOut(Pattern.compile("\\d+ passed, \\d+ failed")));
        shell.stop();
        assertNoErrors();
    }

    @Test
    public void pluginsInDeployAreSelectableOnTheCommandLine() throws Exception {
        Files.copy(TRACING, home.resolve("deploy").resolve(TRACING.getFileName()));
        Files.copy(JOURNAL, home.resolve("deploy").resolve(JOURNAL.getFileName()));
        Process p = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "--home", home.toString(), "import",
                "--pvm", "tracing", "--store", "journal", Vectors.dir("jam-test-vectors-0.7.2/traces/storage").toString())
                .redirectOutput(home.resolve("cli.out").toFile()).redirectError(home.resolve("cli.err").toFile()).start();
        assertTrue("jam import finishes", p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        String out = Files.readString(home.resolve("cli.out"));
        String err = Files.readString(home.resolve("cli.err"));
        assertEquals(out + err, 0, p.exitValue());
        assertTrue(out, out.strip().endsWith("100 passed, 0 failed"));
        assertTrue(err, Pattern.compile("tracing PVM engine stops; tracing: 1 programs, [1-9][\\d,]* gas").matcher(err).find());
        assertTrue(err, err.contains("journal store closes: 101 commits"));

        // without the jar the name is not registered: a clear error naming the engines there are
        Files.delete(home.resolve("deploy").resolve(TRACING.getFileName()));
        Process q = new ProcessBuilder(DIST.resolve("bin/jam").toString(), "--home", home.toString(), "import",
                "--pvm", "tracing", Vectors.dir("jam-test-vectors-0.7.2/traces/storage").toString()).redirectErrorStream(true).start();
        String both = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(q.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(both, 3, q.exitValue());
        assertTrue(both, both.contains("no PVM engine 'tracing' is registered"));
        assertTrue(both, both.contains("(registered PVM engines: differential, interpreter, recompiler, tiered)"));
    }

    /** The sample plugins reach no further than the exported API: every package they import is exported. */
    @Test
    public void pluginsImportOnlyExportedPackages() throws IOException {
        Set<String> exported = new HashSet<>(List.of("io.jamboree.runtime.spi", "org.slf4j", "org.osgi.framework"));
        try (Stream<Path> jars = Files.list(DIST.resolve("bundles"))) {
            for (Path jar : jars.toList()) {
                exported.addAll(header(jar, "Export-Package").keySet());
            }
        }
        List<Path> plugins = List.of(TRACING, JOURNAL, DIST.resolve("bundles/jam-plugin-sample.jar"));
        for (Path plugin : plugins) {
            Parameters imports = header(plugin, "Import-Package");
            assertFalse(plugin + " imports nothing", imports.isEmpty());
            for (String pkg : imports.keySet()) {
                assertFalse(plugin + " imports the implementation package " + pkg, pkg.contains(".internal"));
                assertTrue(plugin + " imports " + pkg + ", which no bundle exports", pkg.startsWith("java.") || exported.contains(pkg));
            }
        }
    }

    private static Parameters header(Path jar, String name) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            String v = m == null ? null : m.getMainAttributes().getValue(name);
            Parameters p = new Parameters(v == null ? "" : v);
            for (Map.Entry<String, Attrs> e : p.entrySet()) {
                assertTrue(e.getKey(), !e.getKey().isEmpty());
            }
            return p;
        }
    }

    private void assertNoErrors() {
        for (String line : shell.err().lines().toList()) {
            assertFalse("an error in the node's log:\n" + shell.tails(), line.contains(" ERROR ") || line.contains("Exception"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** {@code bin/jam shell} as a process: commands go to its standard input, its output is collected. */
    private static final class Shell {
        private final Process process;
        private final OutputStream in;
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        /** How far {@link #awaitOut} has read the output: each awaited line is taken once. */
        private int outMark;

        private Shell(Process process) {
            this.process = process;
            this.in = process.getOutputStream();
            pump(process.getInputStream(), out);
            pump(process.getErrorStream(), err);
        }

        static Shell start(Path home) throws IOException {
            return new Shell(new ProcessBuilder(DIST.resolve("bin/jam").toString(), "--home", home.toString(), "shell").start());
        }

        private static void pump(InputStream s, StringBuffer into) {
            Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[8192];
                try {
                    for (int n; (n = s.read(buf)) > 0; ) {
                        into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }

        void send(String command) throws IOException {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        String err() {
            return err.toString();
        }

        /** Waits for a line of standard output (after the last one awaited) that contains {@code text}. */
        String awaitOut(String text) throws InterruptedException {
            return awaitOut(Pattern.compile(".*" + Pattern.quote(text) + ".*"));
        }

        /** Waits for a line of standard output (after the last one awaited) matching {@code line}; returns it. */
        String awaitOut(Pattern line) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline) {
                String all = out.toString();
                int from = outMark;
                for (int nl; (nl = all.indexOf('\n', from)) >= 0; from = nl + 1) {
                    String l = all.substring(from, nl).replace("g! ", "").strip();
                    if (line.matcher(l).matches()) {
                        outMark = nl + 1;
                        return l;
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no output line matching " + line + "\n" + tails());
        }

        /** Waits for a line of the log (standard error) that contains {@code text}; returns it. */
        String awaitErr(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline) {
                for (String l : err.toString().lines().toList()) {
                    if (l.contains(text)) {
                        return l;
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no log line containing '" + text + "'\n" + tails());
        }

        /** The table sizes of the {@code jam:store} output just awaited: name to entry count. */
        Map<String, String> tableSizes() throws InterruptedException {
            Map<String, String> sizes = new java.util.TreeMap<>();
            for (String t : List.of("blocks", "states", "state_kv", "tree", "meta")) {
                String l = awaitOut(Pattern.compile(t + "\\s+\\d+"));
                sizes.put(t, l.split("\\s+")[1]);
            }
            return sizes;
        }

        void stop() throws IOException, InterruptedException {
            send("stop 0");
            in.close();
            assertTrue("the shell stops\n" + tails(), process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(tails(), 0, process.exitValue());
        }

        void kill() {
            process.destroyForcibly();
        }

        /** The node's last output and log lines, for failure messages. */
        String tails() {
            return "--- last output lines:\n" + last(out.toString()) + "\n--- last log lines:\n" + last(err.toString());
        }

        private static String last(String s) {
            List<String> lines = new ArrayList<>(s.lines().toList());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }
    }
}
