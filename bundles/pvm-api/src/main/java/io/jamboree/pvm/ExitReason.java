package io.jamboree.pvm;

/**
 * The PVM exit reason ε (GP 0.7.2 Appendix A.1): regular halt ∎, panic ☇, out-of-gas ∞,
 * or a page fault F / host call h, each carrying a value.
 */
public sealed interface ExitReason
        permits ExitReason.Halt, ExitReason.Panic, ExitReason.OutOfGas, ExitReason.PageFault, ExitReason.HostCall {

    /** Regular halt ∎: a dynamic jump to 2^32 − 2^16 (GP A.4, djump). */
    record Halt() implements ExitReason {}

    /** Panic ☇: trap, invalid instruction, invalid jump, or an access to RAM below 2^16 (GP A.4). */
    record Panic() implements ExitReason {}

    /** Out of gas ∞: the instruction at the instruction counter would drive gas below zero (GP A.1). */
    record OutOfGas() implements ExitReason {}

    /**
     * Page fault F: the lowest inaccessible page address (a multiple of 4096) the instruction at the
     * instruction counter needed (GP A.4, ε^μ). Unsigned 32-bit value held in a long.
     */
    record PageFault(long address) implements ExitReason {}

    /**
     * Host call h: an {@code ecalli} with identifier {@code index} (GP A.5.2, opcode 10). The instruction
     * counter still indexes the {@code ecalli}; see {@link PvmInstance#resumeAfterHostCall()}.
     */
    record HostCall(long index) implements ExitReason {}

    /** Shared instance of {@link Halt}. */
    Halt HALT = new Halt();
    /** Shared instance of {@link Panic}. */
    Panic PANIC = new Panic();
    /** Shared instance of {@link OutOfGas}. */
    OutOfGas OUT_OF_GAS = new OutOfGas();
}
