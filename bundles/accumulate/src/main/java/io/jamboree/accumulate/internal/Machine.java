package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

/**
 * {@code machine} = 8, Ω_M (GP 0.7.2 Appendix B.6): creates an inner PVM with code μ[ω_7..+ω_8], RAM
 * entirely inaccessible and zero, and instruction counter ω_9, under the least free index n, returned in
 * ω_7; panics if the code range is unreadable, HUH if deblob fails.
 */
final class Machine {
    static final int INDEX = 8;

    private Machine() {}

    static Outcome call(RefineInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] code = Ram.read(vm.memory(), r[7], r[8]);
        if (code == null) return Outcome.PANIC;
        PvmProgram program = inv.engine.prepare(code);
        if (!program.valid()) {
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        long n = 0;
        while (inv.machines.containsKey(n)) n++;
        inv.machines.put(n, new PvmGuest(program, new Memory(), r[9]));
        r[7] = n;
        return Outcome.CONTINUE;
    }
}
