package io.jamboree.sync.internal;

import java.util.Arrays;

/** Announcement-to-imported latencies in milliseconds (the last 4096), with percentiles. Thread-safe. */
final class LatencyStats {
    private final long[] ring = new long[4096];
    private int count;

    synchronized void add(long ms) {
        ring[count % ring.length] = ms;
        count++;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code p}-th percentile (0..100) of the kept samples; -1 when none. */
    synchronized long percentile(double p) {
        int n = Math.min(count, ring.length);
        if (n == 0) {
            return -1;
        }
        long[] s = Arrays.copyOf(ring, n);
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * n) - 1;
        return s[Math.max(0, Math.min(n - 1, i))];
    }

    String summary() {
        return "announcement-to-imported latency over " + count() + " blocks: p50 " + percentile(50) + " ms, p99 "
                + percentile(99) + " ms";
    }
}
