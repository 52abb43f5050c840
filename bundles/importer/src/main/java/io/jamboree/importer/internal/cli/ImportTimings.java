package io.jamboree.importer.internal.cli;

import java.util.Arrays;
import java.util.Locale;

/** Wall-clock time of each {@code BlockImporter.importBlock} call, summarised as mean and percentiles. */
final class ImportTimings {
    private long[] nanos = new long[128];
    private int count;

    void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    int count() {
        return count;
    }

    /** The {@code q}-quantile (0 < q ≤ 1) by the nearest-rank method, in nanoseconds; 0 if empty. */
    long quantile(double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)];
    }

    double meanNanos() {
        if (count == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return sum / count;
    }

    /** One line: {@code import time per block (N blocks): mean …, p50 …, p90 …, p99 …, max … ms}. */
    String summary() {
        if (count == 0) {
            return "import time per block: no blocks imported";
        }
        return String.format(Locale.ROOT, "import time per block (%d blocks): mean %.2f ms, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                count, ms(meanNanos()), ms(quantile(0.5)), ms(quantile(0.9)), ms(quantile(0.99)), ms(quantile(1.0)));
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }
}
