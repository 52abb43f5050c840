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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The packaged {@code bin/jam} as a new user runs it: {@code HOME} a fresh empty folder, no {@code JAM_JAVA_OPTS},
 * no {@code -Djam.vectors}, no {@code $JAM_VECTORS}, the vector folders given by path only. The node must not need
 * test data to run (the ring-VRF SRS is bundled): {@code jam test-vectors} over every STF folder and {@code jam
 * import} over the six public traces must pass everything, the expected counts taken from the folders themselves.
 *
 * <p>Only {@code HOME} is changed, as a user would: the vectors rule ({@code VectorsFolder}) reads {@code $HOME}
 * before the JVM's {@code user.home}, which comes from the password database.
 */
public class EmptyHomeCliTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));
    private static final List<String> TRACES =
            List.of("fallback", "safrole", "storage", "storage_light", "preimages", "preimages_light");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private record Run(int code, String out, String err) {}

    private Run jam(long timeoutMinutes, List<String> args) throws IOException, InterruptedException {
        Path home = tmp.newFolder().toPath();
        List<String> cmd = new ArrayList<>();
        cmd.add(DIST.resolve("bin/jam").toString());
        cmd.addAll(args);
        Path out = tmp.newFile().toPath();
        Path err = tmp.newFile().toPath();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAM_JAVA_OPTS");
        env.remove("JAM_VECTORS");
        env.put("HOME", home.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("jam " + args.getFirst() + " did not finish in " + timeoutMinutes + " min:\n" + Files.readString(out));
        }
        assertFalse("jam created a vectors folder in the empty home", Files.exists(home.resolve(".cache/jam-vectors")));
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<Path> list(Path dir, String regex) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(regex)).sorted().toList();
        }
    }

    private static String lastLine(String out) {
        List<String> lines = out.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    @Test
    public void testVectorsOverEveryStfFolder() throws Exception {
        Path stf = Vectors.dir("jam-test-vectors-0.7.2/stf");
        List<String> args = new ArrayList<>(List.of("test-vectors"));
        long expected = 0;
        for (Path subsystem : list(stf, "[a-z_]+")) {
            for (String config : List.of("tiny", "full")) {
                Path dir = subsystem.resolve(config);
                assertTrue("missing STF folder " + dir, Files.isDirectory(dir));
                int n = list(dir, ".*\\.bin").size();
                assertTrue("no vectors in " + dir, n > 0);
                expected += n;
                args.add(dir.toString());
            }
        }
        assertTrue("too few STF folders under " + stf + ": " + args, args.size() >= 1 + 2 * 9);
        Run r = jam(30, args);
        assertEquals(r.out + r.err, 0, r.code);
        assertEquals(r.out + r.err, expected + " passed, 0 failed", lastLine(r.out));
        System.out.println("EmptyHomeCliTest: jam test-vectors over " + (args.size() - 1) + " STF folders: " + lastLine(r.out));
    }

    @Test
    public void importOfTheSixPublicTraces() throws Exception {
        List<String> args = new ArrayList<>(List.of("import"));
        long expected = 0;
        for (String t : TRACES) {
            Path dir = Vectors.dir("jam-test-vectors-0.7.2/traces/" + t);
            int n = list(dir, "\\d+\\.bin").size();
            assertTrue("no steps in " + dir, n > 0);
            expected += n;
            args.add(dir.toString());
        }
        Run r = jam(30, args);
        assertEquals(r.out + r.err, 0, r.code);
        assertEquals(r.out + r.err, expected + " passed, 0 failed", lastLine(r.out));
        System.out.println("EmptyHomeCliTest: jam import over " + TRACES.size() + " traces: " + lastLine(r.out));
    }
}
