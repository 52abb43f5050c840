package io.jamboree.pvm;

/**
 * The host-call context mutator f of Ψ_H (GP 0.7.2 Appendix A.6), used by {@link PvmInstance#run(HostCallHandler)}.
 * Invoked for every {@code ecalli}; it reads and mutates the instance's gas, registers and memory directly
 * (the instance is paused at the {@code ecalli}, its gas already charged for it) and keeps its own context X
 * (e.g. accumulate/refine state) in the handler object.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface HostCallHandler {

    /** Outcome of a host call: the ε of f's result, {▶, ∎, ☇, ∞}. */
    enum Outcome {
        /** ▶: resume at the instruction after the {@code ecalli}. */
        CONTINUE,
        /** ∎: stop with {@link ExitReason.Halt}. */
        HALT,
        /** ☇: stop with {@link ExitReason.Panic}. */
        PANIC,
        /** ∞: stop with {@link ExitReason.OutOfGas}. */
        OUT_OF_GAS
    }

    /**
     * @param index    the host-call identifier (ν_X of the {@code ecalli})
     * @param instance the paused machine; mutate its gas, registers and memory as the host call defines
     * @return how to proceed
     */
    Outcome onHostCall(long index, PvmInstance instance);
}
