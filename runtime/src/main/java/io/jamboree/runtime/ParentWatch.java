package io.jamboree.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Ends a {@code jam} process whose parent is gone: {@code jam testnet} starts its nodes with the environment variable
 * {@value #ENV} = {@code PID:START} (its process id and start time in epoch milliseconds), and each node checks twice a
 * second that this process still runs; when it does not (a SIGKILL of the testnet, which runs no shutdown hook), the
 * node exits as on SIGTERM (its shutdown hooks finish the slot and close the store). The start time tells a reused
 * process id from the parent.
 */
final class ParentWatch {
    /** The environment variable naming the process to outlive: {@code PID:START_EPOCH_MILLIS}. */
    static final String ENV = "JAMBOREE_PARENT";
    static final long PERIOD_MILLIS = 500;

    private ParentWatch() {}

    /** The value of {@value #ENV} that names this process. */
    static String self() {
        ProcessHandle me = ProcessHandle.current();
        return me.pid() + ":" + me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Sets {@value #ENV} in {@code env} (a child's environment) to this process. */
    static void mark(Map<String, String> env) {
        env.put(ENV, self());
    }

    /**
     * Starts watching the process {@code spec} names ({@code PID:START}) on a daemon thread; {@code gone} runs once when
     * it no longer runs (at once if it is not running now).
     *
     * @throws IllegalArgumentException for a malformed {@code spec}
     */
    static Thread watch(String spec, long periodMillis, Runnable gone) {
        int colon = spec.indexOf(':');
        long pid;
        long start;
        try {
            pid = Long.parseLong(colon < 0 ? spec.strip() : spec.substring(0, colon).strip());
            start = colon < 0 ? 0 : Long.parseLong(spec.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + "='" + spec + "' is not PID:START_EPOCH_MILLIS");
        }
        Thread t = new Thread(() -> {
            try {
                while (alive(pid, start)) {
                    Thread.sleep(periodMillis);
                }
                gone.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "jam-parent-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Whether process {@code pid} runs and, when {@code start} is not 0, started at {@code start} (epoch ms). */
    static boolean alive(long pid, long start) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        if (start == 0) {
            return true;
        }
        Optional<Instant> s = p.get().info().startInstant();
        return s.isEmpty() || s.get().toEpochMilli() == start;
    }

    /** In {@code jam}'s main: when {@value #ENV} is set, exit (as on SIGTERM) once that process is gone. */
    static void fromEnvironment() {
        String spec = System.getenv(ENV);
        if (spec == null || spec.isBlank()) {
            return;
        }
        try {
            watch(spec, PERIOD_MILLIS, () -> {
                System.err.println("jam: the parent process (" + spec + ") is gone: stopping");
                System.exit(0);
            });
        } catch (IllegalArgumentException e) {
            System.err.println("jam: ignoring " + e.getMessage());
        }
    }
}
