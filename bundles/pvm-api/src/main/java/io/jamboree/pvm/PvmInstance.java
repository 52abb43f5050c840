package io.jamboree.pvm;

/**
 * A running PVM machine: program, instruction counter ı, gas ξ, registers ω (13 × 64 bit) and RAM μ
 * (GP 0.7.2 Appendix A.1). Mutable and single-threaded; {@link #run()} is Ψ, {@link #run(HostCallHandler)} is Ψ_H.
 *
 * <p>Exit state. After {@link ExitReason.PageFault}, {@link ExitReason.OutOfGas} and {@link ExitReason.HostCall}
 * the instruction counter indexes the instruction which caused the exit and registers/RAM are those prior to
 * it; gas is as Ψ reports it (charged for out-of-gas and host calls, so it may be negative after out-of-gas,
 * uncharged for a faulting RAM access). After {@link ExitReason.Halt} and {@link ExitReason.Panic},
 * registers/RAM/gas are posterior and {@link #pc()} still indexes the instruction which caused the exit
 * (GP Ψ reports ı = 0 in that case; use {@link #gpPc(ExitReason)} for that value).
 */
@org.osgi.annotation.versioning.ProviderType
public interface PvmInstance {

    /** @return the program this instance executes */
    PvmProgram program();

    /** @return the live register file ω (length 13); writes take effect on the next run */
    long[] registers();

    /** @return the instruction counter ı (an octet index into the code) */
    int pc();

    /** Sets the instruction counter ı. */
    void setPc(int pc);

    /** @return the gas counter ξ (signed) */
    long gas();

    /** Sets the gas counter ξ. */
    void setGas(long gas);

    /** @return the RAM μ */
    Memory memory();

    /** Ψ: runs until an exit reason occurs (GP A.1). */
    ExitReason run();

    /**
     * After a {@link ExitReason.HostCall} exit: advances the instruction counter past the {@code ecalli},
     * ı'' = ı + 1 + skip(ı) (GP A.6), so the next {@link #run()} continues after the host call.
     */
    void resumeAfterHostCall();

    /**
     * Ψ_H (GP A.6): runs, handing every host call to {@code handler} and resuming after it, until
     * halt, panic, out-of-gas or page fault (or the handler stops the machine).
     */
    default ExitReason run(HostCallHandler handler) {
        while (true) {
            ExitReason e = run();
            if (!(e instanceof ExitReason.HostCall(long index))) return e;
            switch (handler.onHostCall(index, this)) {
                case CONTINUE -> resumeAfterHostCall();
                case HALT -> { return ExitReason.HALT; }
                case PANIC -> { return ExitReason.PANIC; }
                case OUT_OF_GAS -> { return ExitReason.OUT_OF_GAS; }
            }
        }
    }

    /** @return the instruction counter as GP Ψ returns it: 0 after halt or panic, {@link #pc()} otherwise */
    default int gpPc(ExitReason exit) {
        return exit instanceof ExitReason.Halt || exit instanceof ExitReason.Panic ? 0 : pc();
    }
}
