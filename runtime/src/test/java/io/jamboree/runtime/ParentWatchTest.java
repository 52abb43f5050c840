package io.jamboree.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The watch a {@code jam testnet} node keeps on its parent: it fires when the watched process is killed with SIGKILL
 * (a real process, {@code sleep}), not while it runs; a process id whose start time differs (reused) counts as gone.
 */
class ParentWatchTest {

    private static String spec(ProcessHandle p) {
        return p.pid() + ":" + p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    @Test
    void firesWhenTheParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder("sleep", "120").start();
        try {
            CountDownLatch gone = new CountDownLatch(1);
            Thread t = ParentWatch.watch(spec(parent.toHandle()), 50, gone::countDown);
            assertFalse(gone.await(500, TimeUnit.MILLISECONDS), "the parent runs: no exit");
            assertTrue(t.isDaemon(), "the watch never keeps the JVM alive");
            parent.destroyForcibly(); // SIGKILL: no hook of the parent runs
            assertTrue(gone.await(20, TimeUnit.SECONDS), "the watch saw the parent go");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aReusedPidOrAMissingProcessIsGone() throws Exception {
        ProcessHandle me = ProcessHandle.current();
        long start = me.info().startInstant().orElseThrow().toEpochMilli();
        assertTrue(ParentWatch.alive(me.pid(), start));
        assertTrue(ParentWatch.alive(me.pid(), 0), "no start time given: the pid alone");
        assertFalse(ParentWatch.alive(me.pid(), start - 60_000), "same pid, another start: another process");
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertFalse(ParentWatch.alive(p.pid(), 0), "an exited process");
        CountDownLatch gone = new CountDownLatch(1);
        ParentWatch.watch(me.pid() + ":" + (start - 60_000), 50, gone::countDown);
        assertTrue(gone.await(10, TimeUnit.SECONDS), "fires at once for a process that is not the parent");
    }

    @Test
    void childrenAreMarkedWithThisProcess() {
        Map<String, String> env = new HashMap<>();
        ParentWatch.mark(env);
        assertEquals(spec(ProcessHandle.current()), env.get(ParentWatch.ENV));
        assertThrows(IllegalArgumentException.class, () -> ParentWatch.watch("12x:3", 50, () -> {}));
    }
}
