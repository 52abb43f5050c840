package io.jamboree.guarantor.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.IsAuthorization;
import io.jamboree.accumulate.Refinement;
import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.internal.DevGenesis;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.erasure.internal.AdditiveFftErasureCoding;
import io.jamboree.erasure.internal.ChunkingAvailabilitySpecifier;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.sample.SampleService;
import io.jamboree.types.Blob;
import io.jamboree.types.ExtrinsicSpec;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ξ(p, c) (GP §14.4) on the tiny dev genesis with its sample service, through the real Ψ_I and Ψ_R on the PVM
 * interpreter and the real availability specifier: the digest's output is Blake2b-256 of the payload (the node's
 * own Blake2b, independent of the PVM code), the authorizer is the one in the genesis pools, and the bundle the
 * erasure root commits to is rebuilt from two of the six chunks and decodes to the package.
 */
class WorkReportComputerTest {
    private static final ChainParams P = ChainParams.tiny();
    private static ChainState genesis;
    private static ServiceAccounts services;
    private static AvailabilitySpecifier availability;
    private static WorkReportComputer computer;

    @BeforeAll
    static void setUp() {
        ChainSpec spec = DevGenesis.spec(P);
        genesis = StateCodec.decode(spec.genesisState(), P);
        services = new ServiceAccounts(genesis.services(), P);
        availability = new ChunkingAvailabilitySpecifier(new AdditiveFftErasureCoding());
        InterpreterEngine engine = new InterpreterEngine();
        computer = new WorkReportComputer(new io.jamboree.accumulate.internal.PvmInvocationsComponent().isAuthorization(engine), new io.jamboree.accumulate.internal.PvmInvocationsComponent().refinement(engine), availability);
    }

    private static WorkPackage pkg(Hash authCodeHash, long refineGas, List<WorkItem> items) {
        Hash g = genesis.beta().history().getFirst().headerHash();
        RefineContext ctx = new RefineContext(g, Hash.ZERO, Hash.ZERO, g, 0, List.of());
        return new WorkPackage(SampleService.ID, authCodeHash, ctx, Blob.EMPTY, Blob.EMPTY, items);
    }

    private static WorkItem item(byte[] payload, long refineGas, List<ExtrinsicSpec> xs) {
        return new WorkItem(SampleService.ID, SampleService.codeHash(), refineGas, 100_000, 0, new Blob(payload),
                List.of(), xs);
    }

    @Test
    void sampleServiceReportOnEveryCore() {
        byte[] p1 = "hello jam".getBytes(StandardCharsets.US_ASCII);
        byte[] p2 = new byte[300];
        for (int i = 0; i < p2.length; i++) {
            p2[i] = (byte) (i * 7);
        }
        byte[] x = {1, 2, 3, 4, 5};
        ExtrinsicSpec xs = new ExtrinsicSpec(new Hash(Blake2b256.hash(x)), x.length);
        WorkPackage pkg = pkg(SampleService.authorizerCodeHash(), 0, List.of(item(p1, 5_000_000, List.of()),
                item(p2, 5_000_000, List.of(xs))));
        for (int core = 0; core < P.coresCount(); core++) {
            ComputedWorkReport c = computer.compute(P, services, pkg, List.of(List.of(), List.of(x)), core);
            WorkReport r = c.report();
            assertEquals(core, r.coreIndex());
            assertEquals(SampleService.authorizerHash(), r.authorizerHash());
            assertTrue(genesis.alpha().pool(core).contains(r.authorizerHash()), "the authorizer is in α[c]");
            assertEquals(0, r.authOutput().bytes().length);
            assertTrue(r.authGasUsed() > 0);
            assertEquals(2, r.results().size());
            byte[][] payloads = {p1, p2};
            for (int j = 0; j < 2; j++) {
                WorkDigest d = r.results().get(j);
                WorkExecResult.Ok ok = assertInstanceOf(WorkExecResult.Ok.class, d.result());
                assertArrayEquals(Blake2b256.hash(payloads[j]), ok.output().bytes(), "item " + j);
                assertArrayEquals(Blake2b256.hash(payloads[j]), d.payloadHash().bytes());
                assertEquals(SampleService.ID, d.serviceId());
                assertTrue(d.refineLoad().gasUsed() > 0);
            }
            assertEquals(1, r.results().get(1).refineLoad().extrinsicCount());
            assertEquals(5, r.results().get(1).refineLoad().extrinsicSize());
            // the bundle: E(p) then the extrinsic data; its hash and length are in the spec
            byte[] encoded = WorkReportComputer.encode(P, pkg);
            assertEquals(new Hash(Blake2b256.hash(encoded)), r.packageSpec().hash());
            assertEquals(encoded.length + x.length, c.bundle().length);
            assertEquals(c.bundle().length, r.packageSpec().length());
            assertEquals(0, r.packageSpec().exportsCount());
        }
    }

    @Test
    void bundleComesBackFromTwoChunks() {
        WorkPackage pkg = pkg(SampleService.authorizerCodeHash(), 0, List.of(item(new byte[] {42}, 5_000_000, List.of())));
        ComputedWorkReport c = computer.compute(P, services, pkg, List.of(List.of()), 1);
        byte[][] chunks = availability.bundleChunks(P, c.bundle());
        byte[] back = availability.reconstructBundle(P, c.bundle().length, new int[] {4, 5},
                new byte[][] {chunks[4], chunks[5]});
        assertArrayEquals(c.bundle(), back);
        Decoder d = new Decoder(back);
        assertEquals(pkg, WorkPackage.decode(d, P));
        assertEquals(c.report().packageSpec(), availability.spec(P, c.report().packageSpec().hash(), back, List.of()));
    }

    @Test
    void outOfGasIsTheItemsOutcomeNotAFailure() {
        WorkPackage pkg = pkg(SampleService.authorizerCodeHash(), 0, List.of(item(new byte[1000], 50, List.of())));
        WorkReport r = computer.compute(P, services, pkg, List.of(List.of()), 0).report();
        assertInstanceOf(WorkExecResult.OutOfGas.class, r.results().getFirst().result());
    }

    @Test
    void refusals() {
        WorkItem ok = item(new byte[] {1}, 5_000_000, List.of());
        WorkReportException missingCode = assertThrows(WorkReportException.class, () -> computer.compute(P, services,
                pkg(new Hash(new byte[32]), 0, List.of(ok)), List.of(List.of()), 0));
        assertTrue(missingCode.getMessage().contains("not authorized: Ψ_I gave BadCode"), missingCode.getMessage());
        byte[] x = {9};
        WorkItem withX = item(new byte[] {1}, 5_000_000, List.of(new ExtrinsicSpec(new Hash(Blake2b256.hash(x)), 1)));
        WorkReportException badX = assertThrows(WorkReportException.class, () -> computer.compute(P, services,
                pkg(SampleService.authorizerCodeHash(), 0, List.of(withX)), List.of(List.of(new byte[] {8})), 0));
        assertTrue(badX.getMessage().contains("does not match"), badX.getMessage());
        assertThrows(WorkReportException.class, () -> computer.compute(P, services,
                pkg(SampleService.authorizerCodeHash(), 0, List.of(ok)), List.of(List.of()), P.coresCount()));
    }
}
