package io.jamboree.accumulate.internal;

import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.ServiceInfo;

/**
 * {@code write} = 4, Ω_W (GP 0.7.2 Appendix B.5): sets the storage item k = μ[ω_7..+ω_8] to
 * μ[ω_9..+ω_10], or removes it when ω_10 = 0. Returns the previous value's length (NONE if absent),
 * or FULL, leaving the account unchanged, if the new footprint's threshold exceeds the balance.
 * The footprint a_i, a_o (§9.3) is updated here, where the raw key is known.
 */
final class Write {
    static final int INDEX = 4;

    private Write() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] k = Ram.read(vm.memory(), r[7], r[8]);
        if (k == null) return Outcome.PANIC;
        byte[] v = null;
        if (r[10] != 0) {
            v = Ram.read(vm.memory(), r[9], r[10]);
            if (v == null) return Outcome.PANIC;
        }
        ServiceInfo self = inv.x.self();
        StateKey key = StateKey.storage(inv.x.id, k);
        byte[] old = inv.item(key);
        long dItems = 0, dOctets = 0;
        if (old != null) {
            dItems -= 1;
            dOctets -= Footprint.STORAGE_OVERHEAD + k.length + old.length;
        }
        if (v != null) {
            dItems += 1;
            dOctets += Footprint.STORAGE_OVERHEAD + k.length + v.length;
        }
        ServiceInfo a = AccountInfo.withFootprint(self, dItems, dOctets);
        if (Footprint.belowThreshold(inv.params, a)) {
            r[7] = HostCallResult.FULL;
            return Outcome.CONTINUE;
        }
        if (v == null) {
            if (old != null) inv.x.state.accounts.removeItem(key);
        } else {
            inv.x.state.accounts.putItem(key, v);
        }
        inv.x.setSelf(a);
        r[7] = old == null ? HostCallResult.NONE : old.length;
        return Outcome.CONTINUE;
    }
}
