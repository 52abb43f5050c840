package io.jamboree.accumulate.internal;

import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.ServiceInfo;

/**
 * {@code solicit} = 23, Ω_S (GP 0.7.2 Appendix B.7): requests the preimage (μ[ω_7..+32], ω_8): a new
 * request starts empty, one unavailable since [x, y] becomes [x, y, t]. HUH otherwise, FULL if the
 * new footprint's threshold exceeds the balance.
 */
final class Solicit {
    static final int INDEX = 23;

    private Solicit() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] h = Ram.read(vm.memory(), r[7], 32);
        if (h == null) return Outcome.PANIC;
        long z = r[8];
        if (z < 0 || z > 0xFFFF_FFFFL) {
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        Implications x = inv.x;
        StateKey key = StateKey.request(x.id, h, z);
        byte[] old = inv.item(key);
        ServiceInfo self = x.self();
        ServiceInfo a;
        byte[] status;
        if (old == null) {
            a = AccountInfo.withFootprint(self, 2, Footprint.REQUEST_OVERHEAD + z);
            status = RequestStatus.encode();
        } else {
            long[] l = RequestStatus.decode(old);
            if (l == null || l.length != 2) {
                r[7] = HostCallResult.HUH;
                return Outcome.CONTINUE;
            }
            a = self;
            status = RequestStatus.encode(l[0], l[1], inv.slot);
        }
        if (Footprint.belowThreshold(inv.params, a)) {
            r[7] = HostCallResult.FULL;
            return Outcome.CONTINUE;
        }
        x.state.accounts.putItem(key, status);
        x.setSelf(a);
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
