package io.jamboree.accumulate.internal;

import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.ServiceInfo;

/**
 * {@code forget} = 24, Ω_F (GP 0.7.2 Appendix B.7): withdraws the request (h = μ[ω_7..+32], z = ω_8):
 * [] or [x, y] with y < t − D drops the request and the preimage; [x] becomes [x, t]; [x, y, w] with
 * y < t − D becomes [w, t]. HUH otherwise.
 */
final class Forget {
    static final int INDEX = 24;

    private Forget() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] h = Ram.read(vm.memory(), r[7], 32);
        if (h == null) return Outcome.PANIC;
        long z = r[8];
        Implications x = inv.x;
        StateKey key = z >= 0 && z <= 0xFFFF_FFFFL ? StateKey.request(x.id, h, z) : null;
        long[] l = key == null ? null : RequestStatus.decode(inv.item(key));
        long t = inv.slot;
        long d = inv.params.preimageExpungePeriod();
        if (l == null) {
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        if (l.length == 0 || (l.length == 2 && l[1] + d < t)) {
            ServiceInfo self = x.self();
            x.state.accounts.removeItem(key);
            StateKey pk = StateKey.preimage(x.id, h);
            if (inv.item(pk) != null) x.state.accounts.removeItem(pk);
            x.setSelf(AccountInfo.withFootprint(self, -2, -(Footprint.REQUEST_OVERHEAD + z)));
        } else if (l.length == 1) {
            x.state.accounts.putItem(key, RequestStatus.encode(l[0], t));
        } else if (l.length == 3 && l[1] + d < t) {
            x.state.accounts.putItem(key, RequestStatus.encode(l[2], t));
        } else {
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
