package io.jamboree.accumulate.internal;

import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.Hash;
import io.jamboree.types.ServiceInfo;

/**
 * {@code new} = 18, Ω_N (GP 0.7.2 Appendix B.7): creates a service with code hash μ[ω_7..+32], one
 * request for (code hash, ω_8), minimum gas ω_9 / ω_10, gratis offset ω_11, funded from the caller
 * with its threshold balance. The registrar may pick a protected id ω_12 below S; otherwise the id is
 * the next free id, which then advances. HUH if a gratis offset is set by a non-manager, CASH if the
 * caller would fall below its threshold, FULL if the registrar's protected id is taken.
 */
final class NewService {
    static final int INDEX = 18;

    private NewService() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] c = Ram.read(vm.memory(), r[7], 32);
        long l = r[8];
        if (c == null || l < 0 || l > 0xFFFF_FFFFL) return Outcome.PANIC;
        long g = r[9], m = r[10], f = r[11], i = r[12];
        Implications x = inv.x;
        PartialState st = x.state;
        long minPublic = inv.params.minPublicServiceIndex();
        ServiceInfo self = x.self();
        long items = 2, octets = Footprint.REQUEST_OVERHEAD + l;
        long threshold = Footprint.threshold(inv.params, items, octets, f);
        if (f != 0 && x.id != st.manager) {
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        long selfThreshold = Footprint.threshold(inv.params, self);
        if (Long.compareUnsigned(self.balance(), threshold) < 0
                || Long.compareUnsigned(self.balance() - threshold, selfThreshold) < 0) {
            r[7] = HostCallResult.CASH;
            return Outcome.CONTINUE;
        }
        boolean protectedId = x.id == st.registrar && Long.compareUnsigned(i, minPublic) < 0;
        if (protectedId && st.accounts.exists(i)) {
            r[7] = HostCallResult.FULL;
            return Outcome.CONTINUE;
        }
        long id = protectedId ? i : x.nextFreeId;
        ServiceInfo a = new ServiceInfo(0, new Hash(c), threshold, g, m, octets, f, items, inv.slot, 0, x.id);
        st.accounts.putInfo(id, a);
        st.accounts.putItem(StateKey.request(id, c, l), RequestStatus.encode());
        x.setSelf(AccountInfo.withBalance(self, self.balance() - threshold));
        if (!protectedId) {
            long mod = (1L << 32) - minPublic - 256;
            x.nextFreeId = AccumulateInvocation.check(inv.params, st.accounts,
                    minPublic + (x.nextFreeId - minPublic + 42) % mod);
        }
        r[7] = id;
        return Outcome.CONTINUE;
    }
}
