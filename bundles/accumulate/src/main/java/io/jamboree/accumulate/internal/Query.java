package io.jamboree.accumulate.internal;

import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/**
 * {@code query} = 22, Ω_Q (GP 0.7.2 Appendix B.7): the status of the caller's request for
 * (μ[ω_7..+32], ω_8): NONE if absent, else the slot count n in ω_7 with the first slot in its high
 * half, and the remaining slots packed into ω_8.
 */
final class Query {
    static final int INDEX = 22;

    private Query() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] h = Ram.read(vm.memory(), r[7], 32);
        if (h == null) return Outcome.PANIC;
        long z = r[8];
        long[] a = z >= 0 && z <= 0xFFFF_FFFFL
                ? RequestStatus.decode(inv.item(StateKey.request(inv.x.id, h, z))) : null;
        if (a == null) {
            r[7] = HostCallResult.NONE;
            r[8] = 0;
        } else {
            switch (a.length) {
                case 0 -> { r[7] = 0; r[8] = 0; }
                case 1 -> { r[7] = 1 + (a[0] << 32); r[8] = 0; }
                case 2 -> { r[7] = 2 + (a[0] << 32); r[8] = a[1]; }
                default -> { r[7] = 3 + (a[0] << 32); r[8] = a[1] + (a[2] << 32); }
            }
        }
        return Outcome.CONTINUE;
    }
}
