package io.jamboree.pvm.select.internal;

import io.jamboree.pvm.PvmGasMeter;
import io.jamboree.pvm.PvmProgram;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link PvmGasMeter} of the active engine (GP Appendix A): programs it prepares are {@link #wrap wrapped} so that
 * each {@code run()} of their instances adds the gas it consumed and the nanoseconds it took. Three adders and two
 * {@code nanoTime} reads per run; nothing is allocated per run.
 */
final class GasMeter implements PvmGasMeter {
    private final LongAdder gas = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder runs = new LongAdder();

    PvmProgram wrap(PvmProgram p) {
        return new MeteredProgram(p, this);
    }

    void add(long gasUsed, long tookNanos) {
        gas.add(gasUsed);
        nanos.add(tookNanos);
        runs.increment();
    }

    @Override
    public long gas() {
        return gas.sum();
    }

    @Override
    public long nanos() {
        return nanos.sum();
    }

    @Override
    public long runs() {
        return runs.sum();
    }
}
