package io.jamboree.pvm.interpreter;

import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.HostCallHandler;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PageAccess;
import io.jamboree.pvm.ProgramBlob;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;
import io.jamboree.pvm.StandardProgram;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Hand-derived GP 0.7.2 Appendix A expectations for behaviour the vectors do not cover. */
class PvmSemanticsTest {
    private final InterpreterEngine engine = new InterpreterEngine();

    /** Builds a blob E(|j|)=0 ⌢ E_1(0) ⌢ E(|c|) ⌢ c ⌢ k from instructions given as octet arrays (|c| < 128). */
    static byte[] blob(int[]... instructions) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        java.util.BitSet k = new java.util.BitSet();
        for (int[] ins : instructions) {
            k.set(c.size());
            for (int b : ins) c.write(b);
        }
        int n = c.size();
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0);
        p.write(0);
        p.write(n);
        p.writeBytes(c.toByteArray());
        byte[] kb = new byte[(n + 7) / 8];
        byte[] set = k.toByteArray();
        System.arraycopy(set, 0, kb, 0, Math.min(set.length, kb.length));
        p.writeBytes(kb);
        return p.toByteArray();
    }

    @Test
    void hostCallPausesAtEcalliAndResumesAfterIt() {
        // ecalli 7 ; load_imm r2, 5 ; trap
        PvmProgram prog = engine.prepare(blob(new int[] {10, 7}, new int[] {51, 2, 5}, new int[] {0}));
        PvmInstance vm = prog.instantiate(new Memory());
        vm.setGas(100);
        assertEquals(new ExitReason.HostCall(7), vm.run());
        assertEquals(0, vm.pc());          // ı indexes the ecalli (A.1)
        assertEquals(99, vm.gas());        // ecalli charged
        vm.resumeAfterHostCall();
        assertEquals(2, vm.pc());          // ı + 1 + skip(ı)
        assertEquals(ExitReason.PANIC, vm.run());
        assertEquals(5, vm.registers()[2]);
        assertEquals(97, vm.gas());
    }

    @Test
    void runWithHandlerIsPsiH() {
        PvmProgram prog = engine.prepare(blob(new int[] {10, 7}, new int[] {51, 2, 5}, new int[] {0}));
        PvmInstance vm = prog.instantiate(new Memory());
        vm.setGas(100);
        ExitReason e = vm.run((index, inst) -> {
            inst.registers()[3] = 42 + index;
            return HostCallHandler.Outcome.CONTINUE;
        });
        assertEquals(ExitReason.PANIC, e);
        assertEquals(49, vm.registers()[3]);
        assertEquals(5, vm.registers()[2]);

        PvmInstance vm2 = prog.instantiate(new Memory());
        vm2.setGas(100);
        assertEquals(ExitReason.HALT, vm2.run((index, inst) -> HostCallHandler.Outcome.HALT));
        assertEquals(0, vm2.pc());
    }

    @Test
    void outOfGasReportsNegativeGasAndPriorState() {
        // load_imm r1, 1 ; load_imm r2, 2 ; trap — with gas 1 the second instruction drives γ' to -1 (A.1)
        PvmProgram prog = engine.prepare(blob(new int[] {51, 1, 1}, new int[] {51, 2, 2}, new int[] {0}));
        PvmInstance vm = prog.instantiate(new long[13], 0, 1, new Memory());
        assertEquals(ExitReason.OUT_OF_GAS, vm.run());
        assertEquals(3, vm.pc());
        assertEquals(-1, vm.gas());
        assertEquals(1, vm.registers()[1]);
        assertEquals(0, vm.registers()[2]);
    }

    @Test
    void accessBelow64KiBPanicsChargingTheInstruction() {
        // load_u8 r1, [0x100]. GP A.4 leaves ϱ unchanged on ε^μ; the fuzzer's recorded 0.7.2 sessions charge the
        // faulting instruction (see InterpretedInstance), and so do we.
        PvmProgram prog = engine.prepare(blob(new int[] {52, 1, 0x00, 0x01}, new int[] {0}));
        PvmInstance vm = prog.instantiate(new long[13], 0, 10, new Memory());
        assertEquals(ExitReason.PANIC, vm.run());
        assertEquals(0, vm.pc());
        assertEquals(9, vm.gas()); // the load is charged
    }

    @Test
    void invalidBlobPanicsWithoutCharge() {
        PvmProgram prog = engine.prepare(new byte[] {0, 0, 5, 1});
        assertFalse(prog.valid());
        PvmInstance vm = prog.instantiate(new long[13], 0, 10, new Memory());
        assertEquals(ExitReason.PANIC, vm.run());
        assertEquals(10, vm.gas());
    }

    @Test
    void deblobSplitsJumpTableCodeAndBitmask() {
        // |j| = 2, z = 2, |c| = 3, j = [0x0102, 0x0003], c = [1, 0, 0], k = 0b101
        byte[] p = {2, 2, 3, 0x02, 0x01, 0x03, 0x00, 1, 0, 0, 0b101};
        ProgramBlob b = ProgramBlob.deblob(p).orElseThrow();
        assertArrayEquals(new long[] {0x0102, 3}, b.jumpTable());
        assertArrayEquals(new byte[] {1, 0, 0}, b.code());
        assertArrayEquals(new boolean[] {true, false, true}, b.bitmask());
        assertTrue(ProgramBlob.deblob(java.util.Arrays.copyOf(p, p.length + 1)).isEmpty());
    }

    @Test
    void standardProgramLayout() {
        // o = [1,2,3], w = [9], z = 1 page, s = 4097, c = [0xAA]
        byte[] p = {3, 0, 0, 1, 0, 0, 1, 0, 0x01, 0x10, 0, 1, 2, 3, 9, 1, 0, 0, 0, (byte) 0xAA};
        byte[] args = {7, 8};
        StandardProgram sp = StandardProgram.decode(p, args).orElseThrow();
        assertArrayEquals(new byte[] {(byte) 0xAA}, sp.code());
        long[] r = sp.registers();
        assertEquals(0xFFFF_0000L, r[0]);
        assertEquals(0xFEFE_0000L, r[1]);               // 2^32 − 2·2^16 − 2^24
        assertEquals(0xFEFF_0000L, r[7]);               // 2^32 − 2^16 − 2^24
        assertEquals(2, r[8]);
        Memory m = sp.memory();
        assertEquals(PageAccess.NONE, m.access(0xFFFF));
        assertEquals(PageAccess.READ, m.access(0x10000));
        assertEquals(PageAccess.NONE, m.access(0x11000)); // P(3) = one page
        byte[] ro = new byte[4];
        assertTrue(m.read(0x10000, ro));
        assertArrayEquals(new byte[] {1, 2, 3, 0}, ro);
        // rw at 2·Z_Z + Z(3) = 0x30000, P(1) + 1 page = 2 pages
        assertEquals(PageAccess.WRITE, m.access(0x30000));
        assertEquals(PageAccess.WRITE, m.access(0x31FFF));
        assertEquals(PageAccess.NONE, m.access(0x32000));
        assertEquals(0x32000L, m.heapBreak());
        byte[] rw = new byte[1];
        assertTrue(m.read(0x30000, rw));
        assertEquals(9, rw[0]);
        // stack: P(4097) = 2 pages below 0xFEFE0000
        assertEquals(PageAccess.WRITE, m.access(0xFEFE_0000L - 0x2000));
        assertEquals(PageAccess.NONE, m.access(0xFEFE_0000L - 0x2001));
        assertEquals(PageAccess.NONE, m.access(0xFEFE_0000L));
        // arguments read-only at 0xFEFF0000
        assertEquals(PageAccess.READ, m.access(0xFEFF_0000L));
        assertEquals(PageAccess.NONE, m.access(0xFEFF_1000L));
        byte[] a = new byte[2];
        assertTrue(m.read(0xFEFF_0000L, a));
        assertArrayEquals(args, a);
        assertFalse(m.write(0xFEFF_0000L, a));
        assertTrue(StandardProgram.decode(p, new byte[(1 << 24) + 1]).isEmpty());
    }

    @Test
    void argumentInvocationEchoesArguments() {
        // standard blob: no o, no w, z = 0, s = 0, c = deblob-able code "jump_ind r0 + 0" (r0 = 2^32 − 2^16 ⇒ halt)
        byte[] code = blob(new int[] {50, 0});
        byte[] p = new byte[11 + 4 + code.length];
        p[11] = (byte) code.length;
        System.arraycopy(code, 0, p, 15, code.length);
        byte[] args = {1, 2, 3, 4, 5};
        var res = io.jamboree.pvm.ArgumentInvocation.invoke(engine, p, 0, 10, args,
                (i, vm) -> HostCallHandler.Outcome.PANIC);
        assertEquals(ExitReason.HALT, res.exit());
        assertEquals(1, res.gasUsed());
        assertArrayEquals(args, res.output());
        // out of gas: u is capped at γ
        var oog = io.jamboree.pvm.ArgumentInvocation.invoke(engine, p, 0, 0, args, (i, vm) -> HostCallHandler.Outcome.PANIC);
        assertEquals(ExitReason.OUT_OF_GAS, oog.exit());
        assertEquals(0, oog.gasUsed());
        var bad = io.jamboree.pvm.ArgumentInvocation.invoke(engine, new byte[] {1}, 0, 10, args, (i, vm) -> HostCallHandler.Outcome.PANIC);
        assertEquals(ExitReason.PANIC, bad.exit());
        assertEquals(0, bad.gasUsed());
    }

    @Test
    void memoryStoreAcrossPagesIsAllOrNothing() {
        Memory m = new Memory();
        m.setAccess(0x20000, 0x1000, PageAccess.WRITE);
        m.setAccess(0x21000, 0x1000, PageAccess.READ);
        var e = assertThrows(io.jamboree.pvm.MemoryAccessException.class, () -> m.storeU64(0x20FFC, -1L));
        assertEquals(0x21000, e.address());
        byte[] b = new byte[4];
        m.peek(0x20FFC, b, 0, 4);
        assertArrayEquals(new byte[4], b);
        m.storeU32(0x20FFC, 0x11223344);
        assertEquals(0x11223344L, m.loadU32(0x20FFC));
        assertEquals(0x44L, m.loadU8(0x20FFC));
    }
}
