package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/**
 * {@code export} = 7, Ω_E (GP 0.7.2 Appendix B.6): appends the segment P_{W_G}(μ[ω_7..+z]) with
 * z = min(ω_8, W_G), zero-padded to W_G octets, to e and returns its index ς + |e|; panics if the range is
 * unreadable, FULL once ς + |e| ≥ W_X.
 */
final class Export {
    static final int INDEX = 7;

    private Export() {}

    static Outcome call(RefineInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        int size = inv.params.segmentSize();
        long z = Long.compareUnsigned(r[8], size) < 0 ? r[8] : size;
        byte[] data = Ram.read(vm.memory(), r[7], z);
        if (data == null) return Outcome.PANIC;
        long index = inv.exportOffset + inv.exports.size();
        if (index >= inv.params.maxPackageExports()) {
            r[7] = HostCallResult.FULL;
            return Outcome.CONTINUE;
        }
        byte[] segment = new byte[size];
        System.arraycopy(data, 0, segment, 0, data.length);
        inv.exports.add(segment);
        r[7] = index;
        return Outcome.CONTINUE;
    }
}
