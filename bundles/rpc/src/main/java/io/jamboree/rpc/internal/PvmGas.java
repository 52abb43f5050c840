package io.jamboree.rpc.internal;

import io.jamboree.types.Hash;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PVM gas of the best chain, for the metrics: once a second the best head is checked; for each new head the gas its
 * posterior statistics π_S record (GP §13.2: refinement gas of the reports it brought in, gas of its accumulations) is
 * counted, and the sum over the last minute gives gas per second.
 */
final class PvmGas implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PvmGas.class);
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Called with the gas of each new best head. */
    @FunctionalInterface
    interface BlockGas {
        void gas(long refine, long accumulate);
    }

    private final ChainQueries chain;
    private final ScheduledExecutorService timer;
    /** (nanoTime, gas) of the heads seen within the window. */
    private final ArrayDeque<long[]> recent = new ArrayDeque<>();
    private final long started = System.nanoTime();
    private volatile BlockGas listener = (r, a) -> {};
    private Hash last;

    PvmGas(ChainQueries chain) {
        this.chain = chain;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jam-metrics-gas");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    void onBlock(BlockGas l) {
        listener = l;
    }

    void check() {
        try {
            Hash head = chain.best().map(ChainQueries.BlockRef::hash).orElse(null);
            if (head == null || Objects.equals(head, last)) {
                return;
            }
            boolean first = last == null;
            last = head;
            if (first) {
                return; // the state the node started from: not gas of this run
            }
            long[] g = chain.gasUsed(head).orElse(null);
            if (g == null) {
                return;
            }
            listener.gas(g[0], g[1]);
            synchronized (recent) {
                recent.addLast(new long[] {System.nanoTime(), g[0] + g[1]});
            }
        } catch (RuntimeException e) {
            LOG.debug("metrics: reading the gas of the best head failed: {}", e.toString());
        }
    }

    /** Gas per second over the last minute (or since start, when shorter). */
    double perSecond() {
        long now = System.nanoTime();
        long sum = 0;
        synchronized (recent) {
            while (!recent.isEmpty() && now - recent.peekFirst()[0] > WINDOW_NANOS) {
                recent.removeFirst();
            }
            for (long[] r : recent) {
                sum += r[1];
            }
        }
        long span = Math.min(WINDOW_NANOS, now - started);
        return span <= 0 ? 0 : sum * 1e9 / span;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
