package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/**
 * {@code expunge} = 13, Ω_X (GP 0.7.2 Appendix B.6): removes inner machine n = ω_7 and returns its
 * instruction counter; WHO if n is no machine.
 */
final class Expunge {
    static final int INDEX = 13;

    private Expunge() {}

    static Outcome call(RefineInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        PvmGuest m = inv.machines.remove(r[7]);
        r[7] = m == null ? HostCallResult.WHO : m.pc;
        return Outcome.CONTINUE;
    }
}
