package io.jamboree.pvm;

import java.util.Optional;

/**
 * The program-argument invocation Ψ_M (GP 0.7.2 Appendix A.8): standard initialization Y of a program blob with
 * argument data, Ψ_H from a given instruction counter, and the result R: gas used and either the output
 * μ'[ω'_7 … + ω'_8] (empty if that range is not readable), panic or out-of-gas.
 */
public final class ArgumentInvocation {
    private ArgumentInvocation() {
    }

    /**
     * Result of Ψ_M.
     *
     * @param gasUsed u = γ − max(γ', 0), never more than the gas given
     * @param exit    {@link ExitReason.Halt} (output present), {@link ExitReason.Panic} (also for page faults
     *                and an undecodable blob) or {@link ExitReason.OutOfGas}
     * @param output  the returned octets when {@code exit} is Halt, otherwise null
     */
    public record Result(long gasUsed, ExitReason exit, byte[] output) {
    }

    /**
     * Ψ_M(p, ı, γ, a, f, x); the context x lives in {@code handler}.
     *
     * @param engine  the PVM engine preparing the decoded code c
     * @param blob    the standard program blob p
     * @param pc      initial instruction counter ı
     * @param gas     gas limit γ
     * @param args    argument data a (at most Z_I octets)
     * @param handler the host-call context mutator f
     */
    public static Result invoke(PvmEngine engine, byte[] blob, int pc, long gas, byte[] args, HostCallHandler handler) {
        Optional<StandardProgram> y = StandardProgram.decode(blob, args);
        if (y.isEmpty()) return new Result(0, ExitReason.PANIC, null);
        return run(engine.prepare(y.get().code()), y.get(), pc, gas, handler);
    }

    /**
     * Ψ_M with the blob p decoded and its code c prepared beforehand (a program run many times keeps both, so a call
     * copies and decodes nothing of its code).
     *
     * @param program c as {@link PvmEngine#prepare prepared} from {@code p.code()}
     * @param p       the decoded standard program blob
     */
    public static Result invoke(PvmProgram program, StandardProgramBlob p, int pc, long gas, byte[] args,
            HostCallHandler handler) {
        Optional<StandardProgram> y = p.initialize(args);
        if (y.isEmpty()) return new Result(0, ExitReason.PANIC, null);
        return run(program, y.get(), pc, gas, handler);
    }

    private static Result run(PvmProgram program, StandardProgram sp, int pc, long gas, HostCallHandler handler) {
        PvmInstance vm = program.instantiate(sp.registers(), pc, gas, sp.memory());
        ExitReason e = vm.run(handler);
        long used = gas - Math.max(vm.gas(), 0);
        return switch (e) {
            case ExitReason.OutOfGas o -> new Result(used, e, null);
            case ExitReason.Halt h -> {
                long[] r = vm.registers();
                long len = r[8];
                byte[] out = new byte[0];
                if (len >= 0 && len <= Integer.MAX_VALUE - 8) {
                    byte[] buf = new byte[(int) len];
                    if (vm.memory().read(r[7], buf)) out = buf;
                }
                yield new Result(used, e, out);
            }
            default -> new Result(used, ExitReason.PANIC, null);
        };
    }
}
