package io.jamboree.store.lmdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jamboree.store.Cursor;
import io.jamboree.store.Entry;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Table;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 a process that commits to LMDB in a loop, 20 times at random moments; after each kill
 * the store must open with the last committed transaction complete and nothing of the next one.
 */
class LmdbCrashTest {
    private static final int KILLS = 20;

    @TempDir
    Path tmp;

    @Test
    void survivesTwentyKillDashNine() throws Exception {
        Path dir = tmp.resolve("crash-env");
        Random random = new Random(42);
        long previous = 0;
        long progress = 0;
        List<String> log = new ArrayList<>();
        for (int round = 1; round <= KILLS; round++) {
            Process p = startWriter(dir, tmp);
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String ready = out.readLine();
                if (ready == null || !ready.startsWith("ready ")) {
                    fail("child did not start: " + ready + "\n" + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                }
                assertEquals(previous, Long.parseLong(ready.substring(6)), "the child resumes from the last committed txn");
                Thread.sleep(50 + random.nextInt(400));
                assertTrue(p.isAlive(), "writer died by itself");
            } finally {
                p.destroyForcibly(); // SIGKILL on Linux
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            }
            long last = verify(dir);
            assertTrue(last >= previous, "last went back from " + previous + " to " + last);
            progress += last - previous;
            log.add("kill " + round + ": last=" + last);
            previous = last;
        }
        System.out.println("LmdbCrashTest: " + KILLS + "/" + KILLS + " kills recovered, " + progress
                + " transactions committed; " + String.join(", ", log));
        assertTrue(progress > KILLS, "the writer made too little progress to test anything: " + progress);
    }

    /** The child extracts lmdbjava's and jffi's native libraries into {@code tmp}: a killed JVM cannot delete them. */
    private static Process startWriter(Path dir, Path tmp) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new AssertionError("no java command"));
        List<String> cmd = List.of(java, "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), dir.toString());
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Opens the store as a restarted node would and checks the last transaction; returns its number. */
    private static long verify(Path dir) throws Exception {
        try (LmdbNodeStore store = LmdbNodeStore.open(dir, 1); ReadTxn r = store.read()) {
            long last = CrashWriter.lastOf(r);
            if (last == 0) {
                assertEquals(0, r.count(Table.STATE_KV), "nothing committed yet, nothing visible");
                return 0;
            }
            byte[] sum = r.get(Table.META, CrashWriter.bytes("sum"));
            assertNotNull(sum);
            assertArrayEquals(CrashWriter.checksum(last), sum, "checksum of txn " + last);
            assertEquals(CrashWriter.KEYS, r.count(Table.STATE_KV), "exactly the keys of txn " + last);
            int i = 0;
            try (Cursor c = r.scan(Table.STATE_KV, new byte[0], new byte[0])) {
                for (Entry e = c.next(); e != null; e = c.next(), i++) {
                    assertArrayEquals(CrashWriter.key(last, i), e.key());
                    assertArrayEquals(CrashWriter.value(last, i), e.value());
                }
            }
            assertEquals(CrashWriter.KEYS, i);
            return last;
        }
    }
}
