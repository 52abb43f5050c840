package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/**
 * {@code peek} = 9, Ω_P (GP 0.7.2 Appendix B.6): copies z = ω_10 octets from address s = ω_9 of inner machine
 * n = ω_7 to o = ω_8 of the outer RAM; panics if N_{o..+z} is not writable, WHO if n is no machine, OOB if
 * N_{s..+z} is not readable in its RAM, else OK.
 */
final class Peek {
    static final int INDEX = 9;

    private Peek() {}

    static Outcome call(RefineInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        long n = r[7], o = r[8], s = r[9], z = r[10];
        if (!Ram.writable(vm.memory(), o, z)) return Outcome.PANIC;
        PvmGuest m = inv.machines.get(n);
        if (m == null) {
            r[7] = HostCallResult.WHO;
            return Outcome.CONTINUE;
        }
        byte[] data = Ram.read(m.ram, s, z);
        if (data == null) {
            r[7] = HostCallResult.OOB;
            return Outcome.CONTINUE;
        }
        Ram.write(vm.memory(), o, data, 0, data.length);
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
