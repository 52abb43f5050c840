package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.Hash;

/**
 * {@code upgrade} = 19, Ω_U (GP 0.7.2 Appendix B.7): sets the service's code hash to μ[ω_7..+32] and
 * its minimum gas limits to ω_8 (items) and ω_9 (memos).
 */
final class Upgrade {
    static final int INDEX = 19;

    private Upgrade() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] c = Ram.read(vm.memory(), r[7], 32);
        if (c == null) return Outcome.PANIC;
        inv.x.setSelf(AccountInfo.withCode(inv.x.self(), new Hash(c), r[8], r[9]));
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
