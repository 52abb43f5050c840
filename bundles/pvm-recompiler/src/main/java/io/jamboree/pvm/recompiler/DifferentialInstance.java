package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

/**
 * Two PVM machines (GP 0.7.2 A.1) over equal initial states run in lockstep, exit by exit. The caller (and its
 * host-call handler, Ψ_H of A.6) sees the reference machine {@code a}; whatever it changed in a's registers,
 * gas, ı or RAM since the last exit is replayed onto the candidate {@code b} before both run again.
 */
final class DifferentialInstance implements PvmInstance {
    private static final int REPORTED_PAGES = 8;

    private final DifferentialEngine.DifferentialProgram program;
    private final PvmInstance a;
    private final PvmInstance b;
    /** Exits so far (host calls included), for the report. */
    private int exits;

    DifferentialInstance(DifferentialEngine.DifferentialProgram program, PvmInstance a, PvmInstance b) {
        this.program = program;
        this.a = a;
        this.b = b;
    }

    @Override
    public PvmProgram program() {
        return program;
    }

    @Override
    public long[] registers() {
        return a.registers();
    }

    @Override
    public int pc() {
        return a.pc();
    }

    @Override
    public void setPc(int pc) {
        a.setPc(pc);
        b.setPc(pc);
    }

    @Override
    public long gas() {
        return a.gas();
    }

    @Override
    public void setGas(long gas) {
        a.setGas(gas);
        b.setGas(gas);
    }

    @Override
    public Memory memory() {
        return a.memory();
    }

    @Override
    public ExitReason run() {
        replay();
        int pc0 = a.pc();
        long gas0 = a.gas();
        ExitReason ea = a.run();
        ExitReason eb = b.run();
        program.engine().compared();
        compare(ea, eb, pc0, gas0);
        exits++;
        return ea;
    }

    @Override
    public void resumeAfterHostCall() {
        a.resumeAfterHostCall();
        b.resumeAfterHostCall();
        if (a.pc() != b.pc()) {
            throw program.engine().diverged("resuming after host call exit " + exits + ": ı " + a.pc() + " vs "
                    + b.pc() + programInfo());
        }
    }

    /** Copies what the caller or the host-call handler changed on the reference machine to the candidate. */
    private void replay() {
        System.arraycopy(a.registers(), 0, b.registers(), 0, 13);
        b.setGas(a.gas());
        b.setPc(a.pc());
        b.memory().assign(a.memory());
    }

    private void compare(ExitReason ea, ExitReason eb, int pc0, long gas0) {
        StringBuilder d = new StringBuilder();
        if (!ea.equals(eb)) d.append("\n  exit ").append(ea).append(" vs ").append(eb);
        if (a.pc() != b.pc()) d.append("\n  ı ").append(a.pc()).append(" vs ").append(b.pc());
        if (a.gas() != b.gas()) d.append("\n  gas ").append(a.gas()).append(" vs ").append(b.gas());
        long[] ra = a.registers(), rb = b.registers();
        for (int i = 0; i < 13; i++) {
            if (ra[i] != rb[i]) {
                d.append("\n  ω").append(i).append(" 0x").append(Long.toHexString(ra[i])).append(" vs 0x")
                        .append(Long.toHexString(rb[i]));
            }
        }
        Memory ma = a.memory(), mb = b.memory();
        if (ma.heapBreak() != mb.heapBreak()) {
            d.append("\n  heap break 0x").append(Long.toHexString(ma.heapBreak())).append(" vs 0x")
                    .append(Long.toHexString(mb.heapBreak()));
        }
        for (int page : ma.differingPages(mb, REPORTED_PAGES)) d.append("\n  ").append(pageDiff(ma, mb, page));
        if (d.isEmpty()) return;
        String what = ea instanceof ExitReason.HostCall ? "host call" : "final";
        throw program.engine().diverged(what + " exit " + exits + " (run from ı " + pc0 + " with gas " + gas0
                + ", " + program.engine().referenceName() + " vs " + program.engine().candidateName() + "):" + d
                + programInfo());
    }

    private static String pageDiff(Memory ma, Memory mb, int page) {
        long base = (long) page * Memory.PAGE_SIZE;
        StringBuilder s = new StringBuilder("page 0x").append(Long.toHexString(base)).append(": access ")
                .append(ma.access(base)).append(" vs ").append(mb.access(base));
        byte[] x = new byte[Memory.PAGE_SIZE], y = new byte[Memory.PAGE_SIZE];
        ma.peek(base, x, 0, x.length);
        mb.peek(base, y, 0, y.length);
        int first = java.util.Arrays.mismatch(x, y);
        if (first >= 0) {
            int n = 0;
            for (int i = first; i < x.length; i++) if (x[i] != y[i]) n++;
            s.append(", ").append(n).append(" octets differ, first at 0x").append(Long.toHexString(base + first))
                    .append(": 0x").append(Integer.toHexString(x[first] & 0xFF)).append(" vs 0x")
                    .append(Integer.toHexString(y[first] & 0xFF));
        }
        return s.toString();
    }

    private String programInfo() {
        return "\n  program: |c| = " + program.codeLength();
    }
}
