package io.jamboree.accumulate.internal;

import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/**
 * {@code lookup} = 2, Ω_L (GP 0.7.2 Appendix B.5): the preimage of the hash at ω_8 in the account
 * ω_7 (the service itself for s or 2^64 − 1), written from ω_10 for at most ω_11 octets at ω_9.
 */
final class Lookup {
    static final int INDEX = 2;

    private Lookup() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        long s = r[7] == -1L ? inv.x.id : r[7];
        byte[] h = Ram.read(vm.memory(), r[8], 32);
        if (h == null) return Outcome.PANIC;
        byte[] v = null;
        if (s >= 0 && s <= 0xFFFF_FFFFL && inv.account(s) != null) {
            v = inv.item(StateKey.preimage(s, h));
        }
        return HostOutput.write(vm, v, r[9], r[10], r[11]);
    }
}
