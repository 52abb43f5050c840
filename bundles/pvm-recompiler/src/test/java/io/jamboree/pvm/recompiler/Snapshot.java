package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.PvmInstance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Observable machine state after an exit, for comparing two engines. */
record Snapshot(String exit, int pc, long gas, long[] regs, List<byte[]> ram) {

    static Snapshot of(ExitReason e, PvmInstance vm, long[][] regions) {
        List<byte[]> ram = new ArrayList<>();
        for (long[] rg : regions) {
            byte[] b = new byte[(int) rg[1]];
            vm.memory().peek(rg[0], b, 0, b.length);
            ram.add(b);
            // access rights matter as much as contents (sbrk)
            byte[] acc = new byte[(int) ((rg[1] + 4095) / 4096)];
            for (int i = 0; i < acc.length; i++) acc[i] = (byte) vm.memory().access(rg[0] + 4096L * i).ordinal();
            ram.add(acc);
        }
        return new Snapshot(e.toString(), vm.pc(), vm.gas(), vm.registers().clone(), ram);
    }

    /** @return a description of the differences, empty if none */
    String diff(Snapshot o) {
        StringBuilder sb = new StringBuilder();
        if (!exit.equals(o.exit)) sb.append(" exit ").append(exit).append(" vs ").append(o.exit);
        if (pc != o.pc) sb.append(" pc ").append(pc).append(" vs ").append(o.pc);
        if (gas != o.gas) sb.append(" gas ").append(gas).append(" vs ").append(o.gas);
        if (!Arrays.equals(regs, o.regs)) sb.append(" regs ").append(Arrays.toString(regs)).append(" vs ")
                .append(Arrays.toString(o.regs));
        for (int i = 0; i < ram.size(); i++) {
            if (!Arrays.equals(ram.get(i), o.ram.get(i))) sb.append(" ram region ").append(i / 2)
                    .append(i % 2 == 0 ? " contents" : " access");
        }
        return sb.toString();
    }
}
