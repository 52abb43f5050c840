package io.jamboree.sample.tracing;

import java.util.concurrent.atomic.LongAdder;

/** Gas used and machines run for one program, keyed by the Blake2b-256 hash of its code (hex). */
public final class GasCounter {
    private final String code;
    private final LongAdder gas = new LongAdder();
    private final LongAdder runs = new LongAdder();

    GasCounter(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public long gas() {
        return gas.sum();
    }

    public long runs() {
        return runs.sum();
    }

    void addGas(long used) {
        gas.add(used);
    }

    void addRun() {
        runs.increment();
    }
}
