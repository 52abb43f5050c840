package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/** {@code gas} = 0, Ω_G (GP 0.7.2 Appendix B.5): ω'_7 = ϱ', the gas remaining after this call. */
final class Gas {
    static final int INDEX = 0;

    private Gas() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        return call(vm);
    }

    /** Ω_G in any context (Is-Authorized, Refine, Accumulate): the context is not used. */
    static Outcome call(PvmInstance vm) {
        vm.registers()[7] = vm.gas();
        return Outcome.CONTINUE;
    }
}
