package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.Blob;
import io.jamboree.types.DeferredTransfer;
import io.jamboree.types.ServiceInfo;

/**
 * {@code transfer} = 20, Ω_T (GP 0.7.2 Appendix B.7): queues a deferred transfer of ω_8 to service
 * ω_7 with gas limit ω_9 and the W_T-octet memo at ω_10, debiting the caller. Costs 10 + ω_9 gas on
 * success and 10 otherwise. WHO if the destination does not exist, LOW if ω_9 is below its minimum
 * memo gas, CASH if the caller would fall below its threshold.
 */
final class Transfer {
    static final int INDEX = 20;

    private Transfer() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        long dest = r[7], amount = r[8], limit = r[9];
        byte[] memo = Ram.read(vm.memory(), r[10], inv.params.memoSize());
        long result;
        ServiceInfo self = inv.x.self();
        ServiceInfo d = Bless.isServiceId(dest) ? inv.account(dest) : null;
        long b = self.balance() - amount;
        if (memo == null) {
            result = 0;
        } else if (d == null) {
            result = HostCallResult.WHO;
        } else if (Long.compareUnsigned(limit, d.minMemoGas()) < 0) {
            result = HostCallResult.LOW;
        } else if (Long.compareUnsigned(self.balance(), amount) < 0
                || Long.compareUnsigned(b, Footprint.threshold(inv.params, self)) < 0) {
            result = HostCallResult.CASH;
        } else {
            result = HostCallResult.OK;
        }
        boolean ok = memo != null && result == HostCallResult.OK;
        long before = vm.gas();
        long base = AccumulateInvocation.HOST_GAS;
        boolean enough = before >= base && (!ok || Long.compareUnsigned(limit, before - base) <= 0);
        if (!enough) {
            vm.setGas(-1);
            return Outcome.OUT_OF_GAS;
        }
        vm.setGas(before - base - (ok ? limit : 0));
        if (memo == null) return Outcome.PANIC;
        if (ok) {
            inv.x.transfers.add(new DeferredTransfer(inv.x.id, dest, amount, new Blob(memo), limit));
            inv.x.setSelf(AccountInfo.withBalance(self, b));
        }
        r[7] = result;
        return Outcome.CONTINUE;
    }
}
