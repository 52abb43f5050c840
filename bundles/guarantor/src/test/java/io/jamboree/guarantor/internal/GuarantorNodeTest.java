package io.jamboree.guarantor.internal;

import io.jamboree.guarantor.WorkPackageBundle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.internal.DevGenesis;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.erasure.internal.AdditiveFftErasureCoding;
import io.jamboree.erasure.internal.ChunkingAvailabilitySpecifier;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.guarantor.WorkReportComputation;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.keystore.DevKeys;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.sample.SampleService;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.types.Blob;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guarantor pipeline (GP §11.3–11.4, §14.4) on six nodes of the tiny dev genesis, each holding one dev
 * validator's keys, wired by in-memory peers that call each other's CE 133/134/135 entry points: a package submitted
 * anywhere is forwarded to its core's guarantors, refined with the real Ψ_I/Ψ_R (PVM interpreter), signed by the
 * three guarantors P(η_2, τ) puts on the core, pooled and distributed to every node. Bad input is refused or gets
 * its GP outcome, and a guarantor that computes a different report is left out.
 */
class GuarantorNodeTest {
    private static final ChainParams P = ChainParams.tiny();
    private static ChainState genesis;
    private static GuarantorNode.Head head;
    private static WorkReportComputer computer;

    private final Map<Ed25519Public, GuarantorNode> nodes = new HashMap<>();
    private final List<GuarantorNode> byIndex = new ArrayList<>();
    private final List<List<ReportGuarantee>> pools = new ArrayList<>();
    private final List<List<ComputedWorkReport>> published = new ArrayList<>();
    private final Map<Integer, WorkReportComputation> computations = new HashMap<>();

    @BeforeAll
    static void setUp() {
        ChainSpec spec = DevGenesis.spec(P);
        genesis = StateCodec.decode(spec.genesisState(), P);
        head = new GuarantorNode.Head(spec.genesisHash(), genesis);
        InterpreterEngine engine = new InterpreterEngine();
        PvmInvocationsComponent pvm = new PvmInvocationsComponent();
        computer = new WorkReportComputer(pvm.isAuthorization(engine), pvm.refinement(engine),
                new ChunkingAvailabilitySpecifier(new AdditiveFftErasureCoding()));
    }

    @BeforeEach
    void network() {
        GuarantorNode.Peers peers = new GuarantorNode.Peers() {
            @Override
            public GuarantorNode.ShareResponse share(Ed25519Public key, int core, byte[] bundle) {
                return nodes.get(key).refineShared(core, bundle);
            }

            @Override
            public void distribute(ReportGuarantee g, List<Ed25519Public> keys) {
                for (Ed25519Public k : keys) {
                    nodes.get(k).receive(g);
                }
            }

            @Override
            public void forward(Ed25519Public key, int core, byte[] pkg, byte[] data) {
                GuarantorNode n = nodes.get(key);
                n.submit(core, n.parse(pkg, data), false, Runnable::run);
            }
        };
        for (int i = 0; i < P.validatorsCount(); i++) {
            final int v = i;
            List<ReportGuarantee> pool = new CopyOnWriteArrayList<>();
            List<ComputedWorkReport> pub = new CopyOnWriteArrayList<>();
            GuarantorNode n = new GuarantorNode(P, () -> Optional.of(head), List.of(DevKeys.secrets(i)),
                    () -> computations.getOrDefault(v, computer), peers, pool::add, pub::add);
            assertEquals(genesis.kappa().get(i).ed25519(), DevKeys.validatorKey(i).ed25519(), "κ holds dev key " + i);
            nodes.put(genesis.kappa().get(i).ed25519(), n);
            byIndex.add(n);
            pools.add(pool);
            published.add(pub);
        }
    }

    private static WorkPackage pkg(Hash authCodeHash, WorkItem... items) {
        Hash g = genesis.beta().history().getFirst().headerHash();
        RefineContext ctx = new RefineContext(g, Hash.ZERO, Hash.ZERO, g, 0, List.of());
        return new WorkPackage(SampleService.ID, authCodeHash, ctx, Blob.EMPTY, Blob.EMPTY, List.of(items));
    }

    private static WorkItem item(byte[] payload, long refineGas) {
        return new WorkItem(SampleService.ID, SampleService.codeHash(), refineGas, 100_000, 0, new Blob(payload),
                List.of(), List.of());
    }

    private static byte[] encode(WorkPackage p) {
        Encoder e = new Encoder();
        p.encode(e, P);
        return e.toByteArray();
    }

    private static int[] guarantorsOf(int core) {
        return GuaranteeSigning.guarantorsOf(P, genesis.eta().get(2), genesis.tau(), core);
    }

    private int notOn(int core) {
        int[] gs = guarantorsOf(core);
        for (int v = 0; v < P.validatorsCount(); v++) {
            final int x = v;
            if (Arrays.stream(gs).noneMatch(g -> g == x)) {
                return v;
            }
        }
        throw new AssertionError("every validator is on core " + core);
    }

    @Test
    void packageSubmittedAnywhereIsGuaranteedByItsCoresGuarantorsAndReachesEveryPool() {
        for (int core = 0; core < P.coresCount(); core++) {
            int[] gs = guarantorsOf(core);
            assertEquals(P.validatorsCount() / P.coresCount(), gs.length, "guarantors of core " + core);
            byte[] payload = ("package for core " + core).getBytes(StandardCharsets.US_ASCII);
            byte[] encoded = encode(pkg(SampleService.authorizerCodeHash(), item(payload, 5_000_000)));
            int entry = notOn(core);
            GuarantorNode n = byIndex.get(entry);
            Hash h = n.submit(core, n.parse(encoded, List.of()), true, Runnable::run);
            assertEquals(new Hash(Blake2b256.hash(encoded)), h);
            for (int v = 0; v < P.validatorsCount(); v++) {
                List<ReportGuarantee> pool = pools.get(v);
                assertEquals(core + 1, pool.size(), "validator " + v + "'s pool after core " + core);
                ReportGuarantee g = pool.getLast();
                WorkReport r = g.report();
                assertEquals(core, r.coreIndex());
                assertEquals(h, r.packageSpec().hash());
                WorkExecResult.Ok ok = assertInstanceOf(WorkExecResult.Ok.class, r.results().getFirst().result());
                assertArrayEquals(Blake2b256.hash(payload), ok.output().bytes());
                assertEquals(3, g.signatures().size(), "all three guarantors signed");
                Hash rh = r.hash(P);
                for (int k = 0; k < 3; k++) {
                    ValidatorSignature s = g.signatures().get(k);
                    assertEquals(gs[k], s.validatorIndex(), "signatures ordered by validator index");
                    assertTrue(GuaranteeSigning.verify(genesis.kappa().get(s.validatorIndex()).ed25519().bytes(), rh,
                            s.signature().bytes()), "signature of " + s.validatorIndex());
                }
                assertEquals(Optional.of(r), byIndex.get(v).report(rh), "CE 136 finds the report on " + v);
            }
            for (int v : gs) {
                assertEquals(h, published.get(v).getLast().report().packageSpec().hash(), "published by " + v);
            }
            assertTrue(published.get(entry).stream().noneMatch(c -> c.report().packageSpec().hash().equals(h)),
                    "the forwarding node publishes nothing");
        }
    }

    @Test
    void refineOutOfGasAndBadCodeAreTheItemsOutcomes() {
        WorkItem badCode = new WorkItem(SampleService.ID, new Hash(new byte[32]), 5_000_000, 100_000, 0,
                new Blob(new byte[] {7}), List.of(), List.of());
        byte[] encoded = encode(pkg(SampleService.authorizerCodeHash(), item(new byte[1000], 50), badCode));
        int g = guarantorsOf(0)[0];
        GuarantorNode n = byIndex.get(g);
        n.submit(0, n.parse(encoded, List.of()), false, Runnable::run);
        WorkReport r = pools.get(g).getLast().report();
        assertInstanceOf(WorkExecResult.OutOfGas.class, r.results().get(0).result());
        assertInstanceOf(WorkExecResult.BadCode.class, r.results().get(1).result());
        assertEquals(3, pools.get(g).getLast().signatures().size());
    }

    @Test
    void badPackagesAreRefusedAndAffectNothing() {
        int g = guarantorsOf(1)[0];
        GuarantorNode n = byIndex.get(g);
        WorkReportException unauthorized = assertThrows(WorkReportException.class, () -> n.submit(1,
                n.parse(encode(pkg(new Hash(new byte[32]), item(new byte[] {1}, 5_000_000))), List.of()), false,
                Runnable::run));
        assertTrue(unauthorized.getMessage().contains("not authorized"), unauthorized.getMessage());

        byte[] big = encode(pkg(SampleService.authorizerCodeHash(), item(new byte[GuarantorNode.MAX_PACKAGE_BYTES],
                5_000_000)));
        WorkReportException oversized = assertThrows(WorkReportException.class, () -> n.parse(big, List.of()));
        assertTrue(oversized.getMessage().contains("over the " + GuarantorNode.MAX_PACKAGE_BYTES), oversized.getMessage());

        byte[] ok = encode(pkg(SampleService.authorizerCodeHash(), item(new byte[] {1}, 5_000_000)));
        WorkReportException malformed = assertThrows(WorkReportException.class,
                () -> n.parse(Arrays.copyOf(ok, ok.length - 3), List.of()));
        assertTrue(malformed.getMessage().startsWith("malformed work package"), malformed.getMessage());
        WorkReportException extra = assertThrows(WorkReportException.class,
                () -> n.parse(ok, List.of(new byte[] {1})));
        assertTrue(extra.getMessage().contains("1 extrinsics given, the package lists 0"), extra.getMessage());
        WorkReportException noCore = assertThrows(WorkReportException.class,
                () -> n.submit(P.coresCount(), n.parse(ok, List.of()), true, Runnable::run));
        assertTrue(noCore.getMessage().contains("does not exist"), noCore.getMessage());
        WorkReportException notMine = assertThrows(WorkReportException.class,
                () -> n.submit(0, n.parse(ok, List.of()), false, Runnable::run));
        assertTrue(notMine.getMessage().contains("not a guarantor of core 0"), notMine.getMessage());
        assertThrows(io.jamboree.codec.CodecException.class, () -> n.refineShared(1, new byte[] {1, 2, 3}));

        for (List<ReportGuarantee> pool : pools) {
            assertTrue(pool.isEmpty(), "nothing pooled");
        }
        // the node still guarantees a good package afterwards
        n.submit(1, n.parse(ok, List.of()), false, Runnable::run);
        assertEquals(1, pools.get(g).size());
    }

    @Test
    void aGuarantorComputingAnotherReportIsLeftOutAndOneAloneCannotGuarantee() {
        int[] gs = guarantorsOf(0);
        WorkReportComputation liar = (p, services, pkg, xs, core) -> {
            ComputedWorkReport c = computer.compute(p, services, pkg, xs, core);
            WorkReport r = c.report();
            WorkReport lie = new WorkReport(r.packageSpec(), r.context(), r.coreIndex(), r.authorizerHash(),
                    r.authGasUsed() + 1, r.authOutput(), r.segmentRootLookup(), r.results());
            return new ComputedWorkReport(lie, c.bundle(), c.exports());
        };
        computations.put(gs[2], liar);
        byte[] ok = encode(pkg(SampleService.authorizerCodeHash(), item(new byte[] {5}, 5_000_000)));
        GuarantorNode n = byIndex.get(gs[0]);
        n.submit(0, n.parse(ok, List.of()), false, Runnable::run);
        ReportGuarantee g = pools.get(gs[0]).getLast();
        assertEquals(List.of(gs[0], gs[1]), g.signatures().stream().map(ValidatorSignature::validatorIndex).toList(),
                "the liar's signature is not in the guarantee");

        computations.put(gs[1], liar);
        byte[] other = encode(pkg(SampleService.authorizerCodeHash(), item(new byte[] {6}, 5_000_000)));
        n.submit(0, n.parse(other, List.of()), false, Runnable::run);
        assertEquals(1, pools.get(gs[0]).size(), "one honest signature is not a guarantee");
        assertFalse(pools.get(notOn(0)).stream().anyMatch(x -> x.report().results().getFirst().payloadHash()
                .equals(new Hash(Blake2b256.hash(new byte[] {6})))));
    }

    /**
     * An offender's signature never goes into a guarantee (GP §6.3 Φ nulls the keys in ψ_O, so the reports transition
     * would refuse it, GP §11.4): with co-guarantor gs[2] in ψ_O it is not asked, and the guarantee carries the other
     * two; with gs[1] also an offender, one honest signature is no guarantee.
     */
    @Test
    void offendersDoNotSignGuarantees() {
        int[] gs = guarantorsOf(0);
        GuarantorNode.Head before = head;
        try {
            head = withOffenders(gs[2]);
            GuarantorNode n = byIndex.get(gs[0]);
            n.submit(0, n.parse(encode(pkg(SampleService.authorizerCodeHash(), item(new byte[] {7}, 5_000_000))),
                    List.of()), false, Runnable::run);
            ReportGuarantee g = pools.get(gs[0]).getLast();
            assertEquals(List.of(gs[0], gs[1]), g.signatures().stream().map(ValidatorSignature::validatorIndex).toList(),
                    "the offender's signature is not in the guarantee");

            head = withOffenders(gs[1], gs[2]);
            int pooled = pools.get(gs[0]).size();
            n.submit(0, n.parse(encode(pkg(SampleService.authorizerCodeHash(), item(new byte[] {8}, 5_000_000))),
                    List.of()), false, Runnable::run);
            assertEquals(pooled, pools.get(gs[0]).size(), "one signature beside two offenders is not a guarantee");
        } finally {
            head = before;
        }
    }

    private static GuarantorNode.Head withOffenders(int... validators) {
        List<Ed25519Public> keys = new ArrayList<>();
        for (int v : validators) {
            keys.add(genesis.kappa().get(v).ed25519());
        }
        keys.sort(null);
        ChainState g = genesis;
        ChainState s = new ChainState(g.alpha(), g.phi(), g.beta(), g.gamma(), new io.jamboree.types.DisputesRecords(
                g.psi().good(), g.psi().bad(), g.psi().wonky(), keys), g.eta(), g.iota(), g.kappa(), g.lambda(), g.rho(),
                g.tau(), g.chi(), g.pi(), g.omega(), g.xi(), g.theta(), g.services());
        return new GuarantorNode.Head(head.hash(), s);
    }

    @Test
    void bundleRoundTrips() {
        byte[] x = {1, 2, 3};
        WorkItem w = new WorkItem(SampleService.ID, SampleService.codeHash(), 5_000_000, 100_000, 0,
                new Blob(new byte[] {9}), List.of(), List.of(new io.jamboree.types.ExtrinsicSpec(
                        new Hash(Blake2b256.hash(x)), x.length)));
        WorkPackage p = pkg(SampleService.authorizerCodeHash(), w);
        WorkPackageBundle b = new WorkPackageBundle(p, List.of(List.of(x)));
        byte[] enc = b.encode(P);
        WorkPackageBundle back = WorkPackageBundle.decode(enc, P);
        assertEquals(p, back.pkg());
        assertArrayEquals(x, back.extrinsics().getFirst().getFirst());
        assertThrows(io.jamboree.codec.CodecException.class,
                () -> WorkPackageBundle.decode(Arrays.copyOf(enc, enc.length - 1), P));
        assertThrows(io.jamboree.codec.CodecException.class,
                () -> WorkPackageBundle.decode(Arrays.copyOf(enc, enc.length + 1), P));
        ComputedWorkReport c = computer.compute(P, new io.jamboree.stf.state.ServiceAccounts(genesis.services(), P), p,
                List.of(List.of(x)), 0);
        assertArrayEquals(c.bundle(), enc, "the bundle Ξ commits to");
    }

    /**
     * A package importing segments 3 and 0 of an earlier package's five exports: Ξ with the imports refines on them
     * (the sample service's import mode hashes the first), its bundle is E(p, X#, S#, J#) with the segments after the
     * extrinsic data and each ↕J_0 after them, which decodes back; each justification gives the segment root.
     */
    @Test
    void bundleWithImportsCarriesTheSegmentsAndTheirJustifications() {
        List<byte[]> exported = new java.util.ArrayList<>();
        for (int k = 0; k < 5; k++) {
            byte[] seg = new byte[P.segmentSize()];
            Arrays.fill(seg, (byte) (k + 1));
            exported.add(seg);
        }
        io.jamboree.merkle.HashFunction h = io.jamboree.merkle.HashFunction.BLAKE2B_256;
        Hash root = new Hash(io.jamboree.merkle.ConstantDepthMerkle.root(exported, h));
        Hash exporter = new Hash(Blake2b256.hash(new byte[] {42}));
        WorkItem w = new WorkItem(SampleService.ID, SampleService.codeHash(), 5_000_000, 100_000, 0,
                new Blob(new byte[] {9}), List.of(new io.jamboree.types.ImportSpec(exporter, 0x8000 | 3),
                        new io.jamboree.types.ImportSpec(root, 0)), List.of());
        WorkPackage p = pkg(SampleService.authorizerCodeHash(), w);
        List<io.jamboree.availability.ImportedSegment> imported = List.of(
                new io.jamboree.availability.ImportedSegment(exported.get(3),
                        io.jamboree.merkle.ConstantDepthMerkle.justification(exported, 3, h)),
                new io.jamboree.availability.ImportedSegment(exported.get(0),
                        io.jamboree.merkle.ConstantDepthMerkle.justification(exported, 0, h)));
        assertArrayEquals(root.bytes(), imported.get(0).root(3));
        assertArrayEquals(root.bytes(), imported.get(1).root(0));
        assertFalse(Arrays.equals(root.bytes(), imported.get(0).root(2)), "another index gives another root");
        List<io.jamboree.types.SegmentRootLookupItem> lookup = List.of(
                new io.jamboree.types.SegmentRootLookupItem(exporter, root));
        ComputedWorkReport c = computer.compute(P, new io.jamboree.stf.state.ServiceAccounts(genesis.services(), P), p,
                List.of(List.of()), new io.jamboree.guarantor.WorkPackageImports(List.of(imported), lookup), 0);
        var result = (io.jamboree.types.WorkExecResult.Ok) c.report().results().getFirst().result();
        assertArrayEquals(Blake2b256.hash(exported.get(3)), result.output().bytes(), "refined on the first import");
        assertEquals(lookup, c.report().segmentRootLookup());
        assertEquals(2, c.report().results().getFirst().refineLoad().imports());

        byte[] enc = new WorkPackageBundle(p, List.of(List.of()), List.of(imported)).encode(P);
        assertArrayEquals(c.bundle(), enc, "the bundle Ξ commits to");
        int pkgLength = WorkReportComputer.encode(P, p).length;
        assertArrayEquals(exported.get(3), Arrays.copyOfRange(enc, pkgLength, pkgLength + P.segmentSize()));
        assertArrayEquals(exported.get(0), Arrays.copyOfRange(enc, pkgLength + P.segmentSize(),
                pkgLength + 2 * P.segmentSize()));
        assertEquals(pkgLength + 2 * P.segmentSize() + 2 * (1 + 3 * 32), enc.length, "two ↕J_0 of depth 3");
        WorkPackageBundle back = WorkPackageBundle.decode(enc, P);
        assertArrayEquals(exported.get(0), back.imports().getFirst().get(1).segment());
        assertArrayEquals(root.bytes(), back.imports().getFirst().get(0).root(3));
        assertThrows(io.jamboree.codec.CodecException.class,
                () -> WorkPackageBundle.decode(Arrays.copyOf(enc, enc.length - 1), P));

        // without the imports Ξ refuses the package with the reason
        io.jamboree.guarantor.WorkReportException e = assertThrows(io.jamboree.guarantor.WorkReportException.class,
                () -> computer.compute(P, new io.jamboree.stf.state.ServiceAccounts(genesis.services(), P), p,
                        List.of(List.of()), 0));
        assertTrue(e.getMessage().contains("imports 2 segments, 0 were fetched"), e.getMessage());
    }
}
