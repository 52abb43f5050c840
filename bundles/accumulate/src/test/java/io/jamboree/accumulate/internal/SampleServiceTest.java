package io.jamboree.accumulate.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.RefinementResult;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.sample.SampleService;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkExecResult;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.AccumulationInput;
import io.jamboree.types.Blob;
import io.jamboree.types.OperandTuple;
import io.jamboree.types.ServiceInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sample service ({@link SampleService}, the dev genesis one) on the PVM interpreter through the real Refine invocation
 * Ψ_R (GP B.3): its refine output is the Blake2b-256 of the payload, for payloads of zero, one, several and partial
 * 128-octet blocks (checked against the node's own Blake2b, an independent implementation).
 */
class SampleServiceTest {
    @Test
    void refineReturnsBlake2bOfThePayload() {
        Random r = new Random(16);
        for (int len : new int[] {0, 1, 3, 127, 128, 129, 256, 300, 1000}) {
            byte[] payload = new byte[len];
            r.nextBytes(payload);
            RefineFixture fx = new RefineFixture();
            byte[] codeHash = fx.preimage(RefineFixture.SELF, SampleService.codePreimage(), 0);
            RefinementResult out = RefineInvocation.invoke(new InterpreterEngine(), RefineFixture.P, fx.base, 0, 0,
                    RefineFixture.pkg(payload, new Hash(codeHash), 0), RefineFixture.TRACE, NO_IMPORTS,
                    RefineFixture.EXTRINSICS, 0);
            WorkExecResult.Ok ok = assertInstanceOf(WorkExecResult.Ok.class, out.result(), "payload of " + len);
            assertArrayEquals(Blake2b256.hash(payload), ok.output().bytes(), "payload of " + len);
            assertTrue(out.gasUsed() > 0);
            assertTrue(out.exports().isEmpty());
        }
    }

    private static final List<List<byte[]>> NO_IMPORTS = List.of(List.of(), List.of());

    /**
     * Export mode: an item with export count 3 exports its payload, zero-padded to W_G, three times (and still returns
     * its hash); import mode: an item importing segments returns the Blake2b-256 of its first imported segment.
     */
    @Test
    void exportModeExportsThePayloadImportModeHashesTheFirstImport() {
        byte[] payload = "the data a later package imports".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        RefineFixture fx = new RefineFixture();
        Hash code = new Hash(fx.preimage(RefineFixture.SELF, SampleService.codePreimage(), 0));
        RefinementResult out = RefineInvocation.invoke(new InterpreterEngine(), RefineFixture.P, fx.base, 0, 0,
                RefineFixture.pkg(payload, code, 3), RefineFixture.TRACE, NO_IMPORTS, RefineFixture.EXTRINSICS, 5);
        WorkExecResult.Ok ok = assertInstanceOf(WorkExecResult.Ok.class, out.result());
        assertArrayEquals(Blake2b256.hash(payload), ok.output().bytes());
        byte[] segment = java.util.Arrays.copyOf(payload, RefineFixture.P.segmentSize());
        assertEquals(3, out.exports().size());
        for (byte[] e : out.exports()) {
            assertArrayEquals(segment, e);
        }

        RefinementResult in = RefineInvocation.invoke(new InterpreterEngine(), RefineFixture.P, fx.base, 0, 0,
                RefineFixture.pkg(payload, code, 0), RefineFixture.TRACE, RefineFixture.IMPORTS,
                RefineFixture.EXTRINSICS, 0);
        WorkExecResult.Ok hashed = assertInstanceOf(WorkExecResult.Ok.class, in.result());
        assertArrayEquals(Blake2b256.hash(RefineFixture.IMPORTS.getFirst().getFirst()), hashed.output().bytes());
        assertTrue(in.exports().isEmpty());
    }

    /**
     * Ψ_A (GP B.4) with the sample service's code: each operand whose result is a blob is written to storage under
     * the operand's payload hash (gas limits of one- and three-octet naturals); a panicked item writes nothing.
     */
    @Test
    void accumulateWritesEachResultUnderItsPayloadHash() {
        Fixture fx = new Fixture();
        byte[] code = SampleService.codePreimage();
        byte[] codeHash = Blake2b256.hash(code);
        fx.base.infos.put(Fixture.SELF, new ServiceInfo(0, new Hash(codeHash), 1_000_000, 10, 10, 0, 0, 0, 0, 0, 0));
        fx.base.items.put(StateKey.preimage(Fixture.SELF, codeHash), code);
        byte[] p1 = "first payload".getBytes();
        byte[] p2 = "second".getBytes();
        byte[] p3 = "panicked".getBytes();
        List<AccumulationInput> inputs = List.of(operand(p1, 1_000_000, new WorkExecResult.Ok(new Blob(Blake2b256.hash(p1)))),
                operand(p2, 5, new WorkExecResult.Ok(new Blob(Blake2b256.hash(p2)))),
                operand(p3, 7, new WorkExecResult.Panic()));
        ServiceAccounts accounts = ServiceAccounts.over(fx.base).child();
        List<List<Hash>> queues = new ArrayList<>();
        for (int c = 0; c < Fixture.P.coresCount(); c++) {
            queues.add(Collections.nCopies(Fixture.P.authQueueSize(), Hash.ZERO));
        }
        PartialState e = new PartialState(accounts, List.of(), queues, 0, new long[Fixture.P.coresCount()], 0, 0, Map.of());
        AccumulationResult r = AccumulateInvocation.invoke(new InterpreterEngine(), Fixture.P, e, Fixture.SLOT,
                Fixture.ENTROPY, Fixture.SELF, 1_000_000, inputs);
        assertTrue(r.gasUsed() > 0);
        for (byte[] p : new byte[][] {p1, p2}) {
            byte[] h = Blake2b256.hash(p);
            assertArrayEquals(h, r.state().accounts.item(StateKey.storage(Fixture.SELF, h)), new String(p));
        }
        assertNull(r.state().accounts.item(StateKey.storage(Fixture.SELF, Blake2b256.hash(p3))));
    }

    /**
     * Ψ_I (GP B.2) with the dev genesis authorizer, its code found by Λ in the service that keeps it (GP §14.3):
     * the package is authorized (an empty trace) on every core; without the preimage it is BAD.
     */
    @Test
    void devAuthorizerAcceptsAndItsHashIsHOfUAndF() {
        RefineFixture fx = new RefineFixture();
        byte[] u = fx.preimage(RefineFixture.SELF, SampleService.authorizerPreimage(), 0);
        assertArrayEquals(SampleService.authorizerCodeHash().bytes(), u);
        io.jamboree.types.WorkPackage base = RefineFixture.pkg(new byte[] {1}, Hash.ZERO, 0);
        io.jamboree.types.WorkPackage pkg = new io.jamboree.types.WorkPackage(RefineFixture.SELF, new Hash(u),
                base.context(), base.authorization(), new Blob(new byte[0]), base.items());
        for (int core = 0; core < RefineFixture.P.coresCount(); core++) {
            io.jamboree.accumulate.IsAuthorizationResult r = new PvmInvocationsComponent().isAuthorization(new InterpreterEngine()).authorize(RefineFixture.P, fx.base, pkg, core);
            WorkExecResult.Ok ok = assertInstanceOf(WorkExecResult.Ok.class, r.result(), "core " + core);
            assertEquals(0, ok.output().bytes().length);
        }
        // GP §8.1: the pools hold H(u ⌢ f); f is empty here
        assertArrayEquals(Blake2b256.hash(u), SampleService.authorizerHash().bytes());
        assertEquals(pkg.authorizer().codeHash(), SampleService.authorizerCodeHash());
        io.jamboree.types.WorkPackage missing = new io.jamboree.types.WorkPackage(RefineFixture.SELF,
                new Hash(Blake2b256.hash(new byte[] {7})), base.context(), base.authorization(), new Blob(new byte[0]),
                base.items());
        assertInstanceOf(WorkExecResult.BadCode.class, new PvmInvocationsComponent().isAuthorization(new InterpreterEngine()).authorize(RefineFixture.P, fx.base, missing, 0).result());
    }

    private static AccumulationInput operand(byte[] payload, long gasLimit, WorkExecResult result) {
        return new AccumulationInput.Operand(new OperandTuple(new Hash(Fixture.filled(32, 1)),
                new Hash(Fixture.filled(32, 2)), new Hash(Fixture.filled(32, 3)), new Hash(Blake2b256.hash(payload)),
                gasLimit, new Blob(new byte[] {1, 2}), result));
    }
}
