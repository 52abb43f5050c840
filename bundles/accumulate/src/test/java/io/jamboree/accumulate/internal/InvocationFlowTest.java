package io.jamboree.accumulate.internal;

import static io.jamboree.accumulate.internal.RefineFixture.ANCHOR;
import static io.jamboree.accumulate.internal.RefineFixture.EXTRINSICS;
import static io.jamboree.accumulate.internal.RefineFixture.IMPORTS;
import static io.jamboree.accumulate.internal.RefineFixture.P;
import static io.jamboree.accumulate.internal.RefineFixture.SELF;
import static io.jamboree.accumulate.internal.RefineFixture.TRACE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.IsAuthorization;
import io.jamboree.accumulate.IsAuthorizationResult;
import io.jamboree.accumulate.Refinement;
import io.jamboree.accumulate.RefinementResult;
import io.jamboree.codec.Encoder;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.pvm.recompiler.RecompilerEngine;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkPackage;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ψ_I (GP 0.7.2 B.2) and Ψ_R (B.3) end to end on both engines with hand-assembled guest programs. Expected
 * gas follows GP A: one gas per instruction (ϱ_Δ = 1), ten per host call (B.2, B.6); outputs follow Ψ_M (A.8).
 */
class InvocationFlowTest {
    /** The bottom page of the standard program's stack: 2^32 − 2Z_Z − Z_I − Z_P (GP A.7, s = 4096). */
    private static final long STACK = (1L << 32) - 2 * (1L << 16) - (1L << 24) - 4096;
    private static final long HALT_ADDRESS = 0xFFFF_0000L;

    static Stream<PvmEngine> engines() {
        return Stream.of(new InterpreterEngine(), new RecompilerEngine());
    }

    private static byte[] code(GuestProgram g) {
        return ServiceCode.strip(g.preimage());
    }

    private static WorkPackage withAuthCode(WorkPackage p, byte[] hash) {
        return new WorkPackage(p.authCodeHost(), new Hash(hash), p.context(), p.authorization(), p.authorizerConfig(),
                p.items());
    }

    // ---------------------------------------------------------------- Ψ_I

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void isAuthorizedReturnsTheTokenItFetched(PvmEngine engine) {
        // 5 fallthroughs; fetch(ω_7 = stack, ω_8 = 0, ω_9 = 1000, ω_10 = 9: p_j); output μ[stack..+5]
        GuestProgram g = new GuestProgram(new byte[0]).set(7, STACK).set(8, 0).set(9, 1000).set(10, 9).hostCall(1)
                .set(7, STACK).set(8, RefineFixture.TOKEN.length).halt();
        WorkPackage pkg = RefineFixture.pkg(new byte[0], Hash.ZERO, 0);
        IsAuthorizationResult r = new PvmInvocationsComponent().isAuthorization(engine).authorize(P, code(g), pkg, 1);
        assertArrayEquals(RefineFixture.TOKEN, ((WorkExecResult.Ok) r.result()).output().bytes());
        assertEquals(13 + 10, r.gasUsed(), "13 instructions and one host call");
        assertTrue(r.authorized());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void isAuthorizedArgumentIsTheCoreInTwoOctets(PvmEngine engine) {
        // Y sets ω_7, ω_8 to the argument: halting at once returns it
        GuestProgram g = new GuestProgram(new byte[0]).halt();
        RefineFixture f = new RefineFixture();
        byte[] h = f.preimage(SELF, g.preimage(), ANCHOR);
        WorkPackage pkg = withAuthCode(RefineFixture.pkg(new byte[0], Hash.ZERO, 0), h);
        IsAuthorizationResult r = new PvmInvocationsComponent().isAuthorization(engine).authorize(P, f.base, pkg, 1);
        assertArrayEquals(new byte[] {1, 0}, ((WorkExecResult.Ok) r.result()).output().bytes());
        assertEquals(6, r.gasUsed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void isAuthorizedErrors(PvmEngine engine) {
        IsAuthorization auth = new PvmInvocationsComponent().isAuthorization(engine);
        WorkPackage pkg = RefineFixture.pkg(new byte[0], Hash.ZERO, 0);
        RefineFixture f = new RefineFixture();
        IsAuthorizationResult bad = auth.authorize(P, f.base, pkg, 0);
        assertInstanceOf(WorkExecResult.BadCode.class, bad.result(), "no p_c at the anchor");
        assertEquals(0, bad.gasUsed());
        byte[] late = f.preimage(SELF, new GuestProgram(new byte[0]).halt().preimage(), ANCHOR + 1);
        assertInstanceOf(WorkExecResult.BadCode.class, auth.authorize(P, f.base, withAuthCode(pkg, late), 0).result());
        IsAuthorizationResult big = auth.authorize(P, new byte[P.maxAuthCodeSize() + 1], pkg, 0);
        assertInstanceOf(WorkExecResult.CodeOversize.class, big.result());
        assertEquals(0, big.gasUsed());
        IsAuthorizationResult panic = auth.authorize(P, code(new GuestProgram(new byte[0]).trap()), pkg, 0);
        assertInstanceOf(WorkExecResult.Panic.class, panic.result());
        assertEquals(6, panic.gasUsed());
    }

    // ---------------------------------------------------------------- Ψ_R

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void refineExportsAndRunsAnInnerMachine(PvmEngine engine) {
        byte[] inner = new GuestProgram(new byte[0]).set(7, 42).hostCall(5).halt().blob();
        byte[] seg = "seg".getBytes();
        byte[] ro = new byte[3 + inner.length];
        System.arraycopy(seg, 0, ro, 0, 3);
        System.arraycopy(inner, 0, ro, 3, inner.length);
        long ro0 = GuestProgram.RO;
        GuestProgram outer = new GuestProgram(ro)
                .set(7, ro0).set(8, 3).hostCall(Export.INDEX)
                .set(7, ro0 + 3).set(8, inner.length).set(9, 0).hostCall(Machine.INDEX)
                .set(7, STACK).set(8, 0).set(9, 112).set(10, 13).set(11, 0).hostCall(Fetch.INDEX)
                .set(7, 0).set(8, STACK).hostCall(Invoke.INDEX)
                .set(7, STACK).set(8, 112).halt();
        // the payload of item 0 is the inner machine's E_8(g) ⌢ E_8(w)
        long[] w = new long[13];
        w[0] = HALT_ADDRESS;
        for (int k = 1; k < 13; k++) w[k] = 1000 + k;
        Encoder payload = new Encoder().u64(100);
        for (long x : w) payload.u64(x);
        RefineFixture f = new RefineFixture();
        byte[] h = f.preimage(SELF, outer.preimage(), ANCHOR - 10);
        WorkPackage pkg = RefineFixture.pkg(payload.toByteArray(), new Hash(h), 1);
        RefinementResult r = new PvmInvocationsComponent().refinement(engine).refine(P, f.base, 1, 0, pkg, TRACE, IMPORTS, EXTRINSICS, 2);

        // the inner machine ran 5 fallthroughs, load_imm_64 and ecalli: g' = 100 − 7, ω'_7 = 42
        Encoder expected = new Encoder().u64(100 - 7);
        w[7] = 42;
        for (long x : w) expected.u64(x);
        assertArrayEquals(expected.toByteArray(), ((WorkExecResult.Ok) r.result()).output().bytes());
        byte[] segment = new byte[P.segmentSize()];
        System.arraycopy(seg, 0, segment, 0, 3);
        assertEquals(1, r.exports().size());
        assertArrayEquals(segment, r.exports().get(0));
        assertEquals(24 + 4 * 10, r.gasUsed(), "24 instructions and four host calls");
        assertSame(r, r.forReport(1, P.segmentSize()), "one export, as declared");
        RefinementResult bad = r.forReport(2, P.segmentSize());
        assertInstanceOf(WorkExecResult.BadExports.class, bad.result());
        assertEquals(2, bad.exports().size());
        assertArrayEquals(new byte[P.segmentSize()], bad.exports().get(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void refineArgumentEncoding(PvmEngine engine) {
        RefineFixture f = new RefineFixture();
        byte[] h = f.preimage(SELF, new GuestProgram(new byte[0]).halt().preimage(), ANCHOR);
        WorkPackage pkg = RefineFixture.pkg(RefineFixture.PAYLOAD0, new Hash(h), 0);
        RefinementResult r = new PvmInvocationsComponent().refinement(engine).refine(P, f.base, 1, 0, pkg, TRACE, IMPORTS, EXTRINSICS, 0);
        // a = E(c, i, w_s, ↕w_y, H(p))
        Encoder pe = new Encoder();
        pkg.encode(pe, P);
        byte[] a = new Encoder().natural(1).natural(0).natural(SELF).blob(RefineFixture.PAYLOAD0)
                .bytes(Blake2b256.hash(pe.toByteArray())).toByteArray();
        assertArrayEquals(a, ((WorkExecResult.Ok) r.result()).output().bytes());
        assertEquals(6, r.gasUsed());
        assertTrue(r.exports().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void refineErrors(PvmEngine engine) {
        Refinement refine = new PvmInvocationsComponent().refinement(engine);
        RefineFixture f = new RefineFixture();
        WorkPackage none = RefineFixture.pkg(new byte[0], Hash.ZERO, 0);
        RefinementResult bad = refine.refine(P, f.base, 0, 0, none, TRACE, IMPORTS, EXTRINSICS, 0);
        assertInstanceOf(WorkExecResult.BadCode.class, bad.result());
        assertEquals(0, bad.gasUsed());
        byte[] late = f.preimage(SELF, new GuestProgram(new byte[0]).halt().preimage(), ANCHOR + 1);
        assertInstanceOf(WorkExecResult.BadCode.class, refine.refine(P, f.base, 0, 0,
                RefineFixture.pkg(new byte[0], new Hash(late), 0), TRACE, IMPORTS, EXTRINSICS, 0).result());
        byte[] huge = new byte[P.maxServiceCodeSize() + 1];
        byte[] hh = f.preimage(SELF, huge, ANCHOR);
        RefinementResult big = refine.refine(P, f.base, 0, 0, RefineFixture.pkg(new byte[0], new Hash(hh), 0), TRACE,
                IMPORTS, EXTRINSICS, 0);
        assertInstanceOf(WorkExecResult.CodeOversize.class, big.result());
        assertEquals(0, big.gasUsed());

        // a panic after an export: no exports (B.3); for the report, w_e zero segments and BAD exports
        GuestProgram g = new GuestProgram(new byte[0]).set(7, STACK).set(8, 10).hostCall(Export.INDEX).trap();
        byte[] hp = f.preimage(SELF, g.preimage(), ANCHOR);
        RefinementResult panic = refine.refine(P, f.base, 0, 0, RefineFixture.pkg(new byte[0], new Hash(hp), 1), TRACE,
                IMPORTS, EXTRINSICS, 0);
        assertInstanceOf(WorkExecResult.Panic.class, panic.result());
        assertTrue(panic.exports().isEmpty());
        assertEquals(5 + 3 + 1 + 10, panic.gasUsed());
        RefinementResult report = panic.forReport(1, P.segmentSize());
        assertInstanceOf(WorkExecResult.BadExports.class, report.result());
        assertArrayEquals(new byte[P.segmentSize()], report.exports().get(0));
        assertInstanceOf(WorkExecResult.Panic.class, panic.forReport(0, P.segmentSize()).result());

        // out of gas: the item's refine gas limit is 100 000; a host-call loop is not needed, a tiny limit is
        WorkPackage p = RefineFixture.pkg(new byte[0], new Hash(hp), 0);
        WorkPackage tight = new WorkPackage(p.authCodeHost(), p.authCodeHash(), p.context(), p.authorization(),
                p.authorizerConfig(), java.util.List.of(new io.jamboree.types.WorkItem(SELF, new Hash(hp), 3, 0, 0,
                        new io.jamboree.types.Blob(new byte[0]), java.util.List.of(), java.util.List.of())));
        RefinementResult oog = refine.refine(P, f.base, 0, 0, tight, TRACE, IMPORTS, EXTRINSICS, 0);
        assertInstanceOf(WorkExecResult.OutOfGas.class, oog.result());
        assertEquals(3, oog.gasUsed());
    }
}
