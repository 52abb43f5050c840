package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bless} = 14, Ω_B (GP 0.7.2 Appendix B.7): sets the manager m = ω_7, the C assigners read at
 * ω_8, the delegator v = ω_9, the registrar r = ω_10 and the always-accumulate services read as ω_12
 * pairs E_4(s) ⌢ E_8(g) at ω_11, in the service's own partial state. WHO if m, v or r is not a
 * service id. Whose change counts is decided when the round is merged (§12.2, R).
 */
final class Bless {
    static final int INDEX = 14;

    private Bless() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        int cores = inv.params.coresCount();
        byte[] a = Ram.read(vm.memory(), r[8], 4L * cores);
        if (a == null) return Outcome.PANIC;
        long n = r[12];
        if (n < 0 || n > (1L << 28)) return Outcome.PANIC;
        byte[] z = Ram.read(vm.memory(), r[11], 12 * n);
        if (z == null) return Outcome.PANIC;
        if (!isServiceId(r[7]) || !isServiceId(r[9]) || !isServiceId(r[10])) {
            r[7] = HostCallResult.WHO;
            return Outcome.CONTINUE;
        }
        long[] assigners = new long[cores];
        for (int c = 0; c < cores; c++) assigners[c] = le(a, 4 * c, 4);
        Map<Long, Long> always = new TreeMap<>();
        for (int i = 0; i < n; i++) always.put(le(z, 12 * i, 4), le(z, 12 * i + 4, 8));
        PartialState s = inv.x.state;
        s.manager = r[7];
        s.assigners = assigners;
        s.delegator = r[9];
        s.registrar = r[10];
        s.alwaysAccumulate = java.util.Collections.unmodifiableMap(always);
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }

    static boolean isServiceId(long v) {
        return v >= 0 && v <= 0xFFFF_FFFFL;
    }

    static long le(byte[] b, int off, int len) {
        long v = 0;
        for (int i = 0; i < len; i++) v |= (b[off + i] & 0xFFL) << (8 * i);
        return v;
    }
}
