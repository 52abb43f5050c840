package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.Hash;

/** {@code yield} = 25, Ω_Taurus (GP 0.7.2 Appendix B.7): sets the accumulation output x_y = μ[ω_7..+32]. */
final class Yield {
    static final int INDEX = 25;

    private Yield() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] h = Ram.read(vm.memory(), r[7], 32);
        if (h == null) return Outcome.PANIC;
        inv.x.yield = new Hash(h);
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
