package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/** {@code checkpoint} = 17, Ω_C (GP 0.7.2 Appendix B.7): y' = x and ω'_7 = ϱ'. */
final class Checkpoint {
    static final int INDEX = 17;

    private Checkpoint() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        inv.y = inv.x.copy();
        vm.registers()[7] = vm.gas();
        return Outcome.CONTINUE;
    }
}
