package io.jamboree.accumulate.internal;

import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.ServiceInfo;
import java.util.Arrays;

/**
 * {@code eject} = 21, Ω_J (GP 0.7.2 Appendix B.7): removes service d = ω_7, whose code hash must be
 * E_32(caller), crediting its balance to the caller. Its only items must be the request for
 * (h = μ[ω_8..+32], max(81, d_o) − 81), unavailable since before t − D. WHO if d is the caller, does
 * not exist or is not ejectable by it; HUH if the items or the request do not fit.
 */
final class Eject {
    static final int INDEX = 21;

    private Eject() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] h = Ram.read(vm.memory(), r[8], 32);
        if (h == null) return Outcome.PANIC;
        long id = r[7];
        Implications x = inv.x;
        ServiceInfo d = id != x.id && Bless.isServiceId(id) ? inv.account(id) : null;
        if (d == null || !Arrays.equals(d.codeHash().bytes(), codeHashOf(x.id))) {
            r[7] = HostCallResult.WHO;
            return Outcome.CONTINUE;
        }
        long l = Math.max(Footprint.REQUEST_OVERHEAD, d.bytes()) - Footprint.REQUEST_OVERHEAD;
        long[] status = d.items() == 2 && l <= 0xFFFF_FFFFL
                ? RequestStatus.decode(inv.item(StateKey.request(id, h, l))) : null;
        if (status == null) {
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        if (status.length == 2 && status[1] + inv.params.preimageExpungePeriod() < inv.slot) {
            ServiceInfo self = x.self();
            x.state.accounts.removeAccount(id);
            x.setSelf(AccountInfo.withBalance(self, self.balance() + d.balance()));
            r[7] = HostCallResult.OK;
            return Outcome.CONTINUE;
        }
        r[7] = HostCallResult.HUH;
        return Outcome.CONTINUE;
    }

    /** E_32(s): the service id as a 32-octet little-endian number. */
    static byte[] codeHashOf(long serviceId) {
        byte[] b = new byte[32];
        for (int i = 0; i < 4; i++) b[i] = (byte) (serviceId >>> (8 * i));
        return b;
    }
}
