package io.jamboree.fuzz.internal.replay;

import java.util.Arrays;

/**
 * Round-trip times of the ImportBlock requests of one trace folder, as the conformance fuzzer reports them:
 * count, mean, median (p50) and maximum, in milliseconds. Kept as a primitive array.
 */
final class StepTimes {
    private long[] nanos = new long[128];
    private int n;

    void add(long durationNanos) {
        if (n == nanos.length) {
            nanos = Arrays.copyOf(nanos, n * 2);
        }
        nanos[n++] = durationNanos;
    }

    int count() {
        return n;
    }

    double meanMillis() {
        if (n == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += nanos[i];
        }
        return sum / 1e6 / n;
    }

    /** The median: the middle value, or the mean of the two middle values for an even count. */
    double p50Millis() {
        if (n == 0) {
            return 0;
        }
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        return (n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0) / 1e6;
    }

    /** The {@code i}-th time (0-based, in order of the steps), nanoseconds. */
    long nanos(int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(i);
        }
        return nanos[i];
    }

    /** Adds every time of {@code other}. */
    void addAll(StepTimes other) {
        for (int i = 0; i < other.n; i++) {
            add(other.nanos[i]);
        }
    }

    /** The {@code q}-quantile by nearest rank ({@code q} in (0, 1]; 0.99: p99), milliseconds; 0 for no times. */
    double quantileMillis(double q) {
        if (n == 0) {
            return 0;
        }
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * n);
        return s[Math.min(n, Math.max(1, rank)) - 1] / 1e6;
    }

    double maxMillis() {
        long max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, nanos[i]);
        }
        return max / 1e6;
    }

    /** {@code mean 6.31 ms, p50 5.90 ms, max 40.12 ms (100 imports)}, or {@code no imports}. */
    String describe() {
        if (n == 0) {
            return "no imports";
        }
        return String.format("mean %.2f ms, p50 %.2f ms, max %.2f ms (%d imports)", meanMillis(), p50Millis(), maxMillis(), n);
    }
}
