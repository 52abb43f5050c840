package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code assign} = 15, Ω_A (GP 0.7.2 Appendix B.7): replaces the authorizer queue of core c = ω_7 by
 * the Q hashes at ω_8 and its assigner by ω_9. CORE if c ≥ C, HUH unless the caller is that core's
 * assigner, WHO if ω_9 is not a service id.
 */
final class Assign {
    static final int INDEX = 15;

    private Assign() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        int q = inv.params.authQueueSize();
        byte[] data = Ram.read(vm.memory(), r[8], 32L * q);
        if (data == null) return Outcome.PANIC;
        PartialState s = inv.x.state;
        long c = r[7];
        if (c < 0 || c >= inv.params.coresCount()) {
            r[7] = HostCallResult.CORE;
            return Outcome.CONTINUE;
        }
        if (inv.x.id != s.assigners[(int) c]) {
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        if (!Bless.isServiceId(r[9])) {
            r[7] = HostCallResult.WHO;
            return Outcome.CONTINUE;
        }
        List<Hash> queue = new ArrayList<>(q);
        for (int i = 0; i < q; i++) queue.add(new Hash(Arrays.copyOfRange(data, 32 * i, 32 * i + 32)));
        List<List<Hash>> queues = new ArrayList<>(s.authQueues);
        queues.set((int) c, List.copyOf(queue));
        s.authQueues = List.copyOf(queues);
        long[] assigners = s.assigners.clone();
        assigners[(int) c] = r[9];
        s.assigners = assigners;
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
