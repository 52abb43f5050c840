package io.jamboree.accumulate.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.ValidatorKey;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code designate} = 16, Ω_D (GP 0.7.2 Appendix B.7): sets the staging set ι to the V validator keys
 * of 336 octets at ω_7. HUH unless the caller is the delegator.
 */
final class Designate {
    static final int INDEX = 16;

    private Designate() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        int v = inv.params.validatorsCount();
        byte[] data = Ram.read(vm.memory(), r[7], (long) ValidatorKey.SIZE * v);
        if (data == null) return Outcome.PANIC;
        PartialState s = inv.x.state;
        if (inv.x.id != s.delegator) {
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        Decoder d = new Decoder(data);
        List<ValidatorKey> keys = new ArrayList<>(v);
        for (int i = 0; i < v; i++) keys.add(ValidatorKey.decode(d, inv.params));
        s.stagingSet = List.copyOf(keys);
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
