package io.jamboree.guarantor.internal;

import io.jamboree.guarantor.WorkPackageBundle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.author.pool.Submission;
import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.internal.DevGenesis;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.erasure.internal.AdditiveFftErasureCoding;
import io.jamboree.erasure.internal.ChunkingAvailabilitySpecifier;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.AncestryItem;
import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.network.StreamKind;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.rpc.SubmissionRefusedException;
import io.jamboree.sample.SampleService;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.Blob;
import io.jamboree.types.Block;
import io.jamboree.types.Culprit;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Fault;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.Preimage;
import io.jamboree.types.RefineContext;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.Verdict;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guarantor's JAMNP-S handlers (CE 133, 134, 135, 136, 146) and RPC submitter on a {@link GuarantorComponent}
 * holding the three dev validators P(η_2, 0) puts on core 0 of the tiny dev genesis, fed scripted streams: a good
 * submission is guaranteed with three signatures and pooled; malformed messages are protocol violations, packages
 * that cannot be guaranteed reset the stream with the reason, and neither pools anything.
 */
class GuarantorHandlersTest {
    private static final ChainParams P = ChainParams.tiny();
    private static ChainSpec spec;
    private static ChainState genesis;
    private static WorkReportComputer computer;

    private final List<ReportGuarantee> pool = new CopyOnWriteArrayList<>();
    private GuarantorComponent guarantor;
    private int[] onCore0;

    @BeforeAll
    static void setUp() {
        spec = DevGenesis.spec(P);
        genesis = StateCodec.decode(spec.genesisState(), P);
        InterpreterEngine engine = new InterpreterEngine();
        PvmInvocationsComponent pvm = new PvmInvocationsComponent();
        computer = new WorkReportComputer(pvm.isAuthorization(engine), pvm.refinement(engine),
                new ChunkingAvailabilitySpecifier(new AdditiveFftErasureCoding()));
    }

    @BeforeEach
    void component() {
        onCore0 = GuaranteeSigning.guarantorsOf(P, genesis.eta().get(2), genesis.tau(), 0);
        List<ValidatorSecrets> keys = new ArrayList<>();
        for (int v : onCore0) {
            keys.add(DevKeys.secrets(v));
        }
        guarantor = new GuarantorComponent(importer(), () -> keys, pool());
        guarantor.computation = computer;
    }

    private static BlockImporter importer() {
        return new BlockImporter() {
            @Override
            public ChainParams params() {
                return P;
            }

            @Override
            public Hash initialize(Header header, List<KeyValue> state, List<AncestryItem> ancestry) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ImportOutcome importBlock(Block block) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<List<KeyValue>> state(Hash headerHash) {
                return headerHash.equals(spec.genesisHash()) ? Optional.of(spec.genesisState()) : Optional.empty();
            }

            @Override
            public Optional<Hash> bestHead() {
                return Optional.of(spec.genesisHash());
            }
        };
    }

    private ExtrinsicPool pool() {
        return new ExtrinsicPool() {
            @Override
            public Submission submitTicket(TicketEnvelope ticket) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Submission submitPreimage(Preimage preimage) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Submission submitGuarantee(ReportGuarantee g) {
                pool.add(g);
                return new Submission.Accepted();
            }

            @Override
            public Submission submitAssurance(AvailAssurance assurance) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Submission submitVerdict(Verdict verdict) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Submission submitCulprit(Culprit culprit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Submission submitFault(Fault fault) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int size() {
                return pool.size();
            }
        };
    }

    /** A scripted incoming stream: the messages the peer sends (then FIN), what this side wrote, finished or reset. */
    private static final class ScriptedStream implements Stream {
        final ArrayDeque<byte[]> incoming = new ArrayDeque<>();
        final List<byte[]> written = new ArrayList<>();
        boolean finished;
        String reset;

        ScriptedStream(byte[]... messages) {
            incoming.addAll(Arrays.asList(messages));
        }

        @Override
        public PeerId peer() {
            return new PeerId(new byte[32]);
        }

        @Override
        public StreamKind kind() {
            return StreamKind.of(133);
        }

        @Override
        public long id() {
            return 0;
        }

        @Override
        public boolean isLocal() {
            return false;
        }

        @Override
        public int maxMessage() {
            return 1 << 24;
        }

        @Override
        public byte[] read() {
            return incoming.poll();
        }

        @Override
        public byte[] read(Duration timeout) {
            return incoming.poll();
        }

        @Override
        public void write(byte[] message) throws StreamException {
            written.add(message);
        }

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void reset(String reason) {
            reset = reason;
        }

        @Override
        public boolean isOpen() {
            return !finished && reset == null;
        }
    }

    private static byte[] encodedPackage(byte[] payload, Hash authCodeHash) {
        Hash g = genesis.beta().history().getFirst().headerHash();
        WorkPackage p = new WorkPackage(SampleService.ID, authCodeHash, new RefineContext(g, Hash.ZERO, Hash.ZERO, g, 0,
                List.of()), Blob.EMPTY, Blob.EMPTY, List.of(new WorkItem(SampleService.ID, SampleService.codeHash(),
                        5_000_000, 100_000, 0, new Blob(payload), List.of(), List.of())));
        Encoder e = new Encoder();
        p.encode(e, P);
        return e.toByteArray();
    }

    private static <H extends io.jamboree.network.StreamHandler> H bound(H h, GuarantorComponent g) {
        switch (h) {
            case WorkPackageSubmissionHandler x -> x.bindGuarantor(g);
            case BundleSubmissionHandler x -> x.bindGuarantor(g);
            case WorkPackageSharingHandler x -> x.bindGuarantor(g);
            case WorkReportDistributionHandler x -> x.bindGuarantor(g);
            case WorkReportRequestHandler x -> x.bindGuarantor(g);
            default -> throw new AssertionError(h);
        }
        return h;
    }

    private void awaitPool(int n) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (pool.size() < n && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(n, pool.size(), "pooled guarantees");
    }

    @Test
    void ce133GoodSubmissionIsGuaranteedAndServedByCe136() throws Exception {
        byte[] p = encodedPackage(new byte[] {1, 2, 3}, SampleService.authorizerCodeHash());
        ScriptedStream s = new ScriptedStream(GuarantorMessages.submission(0, p), new byte[0]);
        bound(new WorkPackageSubmissionHandler(), guarantor).handle(s);
        assertNull(s.reset);
        assertTrue(s.finished);
        awaitPool(1);
        ReportGuarantee g = pool.getFirst();
        assertEquals(List.of(onCore0[0], onCore0[1], onCore0[2]),
                g.signatures().stream().map(ValidatorSignature::validatorIndex).toList());
        Hash h = g.report().hash(P);
        ScriptedStream ask = new ScriptedStream(h.bytes());
        bound(new WorkReportRequestHandler(), guarantor).handle(ask);
        assertArrayEquals(g.report().toBytes(P), ask.written.getFirst());
        ScriptedStream unknown = new ScriptedStream(new byte[32]);
        bound(new WorkReportRequestHandler(), guarantor).handle(unknown);
        assertTrue(unknown.reset.contains("not known"), unknown.reset);
        assertThrows(ProtocolViolationException.class,
                () -> bound(new WorkReportRequestHandler(), guarantor).handle(new ScriptedStream(new byte[5])));
    }

    @Test
    void ce146BundleWithoutImportsIsGuaranteed() throws Exception {
        byte[] p = encodedPackage(new byte[] {4}, SampleService.authorizerCodeHash());
        ScriptedStream s = new ScriptedStream(GuarantorMessages.coreWithoutMappings(0), p, new byte[0], new byte[0],
                new byte[0]);
        bound(new BundleSubmissionHandler(), guarantor).handle(s);
        assertNull(s.reset);
        awaitPool(1);
        ScriptedStream imports = new ScriptedStream(GuarantorMessages.coreWithoutMappings(0), p, new byte[0],
                new byte[4104], new byte[0]);
        bound(new BundleSubmissionHandler(), guarantor).handle(imports);
        assertTrue(imports.reset.contains("imported segments"), imports.reset);
    }

    @Test
    void malformedOrRefusedSubmissionsPoolNothing() throws Exception {
        WorkPackageSubmissionHandler h = bound(new WorkPackageSubmissionHandler(), guarantor);
        // no core index
        assertThrows(ProtocolViolationException.class, () -> h.handle(new ScriptedStream(new byte[] {0}, new byte[0])));
        // FIN where the extrinsic data belongs
        assertThrows(ProtocolViolationException.class, () -> h.handle(new ScriptedStream(
                GuarantorMessages.submission(0, encodedPackage(new byte[] {1}, SampleService.authorizerCodeHash())))));
        // a first message over 2 + 200 KiB
        assertThrows(ProtocolViolationException.class, () -> h.handle(new ScriptedStream(
                new byte[2 + GuarantorNode.MAX_PACKAGE_BYTES + 1], new byte[0])));
        // not a work package
        ScriptedStream garbage = new ScriptedStream(GuarantorMessages.submission(0, new byte[] {9, 9, 9}), new byte[0]);
        h.handle(garbage);
        assertTrue(garbage.reset.contains("malformed work package"), garbage.reset);
        // extrinsic data the package does not list
        ScriptedStream extra = new ScriptedStream(GuarantorMessages.submission(0,
                encodedPackage(new byte[] {1}, SampleService.authorizerCodeHash())), new byte[] {1});
        h.handle(extra);
        assertTrue(extra.reset.contains("does not fit"), extra.reset);
        // not authorized
        ScriptedStream unauthorized = new ScriptedStream(GuarantorMessages.submission(0,
                encodedPackage(new byte[] {1}, new Hash(new byte[32]))), new byte[0]);
        h.handle(unauthorized);
        assertTrue(unauthorized.reset.contains("not authorized"), unauthorized.reset);
        // a core this node does not guarantee
        ScriptedStream otherCore = new ScriptedStream(GuarantorMessages.submission(1,
                encodedPackage(new byte[] {1}, SampleService.authorizerCodeHash())), new byte[0]);
        h.handle(otherCore);
        assertTrue(otherCore.reset.contains("not a guarantor of core 1"), otherCore.reset);
        // the RPC path refuses the same way
        SubmissionRefusedException rpc = assertThrows(SubmissionRefusedException.class, () -> guarantor.submit(0,
                encodedPackage(new byte[] {1}, new Hash(new byte[32])), List.of()));
        assertTrue(rpc.getMessage().contains("not authorized"), rpc.getMessage());
        // CE 134 with a bundle that does not decode, and CE 135 with a malformed or forged guarantee
        assertThrows(ProtocolViolationException.class, () -> bound(new WorkPackageSharingHandler(), guarantor)
                .handle(new ScriptedStream(GuarantorMessages.coreWithoutMappings(0), new byte[] {1, 2})));
        assertThrows(ProtocolViolationException.class, () -> bound(new WorkReportDistributionHandler(), guarantor)
                .handle(new ScriptedStream(new byte[] {1, 2, 3})));
        Thread.sleep(500);
        assertTrue(pool.isEmpty(), "nothing pooled");

        // and a good package still goes through
        h.handle(new ScriptedStream(GuarantorMessages.submission(0,
                encodedPackage(new byte[] {1}, SampleService.authorizerCodeHash())), new byte[0]));
        awaitPool(1);
        ReportGuarantee good = pool.getFirst();
        List<ValidatorSignature> forged = List.of(good.signatures().get(0),
                new ValidatorSignature(good.signatures().get(1).validatorIndex(), new Ed25519Signature(new byte[64])));
        Encoder e = new Encoder();
        new ReportGuarantee(good.report(), good.slot(), forged).encode(e, P);
        ProtocolViolationException bad = assertThrows(ProtocolViolationException.class,
                () -> bound(new WorkReportDistributionHandler(), guarantor).handle(new ScriptedStream(e.toByteArray())));
        assertTrue(bad.getMessage().contains("bad signature"), bad.getMessage());
        assertEquals(1, pool.size());
    }

    @Test
    void ce134SharingAnswersWithTheReportHashAndASignature() throws Exception {
        byte[] p = encodedPackage(new byte[] {7}, SampleService.authorizerCodeHash());
        byte[] bundle = p; // no extrinsics, no imports: the bundle is E(p)
        ScriptedStream s = new ScriptedStream(GuarantorMessages.coreWithoutMappings(0), bundle);
        bound(new WorkPackageSharingHandler(), guarantor).handle(s);
        assertTrue(s.finished);
        GuarantorNode.ShareResponse r = GuarantorMessages.shareResponse(s.written.getFirst());
        Hash expected = computer.compute(P, new io.jamboree.stf.state.ServiceAccounts(genesis.services(), P),
                WorkPackageBundle.decode(bundle, P).pkg(), List.of(List.of()), 0).report().hash(P);
        assertEquals(expected, r.reportHash());
        assertTrue(GuaranteeSigning.verify(genesis.kappa().get(onCore0[0]).ed25519().bytes(), expected,
                r.signature().bytes()));
        // core 1: this node's validator guards it in the next rotation (tiny: R = 4, the cores shift by one per
        // rotation), so it signs as well, for an asker whose head is a rotation ahead (GP eq. 11.25–11.26: the
        // asker's slot decides between M and M*); the node's own submissions stay with the current rotation
        ScriptedStream other = new ScriptedStream(GuarantorMessages.coreWithoutMappings(1), bundle);
        bound(new WorkPackageSharingHandler(), guarantor).handle(other);
        assertTrue(other.finished, "a co-guarantor of the next rotation signs: " + other.reset);
        GuarantorNode.ShareResponse r1 = GuarantorMessages.shareResponse(other.written.getFirst());
        Hash expected1 = computer.compute(P, new io.jamboree.stf.state.ServiceAccounts(genesis.services(), P),
                WorkPackageBundle.decode(bundle, P).pkg(), List.of(List.of()), 1).report().hash(P);
        assertEquals(expected1, r1.reportHash());
    }
}
