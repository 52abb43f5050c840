package io.jamboree.accumulate.internal;

import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/**
 * {@code read} = 3, Ω_R (GP 0.7.2 Appendix B.5): the storage value under the key μ[ω_8..+ω_9] of
 * account ω_7 (the service itself for 2^64 − 1), written from ω_11 for at most ω_12 octets at ω_10.
 */
final class Read {
    static final int INDEX = 3;

    private Read() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        long s = r[7] == -1L ? inv.x.id : r[7];
        byte[] k = Ram.read(vm.memory(), r[8], r[9]);
        if (k == null) return Outcome.PANIC;
        byte[] v = null;
        if (s >= 0 && s <= 0xFFFF_FFFFL && inv.account(s) != null) {
            v = inv.item(StateKey.storage(s, k));
        }
        return HostOutput.write(vm, v, r[10], r[11], r[12]);
    }
}
