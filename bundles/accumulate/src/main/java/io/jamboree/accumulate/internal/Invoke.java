package io.jamboree.accumulate.internal;

import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;

/**
 * {@code invoke} = 12, Ω_K (GP 0.7.2 Appendix B.6): runs inner machine n = ω_7 with Ψ (no host calls) from
 * its counter, with gas g and registers w read as E_8(g) ⌢ E_8(w) from the 112 octets at o = ω_8, then
 * writes E_8(g') ⌢ E_8(w') back there and keeps the machine's RAM and counter (past the {@code ecalli}
 * after a host-call exit). ω'_7 is HOST (ω'_8 = the host-call index), FAULT (ω'_8 = the faulting page
 * address), OOG, PANIC or HALT; panics if the 112 octets are not writable, WHO if n is no machine.
 */
final class Invoke {
    static final int INDEX = 12;
    static final long HALT = 0, PANIC = 1, FAULT = 2, HOST = 3, OOG = 4;

    private Invoke() {}

    static Outcome call(RefineInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        long o = r[8];
        if (!Ram.writable(vm.memory(), o, 112)) return Outcome.PANIC;
        PvmGuest m = inv.machines.get(r[7]);
        if (m == null) {
            r[7] = HostCallResult.WHO;
            return Outcome.CONTINUE;
        }
        byte[] state = Ram.read(vm.memory(), o, 112);
        long g = le64(state, 0);
        long[] w = new long[13];
        for (int k = 0; k < 13; k++) w[k] = le64(state, 8 + 8 * k);
        // Gas is N_G < 2^64; the engines count in a signed long, so an (unreachable) larger budget is capped.
        long gas = g < 0 ? Long.MAX_VALUE : g;
        // An instruction counter beyond the int range points past any code: Ψ traps there (GP A.2, c ⌢ [0, 0, ...]).
        int pc = m.pc < 0 || m.pc > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) m.pc;
        PvmInstance inner = m.program.instantiate(w, pc, gas, m.ram);
        ExitReason exit = inner.run();
        if (exit instanceof ExitReason.HostCall) inner.resumeAfterHostCall();
        m.ram = inner.memory();
        m.pc = inner.gpPc(exit) & 0xFFFF_FFFFL;
        long[] w2 = inner.registers();
        byte[] out = new byte[112];
        // g' after out-of-gas may be below zero in the engines; GP's Ψ yields a gas value, never negative.
        put64(out, 0, Math.max(inner.gas(), 0));
        for (int k = 0; k < 13; k++) put64(out, 8 + 8 * k, w2[k]);
        Ram.write(vm.memory(), o, out, 0, 112);
        switch (exit) {
            case ExitReason.HostCall(long h) -> { r[7] = HOST; r[8] = h; }
            case ExitReason.PageFault(long x) -> { r[7] = FAULT; r[8] = x; }
            case ExitReason.OutOfGas x -> r[7] = OOG;
            case ExitReason.Panic x -> r[7] = PANIC;
            case ExitReason.Halt x -> r[7] = HALT;
        }
        return Outcome.CONTINUE;
    }

    static long le64(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v |= (b[off + i] & 0xFFL) << (8 * i);
        return v;
    }

    static void put64(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
