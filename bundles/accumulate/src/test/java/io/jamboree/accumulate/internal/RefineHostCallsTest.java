package io.jamboree.accumulate.internal;

import static io.jamboree.accumulate.internal.RefineFixture.ANCHOR;
import static io.jamboree.accumulate.internal.RefineFixture.OTHER;
import static io.jamboree.accumulate.internal.RefineFixture.P;
import static io.jamboree.accumulate.internal.RefineFixture.RO;
import static io.jamboree.accumulate.internal.RefineFixture.RW;
import static io.jamboree.accumulate.internal.RefineFixture.SELF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jamboree.codec.Encoder;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PageAccess;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.pvm.recompiler.RecompilerEngine;
import java.util.stream.Stream;
import io.jamboree.types.Hash;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The refine host calls (GP 0.7.2 Appendix B.6), the refine mutator F (B.3) and the historical lookup
 * Λ (§9.2.2) against their definitions: result codes, gas, registers and memory effects.
 */
class RefineHostCallsTest {
    private static final long OK = 0, NONE = -1, WHAT = -2, OOB = -3, WHO = -4, FULL = -5, HUH = -9;
    private static final long INACCESSIBLE = 0x50000;
    private static final long HALT_ADDRESS = 0xFFFF_0000L;

    static Stream<PvmEngine> engines() {
        return Stream.of(new InterpreterEngine(), new RecompilerEngine());
    }

    // ---------------------------------------------------------------- Λ (§9.2.2)

    @Test
    void historicalLookupFourModes() {
        RefineFixture f = new RefineFixture();
        byte[] blob = "code".getBytes();
        f.base.infos.put(3L, Fixture.account(1, 0, 0));
        f.base.infos.put(4L, Fixture.account(1, 0, 0));
        byte[] requested = f.preimage(1000, "requested".getBytes());
        byte[] h1 = f.preimage(2000, blob, 10);
        byte[] h2 = f.preimage(3, blob, 10, 20);
        byte[] h3 = f.preimage(4, blob, 10, 20, 30);
        // [] : requested, never available
        assertNull(HistoricalLookup.lookup(f.base, 1000, 0, requested));
        assertNull(HistoricalLookup.lookup(f.base, 1000, 1_000_000, requested));
        // [x] : available from x
        assertNull(HistoricalLookup.lookup(f.base, 2000, 9, h1));
        assertArrayEquals(blob, HistoricalLookup.lookup(f.base, 2000, 10, h1));
        assertArrayEquals(blob, HistoricalLookup.lookup(f.base, 2000, 1_000_000, h1));
        // [x, y] : available x ≤ t < y
        assertNull(HistoricalLookup.lookup(f.base, 3, 9, h2));
        assertArrayEquals(blob, HistoricalLookup.lookup(f.base, 3, 10, h2));
        assertArrayEquals(blob, HistoricalLookup.lookup(f.base, 3, 19, h2));
        assertNull(HistoricalLookup.lookup(f.base, 3, 20, h2));
        // [x, y, z] : available x ≤ t < y or z ≤ t
        assertNull(HistoricalLookup.lookup(f.base, 4, 9, h3));
        assertArrayEquals(blob, HistoricalLookup.lookup(f.base, 4, 15, h3));
        assertNull(HistoricalLookup.lookup(f.base, 4, 20, h3));
        assertNull(HistoricalLookup.lookup(f.base, 4, 29, h3));
        assertArrayEquals(blob, HistoricalLookup.lookup(f.base, 4, 30, h3));
        // no preimage, or no such service
        assertNull(HistoricalLookup.lookup(f.base, 2000, 10, new byte[32]));
        assertNull(HistoricalLookup.lookup(f.base, 1000, 10, h1), "preimage of another service");
        assertNull(HistoricalLookup.lookup(f.base, 9, 10, h1));
    }

    // ---------------------------------------------------------------- mutator F (B.3)

    @Test
    void everyRefineHostCallCostsTenGas() {
        for (int index = 0; index <= 13; index++) {
            RefineFixture f = new RefineFixture().start();
            f.vm.gas = 9;
            assertEquals(Outcome.OUT_OF_GAS, f.call(index), "index " + index);
        }
        RefineFixture f = new RefineFixture().start();
        f.call(Gas.INDEX);
        assertEquals(990, f.r(7), "gas returns ϱ' after its own 10");
    }

    @Test
    void accumulateOnlyAndUnknownCallsAreWhat() {
        for (long index : new long[] {2, 3, 4, 5, 14, 26, 100, -1L}) {
            RefineFixture f = new RefineFixture().start();
            f.regs(7);
            assertEquals(Outcome.CONTINUE, f.call(index));
            assertEquals(WHAT, f.r(7), "index " + index);
            assertEquals(990, f.vm.gas);
        }
    }

    // ---------------------------------------------------------------- fetch (B.5) in the refine context

    @Test
    void fetchRefineContext() {
        RefineFixture f = new RefineFixture().start();
        f.regs(RW, 0, 100, 1);
        f.call(Fetch.INDEX);
        assertEquals(32, f.r(7), "n = 0^32 in refine");
        assertArrayEquals(new byte[32], f.peek(RW, 32));
        f.regs(RW, 0, 100, 2);
        f.call(Fetch.INDEX);
        assertEquals(RefineFixture.TRACE.length, f.r(7));
        assertArrayEquals(RefineFixture.TRACE, f.peek(RW, RefineFixture.TRACE.length));
        f.regs(RW, 0, 100, 3, 1, 1);
        f.call(Fetch.INDEX);
        assertArrayEquals("x11".getBytes(), f.peek(RW, 3));
        f.regs(RW, 0, 100, 3, 1, 2);
        f.call(Fetch.INDEX);
        assertEquals(NONE, f.r(7));
        f.regs(RW, 0, 100, 4, 0);
        f.call(Fetch.INDEX);
        assertArrayEquals("x00".getBytes(), f.peek(RW, 3), "x̄[i] with i = 0");
        f.regs(RW, 4000, 200, 5, 0, 1);
        f.call(Fetch.INDEX);
        assertEquals(4104, f.r(7));
        assertArrayEquals(Fixture.filled(104, 2), f.peek(RW, 104), "ī[0][1] from offset 4000");
        f.regs(RW, 0, 10, 6, 2);
        f.call(Fetch.INDEX);
        assertEquals(NONE, f.r(7), "ī[i] has two segments");
        f.regs(RW, 0, 1000, 9);
        f.call(Fetch.INDEX);
        assertArrayEquals(RefineFixture.TOKEN, f.peek(RW, RefineFixture.TOKEN.length));
        f.regs(RW, 0, 1000, 8);
        f.call(Fetch.INDEX);
        assertArrayEquals(RefineFixture.CONFIG, f.peek(RW, RefineFixture.CONFIG.length));
        f.regs(RW, 0, 1000, 13, 0);
        f.call(Fetch.INDEX);
        assertArrayEquals(RefineFixture.PAYLOAD0, f.peek(RW, RefineFixture.PAYLOAD0.length));
        f.regs(RW, 0, 1000, 12, 1);
        f.call(Fetch.INDEX);
        // S(w) = E_4(s) ⌢ c ⌢ E_8(g, a) ⌢ E_2(e, |i|, |x|) ⌢ E_4(|y|)
        Encoder s = new Encoder().u32(OTHER).bytes(new byte[32]).u64(7).u64(8).u16(0).u16(1).u16(0).u32(1);
        assertEquals(62, f.r(7));
        assertArrayEquals(s.toByteArray(), f.peek(RW, 62));
        f.regs(RW, 0, 1000, 11);
        f.call(Fetch.INDEX);
        assertEquals(1 + 2 * 62, f.r(7));
        assertArrayEquals(s.toByteArray(), f.peek(RW + 63, 62));
        f.regs(RW, 0, 1000, 7);
        f.call(Fetch.INDEX);
        Encoder pe = new Encoder();
        f.inv.fetch.pkg().encode(pe, P);
        assertArrayEquals(pe.toByteArray(), f.peek(RW, (int) f.r(7)));
        for (long sel : new long[] {14, 15, 16}) {
            f.regs(RW, 0, 1000, sel, 0);
            f.call(Fetch.INDEX);
            assertEquals(NONE, f.r(7), "no accumulation inputs in refine: " + sel);
        }
        f.regs(INACCESSIBLE, 0, 1, 2);
        assertEquals(Outcome.PANIC, f.call(Fetch.INDEX));
    }

    @Test
    void fetchIsAuthorizedContextHasOnlyThePackage() {
        FetchSources src = FetchSources.isAuthorized(P, RefineFixture.pkg(new byte[0], Hash.ZERO, 0));
        assertArrayEquals(P.encodeConstants(), Fetch.value(src, 0, 0, 0));
        for (long sel : new long[] {1, 2, 3, 4, 5, 6, 14, 15}) assertNull(Fetch.value(src, sel, 0, 0), "" + sel);
        assertArrayEquals(RefineFixture.TOKEN, Fetch.value(src, 9, 0, 0));
        assertNull(Fetch.value(src, 13, 2, 0), "no third item");
    }

    // ---------------------------------------------------------------- historical_lookup (B.6)

    @Test
    void historicalLookupOfSelfAndOthersAtTheAnchor() {
        RefineFixture f = new RefineFixture();
        byte[] blob = "hello preimage".getBytes();
        byte[] h = f.preimage(OTHER, blob, ANCHOR);
        byte[] late = f.preimage(SELF, "late".getBytes(), ANCHOR + 1);
        f.start();
        f.poke(RW, h);
        f.regs(OTHER, RW, RW + 100, 6, 100);
        assertEquals(Outcome.CONTINUE, f.call(HistoricalLookupCall.INDEX));
        assertEquals(blob.length, f.r(7));
        assertArrayEquals(Arrays.copyOfRange(blob, 6, blob.length), f.peek(RW + 100, blob.length - 6));
        assertEquals(990, f.vm.gas);
        f.regs(-1L, RW, RW + 100, 0, 100);
        f.call(HistoricalLookupCall.INDEX);
        assertEquals(NONE, f.r(7), "not a preimage of the service itself");
        f.poke(RW, late);
        f.regs(SELF, RW, RW + 100, 0, 100);
        f.call(HistoricalLookupCall.INDEX);
        assertEquals(NONE, f.r(7), "available only after the anchor");
        f.regs(77, RW, INACCESSIBLE, 0, 100);
        assertEquals(Outcome.CONTINUE, f.call(HistoricalLookupCall.INDEX));
        assertEquals(NONE, f.r(7), "no such service: l = 0, nothing written");
        f.regs(OTHER, INACCESSIBLE, RW, 0, 100);
        assertEquals(Outcome.PANIC, f.call(HistoricalLookupCall.INDEX), "hash unreadable");
        f.poke(RW, h);
        f.regs(OTHER, RW, RO, 0, 100);
        assertEquals(Outcome.PANIC, f.call(HistoricalLookupCall.INDEX), "output read-only");
    }

    // ---------------------------------------------------------------- export (B.6)

    @Test
    void exportAppendsZeroPaddedSegments() {
        RefineFixture f = new RefineFixture().start(5);
        f.poke(RW, Fixture.filled(10, 9));
        f.regs(RW, 10);
        assertEquals(Outcome.CONTINUE, f.call(Export.INDEX));
        assertEquals(5, f.r(7), "ς + |e|");
        byte[] expected = new byte[P.segmentSize()];
        Arrays.fill(expected, 0, 10, (byte) 9);
        assertArrayEquals(expected, f.inv.exports.get(0));
        f.regs(RW, -1L);
        f.call(Export.INDEX);
        assertEquals(6, f.r(7));
        assertEquals(P.segmentSize(), f.inv.exports.get(1).length, "z = min(ω_8, W_G)");
        f.regs(RO + 0x800, 0x1000);
        assertEquals(Outcome.PANIC, f.call(Export.INDEX), "range runs past the readable page");
        assertEquals(2, f.inv.exports.size());
    }

    @Test
    void exportIsFullAtTheMaximum() {
        RefineFixture f = new RefineFixture().start(P.maxPackageExports() - 1);
        f.regs(RW, 1);
        f.call(Export.INDEX);
        assertEquals(P.maxPackageExports() - 1, f.r(7));
        f.regs(RW, 1);
        f.call(Export.INDEX);
        assertEquals(FULL, f.r(7));
        assertEquals(1, f.inv.exports.size());
    }

    // ---------------------------------------------------------------- machine, expunge (B.6)

    @Test
    void machineTakesTheLeastFreeIndexAndExpungeReturnsItsCounter() {
        RefineFixture f = new RefineFixture().start();
        byte[] code = new GuestProgram(new byte[0]).trap().blob();
        f.poke(RW, code);
        f.regs(RW, code.length, 3);
        assertEquals(Outcome.CONTINUE, f.call(Machine.INDEX));
        assertEquals(0, f.r(7));
        f.regs(RW, code.length, 4);
        f.call(Machine.INDEX);
        assertEquals(1, f.r(7));
        PvmGuest m = f.inv.machines.get(1L);
        assertEquals(4, m.pc);
        assertEquals(PageAccess.NONE, m.ram.access(0x20000), "RAM starts inaccessible");
        f.regs(0);
        f.call(Expunge.INDEX);
        assertEquals(3, f.r(7), "expunge returns the counter");
        f.regs(0);
        f.call(Expunge.INDEX);
        assertEquals(WHO, f.r(7));
        f.regs(RW, code.length, 0);
        f.call(Machine.INDEX);
        assertEquals(0, f.r(7), "index 0 is free again");
        f.regs(RW, 3, 0);
        f.call(Machine.INDEX);
        assertEquals(HUH, f.r(7), "not a program blob");
        f.regs(INACCESSIBLE, 3, 0);
        assertEquals(Outcome.PANIC, f.call(Machine.INDEX));
        assertEquals(2, f.inv.machines.size());
    }

    // ---------------------------------------------------------------- peek, poke, pages (B.6)

    private static RefineFixture withMachine() {
        RefineFixture f = new RefineFixture().start();
        byte[] code = new GuestProgram(new byte[0]).trap().blob();
        f.poke(RW + 0x8000, code);
        f.regs(RW + 0x8000, code.length, 0);
        f.call(Machine.INDEX);
        return f;
    }

    @Test
    void pagesSetsAccessAndZeroes() {
        RefineFixture f = withMachine();
        Memory u = f.inv.machines.get(0L).ram;
        f.regs(1, 16, 1, 2);
        f.call(Pages.INDEX);
        assertEquals(WHO, f.r(7));
        f.regs(0, 16, 2, 5);
        f.call(Pages.INDEX);
        assertEquals(HUH, f.r(7), "r > 4");
        f.regs(0, 15, 2, 2);
        f.call(Pages.INDEX);
        assertEquals(HUH, f.r(7), "p < 16");
        f.regs(0, (1L << 20) - 2, 2, 2);
        f.call(Pages.INDEX);
        assertEquals(HUH, f.r(7), "p + c ≥ 2^32 / Z_P");
        f.regs(0, 16, -1L, 2);
        f.call(Pages.INDEX);
        assertEquals(HUH, f.r(7), "c that would wrap");
        f.regs(0, 32, 2, 3);
        f.call(Pages.INDEX);
        assertEquals(HUH, f.r(7), "r = 3 on inaccessible pages");
        f.regs(0, 32, 2, 2);
        f.call(Pages.INDEX);
        assertEquals(OK, f.r(7));
        assertEquals(PageAccess.WRITE, u.access(32 * 4096));
        assertEquals(PageAccess.WRITE, u.access(34 * 4096 - 1));
        assertEquals(PageAccess.NONE, u.access(34 * 4096));
        u.poke(32 * 4096, new byte[] {5}, 0, 1);
        f.regs(0, 32, 1, 3);
        f.call(Pages.INDEX);
        assertEquals(OK, f.r(7));
        assertEquals(PageAccess.READ, u.access(32 * 4096));
        byte[] b = new byte[1];
        u.peek(32 * 4096, b, 0, 1);
        assertEquals(5, b[0], "r = 3 keeps the contents");
        f.regs(0, 32, 1, 4);
        f.call(Pages.INDEX);
        assertEquals(PageAccess.WRITE, u.access(32 * 4096));
        u.peek(32 * 4096, b, 0, 1);
        assertEquals(5, b[0], "r = 4 keeps the contents");
        f.regs(0, 32, 1, 1);
        f.call(Pages.INDEX);
        assertEquals(PageAccess.READ, u.access(32 * 4096));
        u.peek(32 * 4096, b, 0, 1);
        assertEquals(0, b[0], "r = 1 zeroes");
        f.regs(0, 32, 2, 0);
        f.call(Pages.INDEX);
        assertEquals(OK, f.r(7));
        assertEquals(PageAccess.NONE, u.access(33 * 4096));
        assertEquals(1000 - 12 * 10, f.vm.gas, "machine and eleven pages calls, ten gas each");
    }

    @Test
    void pokeAndPeekMoveBytesBetweenMachines() {
        RefineFixture f = withMachine();
        f.regs(0, 32, 1, 2);
        f.call(Pages.INDEX);
        f.regs(0, 48, 1, 1);
        f.call(Pages.INDEX);
        f.poke(RW, "hello".getBytes());
        f.regs(0, RW, 32 * 4096 + 10, 5);
        assertEquals(Outcome.CONTINUE, f.call(Poke.INDEX));
        assertEquals(OK, f.r(7));
        f.regs(0, RW + 100, 32 * 4096 + 10, 5);
        assertEquals(Outcome.CONTINUE, f.call(Peek.INDEX));
        assertEquals(OK, f.r(7));
        assertArrayEquals("hello".getBytes(), f.peek(RW + 100, 5));
        f.regs(1, RW, 32 * 4096, 5);
        f.call(Poke.INDEX);
        assertEquals(WHO, f.r(7));
        f.regs(1, RW, 32 * 4096, 5);
        f.call(Peek.INDEX);
        assertEquals(WHO, f.r(7));
        f.regs(0, RW, 48 * 4096, 5);
        f.call(Poke.INDEX);
        assertEquals(OOB, f.r(7), "inner page read-only");
        f.regs(0, RW, 33 * 4096 - 2, 5);
        f.call(Peek.INDEX);
        assertEquals(OOB, f.r(7), "inner range runs into an inaccessible page");
        f.regs(0, RW, 48 * 4096, 5);
        f.call(Peek.INDEX);
        assertEquals(OK, f.r(7), "peek only needs the inner page readable");
        f.regs(0, INACCESSIBLE, 32 * 4096, 5);
        assertEquals(Outcome.PANIC, f.call(Poke.INDEX), "outer source unreadable");
        f.regs(0, RO, 32 * 4096, 5);
        assertEquals(Outcome.PANIC, f.call(Peek.INDEX), "outer target read-only");
        f.regs(7, RO, 32 * 4096, 5);
        assertEquals(Outcome.PANIC, f.call(Peek.INDEX), "the outer range is checked before n");
        f.regs(0, RW, 32 * 4096, 0);
        f.call(Peek.INDEX);
        assertEquals(OK, f.r(7), "empty ranges are accessible");
    }

    // ---------------------------------------------------------------- invoke (B.6)

    /** Places E_8(g) ⌢ E_8(w) at RW + 0x100 and invokes machine n. */
    private static void invoke(RefineFixture f, long n, long g, long[] w) {
        Encoder e = new Encoder().u64(g);
        for (long x : w) e.u64(x);
        f.poke(RW + 0x100, e.toByteArray());
        f.regs(n, RW + 0x100);
        assertEquals(Outcome.CONTINUE, f.call(Invoke.INDEX));
    }

    private static long word(RefineFixture f, int k) {
        return Invoke.le64(f.peek(RW + 0x100 + 8L * k, 8), 0);
    }

    private static long machine(RefineFixture f, byte[] code, long pc) {
        f.poke(RW + 0x4000, code);
        f.regs(RW + 0x4000, code.length, pc);
        f.call(Machine.INDEX);
        return f.r(7);
    }

    private static long[] regs() {
        long[] w = new long[13];
        w[0] = HALT_ADDRESS;
        for (int k = 1; k < 13; k++) w[k] = 100 + k;
        return w;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void invokeRunsToAHostCallThenResumesAfterIt(PvmEngine engine) {
        RefineFixture f = new RefineFixture().start(0, engine);
        // 5 fallthroughs (ı 0..4), load_imm_64 ω_7 (ı 5..14), ecalli 5 (ı 15..16), jump_ind ω_0 (ı 17)
        long n = machine(f, new GuestProgram(new byte[0]).set(7, 42).hostCall(5).halt().blob(), 0);
        f.vm.registers[9] = 77;
        invoke(f, n, 100, regs());
        assertEquals(Invoke.HOST, f.r(7));
        assertEquals(5, f.r(8), "the host-call index");
        assertEquals(100 - 7, word(f, 0), "seven instructions of one gas each");
        assertEquals(42, word(f, 1 + 7));
        assertEquals(108, word(f, 1 + 8), "other registers as given");
        assertEquals(17, f.inv.machines.get(n).pc, "ı' + 1 + skip(ı')");
        assertEquals(77, f.r(9), "ω_9 unchanged");
        // resume: only the jump remains; the state written back is taken as the new input
        f.regs(n, RW + 0x100);
        f.call(Invoke.INDEX);
        assertEquals(Invoke.HALT, f.r(7));
        assertEquals(RW + 0x100, f.r(8), "ω_8 unchanged on halt");
        assertEquals(100 - 8, word(f, 0));
        assertEquals(0, f.inv.machines.get(n).pc, "a final halt returns ı = 0 (GP A.1)");
        assertEquals(1000 - 10 - 10 - 10, f.vm.gas, "the outer machine pays 10 per call only");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void invokePageFaultThenPagesThenHalt(PvmEngine engine) {
        RefineFixture f = new RefineFixture().start(0, engine);
        // 5 fallthroughs, load_u8 ω_1 = μ[0x20000] (ı 5..10), jump_ind ω_0
        long n = machine(f, new GuestProgram(new byte[0]).loadU8(1, 0x20345).halt().blob(), 0);
        invoke(f, n, 100, regs());
        assertEquals(Invoke.FAULT, f.r(7));
        assertEquals(0x20000, f.r(8), "the faulting page's address");
        assertEquals(5, f.inv.machines.get(n).pc, "ı of the faulting instruction");
        assertEquals(101, word(f, 1 + 1), "ω_1 unchanged");
        f.regs(n, 0x20, 1, 2);
        f.call(Pages.INDEX);
        f.inv.machines.get(n).ram.poke(0x20345, new byte[] {(byte) 0xAB}, 0, 1);
        invoke(f, n, 100, regs());
        assertEquals(Invoke.HALT, f.r(7));
        assertEquals(0xAB, word(f, 1 + 1));
        assertEquals(100 - 2, word(f, 0), "load and jump");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void invokePanicOutOfGasAndErrors(PvmEngine engine) {
        RefineFixture f = new RefineFixture().start(0, engine);
        long trap = machine(f, new GuestProgram(new byte[0]).trap().blob(), 0);
        invoke(f, trap, 100, regs());
        assertEquals(Invoke.PANIC, f.r(7));
        assertEquals(RW + 0x100, f.r(8));
        assertEquals(0, f.inv.machines.get(trap).pc);
        long loop = machine(f, new GuestProgram(new byte[0]).trap().blob(), 0);
        invoke(f, loop, 3, regs());
        assertEquals(Invoke.OOG, f.r(7));
        assertEquals(3, f.inv.machines.get(loop).pc, "ı of the instruction that could not be paid");
        f.regs(9, RW + 0x100);
        f.call(Invoke.INDEX);
        assertEquals(WHO, f.r(7));
        f.regs(trap, RO);
        assertEquals(Outcome.PANIC, f.call(Invoke.INDEX), "112 octets at o must be writable");
        f.regs(trap, RW + 0x10000 - 111);
        assertEquals(Outcome.PANIC, f.call(Invoke.INDEX));
    }

    @Test
    void invokeFromACounterBeyondTheCodePanics() {
        engines().forEach(engine -> counterBeyondTheCode(new RefineFixture().start(0, engine)));
    }

    private static void counterBeyondTheCode(RefineFixture f) {
        long n = machine(f, new GuestProgram(new byte[0]).halt().blob(), 1L << 40);
        invoke(f, n, 100, regs());
        assertEquals(Invoke.PANIC, f.r(7), "past the code the instruction is trap (GP A.2)");
        assertEquals(0, f.inv.machines.get(n).pc);
        n = machine(f, new GuestProgram(new byte[0]).halt().blob(), 1000);
        invoke(f, n, 100, regs());
        assertEquals(Invoke.PANIC, f.r(7));
    }
}
