package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/**
 * {@code historical_lookup} = 6, Ω_H (GP 0.7.2 Appendix B.6): Λ(a, t, μ[ω_8..+32]) of the account a = d[s]
 * for ω_7 = 2^64 − 1, else d[ω_7] (∅ if none), at the lookup-anchor slot t; written from ω_10 for at most
 * ω_11 octets at ω_9; panics if the hash is unreadable or the output range unwritable, NONE if ∅.
 */
final class HistoricalLookupCall {
    static final int INDEX = 6;

    private HistoricalLookupCall() {}

    static Outcome call(RefineInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        long s = r[7] == -1L ? inv.service : r[7];
        byte[] h = Ram.read(vm.memory(), r[8], 32);
        if (h == null) return Outcome.PANIC;
        byte[] v = HistoricalLookup.lookup(inv.services, s, inv.anchorSlot, h);
        return HostOutput.write(vm, v, r[9], r[10], r[11]);
    }
}
