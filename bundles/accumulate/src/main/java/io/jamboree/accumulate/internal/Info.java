package io.jamboree.accumulate.internal;

import io.jamboree.codec.Encoder;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.ServiceInfo;

/**
 * {@code info} = 5, Ω_I (GP 0.7.2 Appendix B.5): the account ω_7 (itself for 2^64 − 1) as
 * E(c, E_8(b, t, g, m, o), E_4(i), E_8(f), E_4(r, a, p)), written from ω_9 for at most ω_10 octets at ω_8.
 */
final class Info {
    static final int INDEX = 5;

    private Info() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        long s = r[7] == -1L ? inv.x.id : r[7];
        ServiceInfo a = s >= 0 && s <= 0xFFFF_FFFFL ? inv.account(s) : null;
        return HostOutput.write(vm, a == null ? null : encode(inv, a), r[8], r[9], r[10]);
    }

    static byte[] encode(AccumulateInvocation inv, ServiceInfo a) {
        Encoder e = new Encoder(96);
        a.codeHash().encode(e);
        e.u64(a.balance()).u64(Footprint.threshold(inv.params, a)).u64(a.minItemGas()).u64(a.minMemoGas())
                .u64(a.bytes());
        e.u32(a.items());
        e.u64(a.depositOffset());
        e.u32(a.creationSlot()).u32(a.lastAccumulationSlot()).u32(a.parentService());
        return e.toByteArray();
    }
}
