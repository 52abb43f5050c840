package io.jamboree.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.BundleFetcher;
import io.jamboree.availability.ImportedSegment;
import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.internal.DevGenesis;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.erasure.internal.AdditiveFftErasureCoding;
import io.jamboree.erasure.internal.ChunkingAvailabilitySpecifier;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.guarantor.WorkPackageBundle;
import io.jamboree.guarantor.WorkPackageImports;
import io.jamboree.guarantor.WorkReportComputation;
import io.jamboree.guarantor.internal.WorkReportComputer;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.merkle.ConstantDepthMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.sample.SampleService;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.types.Blob;
import io.jamboree.types.Block;
import io.jamboree.types.ExtrinsicSpec;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.ImportSpec;
import io.jamboree.types.SegmentRootLookupItem;
import io.jamboree.types.RefineContext;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit proper on the tiny dev genesis with its sample service, through the node's real Ξ (Ψ_I and Ψ_R on the
 * PVM interpreter, the real availability specifier): the guarantor's report of a package is judged valid; the same
 * report with one digest's refine output altered (what the lying-guarantor plugin does) is judged invalid, as is a
 * report whose bundle does not decode or whose extrinsic does not match its hash; without a bundle there is no
 * judgment.
 */
class ReexecutionCheckTest {
    private static final ChainParams P = ChainParams.tiny();
    private static List<KeyValue> state;
    private static WorkReportComputation xi;
    private static ComputedWorkReport honest;

    @BeforeAll
    static void setUp() {
        ChainSpec spec = DevGenesis.spec(P);
        state = spec.genesisState();
        ChainState genesis = StateCodec.decode(state, P);
        InterpreterEngine engine = new InterpreterEngine();
        xi = new WorkReportComputer(new PvmInvocationsComponent().isAuthorization(engine),
                new PvmInvocationsComponent().refinement(engine),
                new ChunkingAvailabilitySpecifier(new AdditiveFftErasureCoding()));
        Hash g = genesis.beta().history().getFirst().headerHash();
        byte[] x = "extrinsic data".getBytes(StandardCharsets.US_ASCII);
        WorkItem item = new WorkItem(SampleService.ID, SampleService.codeHash(), 5_000_000, 100_000, 0,
                new Blob("audit me".getBytes(StandardCharsets.US_ASCII)), List.of(),
                List.of(new ExtrinsicSpec(new Hash(Blake2b256.hash(x)), x.length)));
        WorkPackage pkg = new WorkPackage(SampleService.ID, SampleService.authorizerCodeHash(),
                new RefineContext(g, Hash.ZERO, Hash.ZERO, g, 0, List.of()), Blob.EMPTY, Blob.EMPTY, List.of(item));
        honest = xi.compute(P, new ServiceAccounts(genesis.services(), P), pkg, List.of(List.of(x)), 1);
    }

    private static ReexecutionCheck check(BundleFetcher fetcher) {
        return new ReexecutionCheck(new GenesisOnly(), P, () -> fetcher, () -> xi);
    }

    private static WorkReport lie(WorkReport r) {
        List<WorkDigest> ds = new ArrayList<>();
        for (WorkDigest d : r.results()) {
            ds.add(new WorkDigest(d.serviceId(), d.codeHash(), d.payloadHash(), d.accumulateGas(),
                    new WorkExecResult.Ok(new Blob(new byte[] {6, 6, 6})), d.refineLoad()));
        }
        return new WorkReport(r.packageSpec(), r.context(), r.coreIndex(), r.authorizerHash(), r.authGasUsed(),
                r.authOutput(), r.segmentRootLookup(), ds);
    }

    @Test
    void theHonestReportIsValidAndTheLieIsNot() throws Exception {
        WorkReport r = honest.report();
        ReexecutionCheck c = check(w -> honest.bundle());
        assertTrue(c.valid(null, r, r.hash(P)));
        WorkReport wrong = lie(r);
        assertFalse(c.valid(null, wrong, wrong.hash(P)));
    }

    @Test
    void aBadBundleMeansAnInvalidReport() throws Exception {
        WorkReport r = honest.report();
        byte[] tampered = honest.bundle();
        tampered[tampered.length - 1] ^= 1; // the extrinsic no longer matches its hash
        assertFalse(check(w -> tampered).valid(null, r, r.hash(P)));
        assertFalse(check(w -> new byte[] {1, 2, 3}).valid(null, r, r.hash(P)), "does not decode");
        byte[] longer = java.util.Arrays.copyOf(honest.bundle(), honest.bundle().length + 1);
        assertFalse(check(w -> longer).valid(null, r, r.hash(P)), "trailing octets");
    }

    /**
     * A package importing segment 3 of an earlier package's five exports by that package's hash (h^⊞, resolved through
     * the report's lookup) and segment 0 by segment root: the bundle carries both with their justifications, so the
     * auditor re-executes it as the guarantor did and finds the report valid; a segment altered in the bundle, a lookup
     * that points elsewhere, or a report whose refine output is a lie, is invalid.
     */
    @Test
    void aPackageWithImportsIsAuditedFromItsBundle() throws Exception {
        List<byte[]> exported = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            byte[] seg = new byte[P.segmentSize()];
            java.util.Arrays.fill(seg, (byte) (k + 1));
            exported.add(seg);
        }
        HashFunction h = HashFunction.BLAKE2B_256;
        Hash root = new Hash(ConstantDepthMerkle.root(exported, h));
        Hash exporter = new Hash(Blake2b256.hash(new byte[] {42}));
        ChainState genesis = StateCodec.decode(state, P);
        Hash g = genesis.beta().history().getFirst().headerHash();
        WorkItem w = new WorkItem(SampleService.ID, SampleService.codeHash(), 5_000_000, 100_000, 0,
                new Blob(new byte[] {9}), List.of(new ImportSpec(exporter, 0x8000 | 3), new ImportSpec(root, 0)),
                List.of());
        WorkPackage pkg = new WorkPackage(SampleService.ID, SampleService.authorizerCodeHash(),
                new RefineContext(g, Hash.ZERO, Hash.ZERO, g, 0, List.of()), Blob.EMPTY, Blob.EMPTY, List.of(w));
        List<ImportedSegment> imported = List.of(
                new ImportedSegment(exported.get(3), ConstantDepthMerkle.justification(exported, 3, h)),
                new ImportedSegment(exported.get(0), ConstantDepthMerkle.justification(exported, 0, h)));
        List<SegmentRootLookupItem> lookup = List.of(new SegmentRootLookupItem(exporter, root));
        ComputedWorkReport c = xi.compute(P, new ServiceAccounts(genesis.services(), P), pkg, List.of(List.of()),
                new WorkPackageImports(List.of(imported), lookup), 0);
        WorkReport r = c.report();
        assertEquals(lookup, r.segmentRootLookup());
        assertTrue(check(x -> c.bundle()).valid(null, r, r.hash(P)), "the honest report of a package with imports");

        WorkReport wrong = lie(r);
        assertFalse(check(x -> c.bundle()).valid(null, wrong, wrong.hash(P)), "a lie about its refine output");

        // the first imported segment sits right after the package (no extrinsic data): one octet changed
        byte[] tampered = c.bundle().clone();
        tampered[WorkPackageBundle.decode(c.bundle(), P).encode(P).length - 2 * P.segmentSize()
                - 2 * (1 + 3 * 32)] ^= 1;
        assertFalse(check(x -> tampered).valid(null, r, r.hash(P)), "a segment that does not match its justification");

        WorkReport elsewhere = new WorkReport(r.packageSpec(), r.context(), r.coreIndex(), r.authorizerHash(),
                r.authGasUsed(), r.authOutput(), List.of(new SegmentRootLookupItem(exporter, Hash.ZERO)), r.results());
        assertFalse(check(x -> c.bundle()).valid(null, elsewhere, elsewhere.hash(P)),
                "a lookup entry that is not the exporter's segment root");
    }

    @Test
    void noBundleNoJudgment() {
        WorkReport r = honest.report();
        assertThrows(AuditPorts.CannotAuditException.class, () -> check(null).valid(null, r, r.hash(P)));
        assertThrows(AuditPorts.CannotAuditException.class, () -> check(w -> {
            throw new AvailabilityException("no chunks");
        }).valid(null, r, r.hash(P)));
    }

    /** An importer that knows only the genesis state (the lookup anchor of the package). */
    private static final class GenesisOnly implements BlockImporter {
        @Override public ChainParams params() { return P; }
        @Override public Hash initialize(Header h, List<KeyValue> s, List<io.jamboree.importer.AncestryItem> a) {
            throw new UnsupportedOperationException();
        }
        @Override public ImportOutcome importBlock(Block block) { throw new UnsupportedOperationException(); }
        @Override public Optional<List<KeyValue>> state(Hash h) { return Optional.of(state); }
        @Override public Optional<Hash> bestHead() { return Optional.empty(); }
    }
}
