package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PageAccess;
import io.jamboree.pvm.PvmInstance;

/**
 * {@code pages} = 11, Ω_Z (GP 0.7.2 Appendix B.6): sets the access of pages p..+c (p = ω_8, c = ω_9) of
 * inner machine n = ω_7 by mode r = ω_10: 0 inaccessible, 1 read-only, 2 read-write (these three zero the
 * pages), 3 read-only and 4 read-write keeping the contents. WHO if n is no machine; HUH if r &gt; 4,
 * p &lt; 16 or p + c ≥ 2^32 / Z_P, or if r &gt; 2 and one of the pages is inaccessible; else OK.
 */
final class Pages {
    static final int INDEX = 11;
    private static final long PAGES = 1L << 20;

    private Pages() {}

    static Outcome call(RefineInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        long n = r[7], p = r[8], c = r[9], mode = r[10];
        PvmGuest m = inv.machines.get(n);
        if (m == null) {
            r[7] = HostCallResult.WHO;
            return Outcome.CONTINUE;
        }
        // unsigned: p < 16, or p + c ≥ 2^20 without overflow
        if (Long.compareUnsigned(mode, 4) > 0 || Long.compareUnsigned(p, 16) < 0
                || Long.compareUnsigned(p, PAGES) >= 0 || Long.compareUnsigned(c, PAGES - p) >= 0) {
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        Memory u = m.ram;
        long start = p * Memory.PAGE_SIZE, len = c * Memory.PAGE_SIZE;
        if (mode > 2) {
            for (long q = p; q < p + c; q++) {
                if (u.access(q * Memory.PAGE_SIZE) == PageAccess.NONE) {
                    r[7] = HostCallResult.HUH;
                    return Outcome.CONTINUE;
                }
            }
        }
        if (mode < 3) u.setAccess(start, len, PageAccess.NONE); // drops the contents: the pages read as zero
        PageAccess a = mode == 0 ? PageAccess.NONE : mode == 1 || mode == 3 ? PageAccess.READ : PageAccess.WRITE;
        u.setAccess(start, len, a);
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
