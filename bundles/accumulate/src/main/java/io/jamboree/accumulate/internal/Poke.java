package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/**
 * {@code poke} = 10, Ω_O (GP 0.7.2 Appendix B.6): copies z = ω_10 octets from s = ω_8 of the outer RAM to
 * address o = ω_9 of inner machine n = ω_7; panics if N_{s..+z} is not readable, WHO if n is no machine,
 * OOB if N_{o..+z} is not writable in its RAM, else OK.
 */
final class Poke {
    static final int INDEX = 10;

    private Poke() {}

    static Outcome call(RefineInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        long n = r[7], s = r[8], o = r[9], z = r[10];
        byte[] data = Ram.read(vm.memory(), s, z);
        if (data == null) return Outcome.PANIC;
        PvmGuest m = inv.machines.get(n);
        if (m == null) {
            r[7] = HostCallResult.WHO;
            return Outcome.CONTINUE;
        }
        if (!Ram.writable(m.ram, o, z)) {
            r[7] = HostCallResult.OOB;
            return Outcome.CONTINUE;
        }
        Ram.write(m.ram, o, data, 0, data.length);
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
