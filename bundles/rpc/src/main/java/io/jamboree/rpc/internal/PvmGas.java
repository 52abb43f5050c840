package io.jamboree.rpc.internal;

import io.jamboree.types.Hash;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PVM gas of the best chain, for the metrics: once a second the best head is checked; for each new head the gas its
 * posterior statistics π_S record (GP §13.2: refinement gas of the reports it brought in, gas of its accumulations) is
 * counted. (The PVM's speed is measured in the PVM itself: {@code io.jamboree.pvm.PvmGasMeter}.)
 */
final class PvmGas implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PvmGas.class);

    /** Called with the gas of each new best head. */
    @FunctionalInterface
    interface BlockGas {
        void gas(long refine, long accumulate);
    }

    private final ChainQueries chain;
    private final ScheduledExecutorService timer;
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
        } catch (RuntimeException e) {
            LOG.debug("metrics: reading the gas of the best head failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
