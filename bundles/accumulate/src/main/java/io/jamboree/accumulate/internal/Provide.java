package io.jamboree.accumulate.internal;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.Blob;

/**
 * {@code provide} = 26, Ω_Aries (GP 0.7.2 Appendix B.7): offers the preimage i = μ[ω_8..+ω_9] to
 * service ω_7 (the caller for 2^64 − 1); it is integrated after the round (§12.2, I). WHO if the
 * service does not exist; HUH unless it has an empty request for (H(i), |i|) or if already provided.
 */
final class Provide {
    static final int INDEX = 26;

    private Provide() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        long s = r[7] == -1L ? inv.x.id : r[7];
        byte[] i = Ram.read(vm.memory(), r[8], r[9]);
        if (i == null) return Outcome.PANIC;
        if (!Bless.isServiceId(s) || inv.account(s) == null) {
            r[7] = HostCallResult.WHO;
            return Outcome.CONTINUE;
        }
        long[] status = RequestStatus.decode(inv.item(StateKey.request(s, Blake2b256.hash(i), r[9])));
        Provision p = new Provision(s, new Blob(i));
        if (status == null || status.length != 0 || inv.x.provisions.contains(p)) {
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        inv.x.provisions.add(p);
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
