package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/**
 * The common tail of fetch, lookup, read and info (GP 0.7.2 Appendix B.5): with f = min(f_in, |v|)
 * and l = min(l_in, |v| − f), panic if N_{o..+l} is not writable, NONE if v = ∅, otherwise write
 * v[f..+l] at o and set ω'_7 = |v|.
 */
final class HostOutput {
    private HostOutput() {}

    static Outcome write(PvmInstance vm, byte[] v, long o, long fIn, long lIn) {
        int len = v == null ? 0 : v.length;
        long f = Long.compareUnsigned(fIn, len) < 0 ? fIn : len;
        long l = Long.compareUnsigned(lIn, len - f) < 0 ? lIn : len - f;
        if (!Ram.writable(vm.memory(), o, l)) return Outcome.PANIC;
        if (v == null) {
            vm.registers()[7] = HostCallResult.NONE;
            return Outcome.CONTINUE;
        }
        Ram.write(vm.memory(), o, v, (int) f, (int) l);
        vm.registers()[7] = v.length;
        return Outcome.CONTINUE;
    }
}
