package io.jamboree.author.internal;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.internal.ChainSpecsComponent;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.stf.state.ChainState;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.BandersnatchRingVrfSignature;
import io.jamboree.types.Culprit;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Fault;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorKeys;
import io.jamboree.types.Verdict;
import io.jamboree.author.SlotOutcome;
import io.jamboree.author.pool.Submission;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.importer.BlockImporter;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.stf.preimages.PreimageAccount;
import io.jamboree.stf.preimages.PreimagesInput;
import io.jamboree.stf.preimages.PreimagesState;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Block;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Extrinsic;
import io.jamboree.types.Hash;
import io.jamboree.types.Preimage;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.WorkReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The author fills blocks from its {@link PendingExtrinsics}: on the published trace states
 * (jam-test-vectors-0.7.2/traces/preimages, tiny, found by {@link VectorsFolder}) the published guarantees and
 * assurances are included, forged ones (bad signature, wrong anchor, a report whose package hash no longer matches its
 * guarantors' signatures) and duplicates are left out, and the block imports. Preimages: the items of the published
 * preimages STF vector (stf/preimages/tiny/preimage_needed-2) on that vector's requests. Disputes: the items of the
 * published disputes STF vector (stf/disputes/tiny/progress_with_verdicts-4) on that vector's state. Tickets: proven
 * ones submitted to the pool enter the block (the importer's Safrole checks them), a forged proof does not.
 */
class ExtrinsicPoolTest {
    private static final ChainParams P = ChainParams.tiny();

    private static List<LocalKey> devKeys() {
        List<LocalKey> keys = new ArrayList<>();
        for (int i = 0; i < P.validatorsCount(); i++) {
            keys.add(LocalKey.dev(i));
        }
        return keys;
    }

    /** An importer started at the parent of trace step {@code s} with the published prior state plus {@code extra}. */
    private static BlockImporter importerAt(TraceSteps.Step s, List<KeyValue> extra) {
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(),
                new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        List<KeyValue> kvs = new ArrayList<>(s.pre().keyvals());
        kvs.addAll(extra);
        importer.initialize(s.block().header().parent(), kvs, List.of());
        return importer;
    }

    private static TraceSteps.Step step(int n) {
        return TraceSteps.read("preimages", P).get(n - 1);
    }

    private static Ed25519Signature corrupt(Ed25519Signature sig) {
        byte[] b = sig.bytes().clone();
        b[5] ^= 1;
        return new Ed25519Signature(b);
    }

    @Test
    void publishedGuaranteesAndAssurancesAreIncludedForgedOnesLeftOut() {
        // step 4: one guarantee, four assurances (validators of 0..5)
        TraceSteps.Step s = step(4);
        Extrinsic published = s.block().extrinsic();
        List<AvailAssurance> assurances = published.assurances().assurances();
        ReportGuarantee guarantee = published.guarantees().guarantees().get(0);
        assertEquals(4, assurances.size(), s.name());

        PendingExtrinsics pool = new PendingExtrinsics(P, 64);
        // a report whose package hash changed: its guarantors' signatures no longer match (GP 11.26), same core
        WorkReport r = guarantee.report();
        AvailabilitySpec spec = r.packageSpec();
        WorkReport forgedReport = new WorkReport(new AvailabilitySpec(new Hash(Blake2b256.hash(spec.hash().bytes())),
                spec.length(), spec.erasureRoot(), spec.exportsRoot(), spec.exportsCount()), r.context(), r.coreIndex(),
                r.authorizerHash(), r.authGasUsed(), r.authOutput(), r.segmentRootLookup(), r.results());
        assertTrue(pool.submitGuarantee(new ReportGuarantee(forgedReport, guarantee.slot(), guarantee.signatures()))
                .accepted());
        assertTrue(pool.submitGuarantee(guarantee).accepted());
        assertInstanceOf(Submission.Duplicate.class, pool.submitGuarantee(guarantee));

        // the published assurances in reverse order; then forged ones for the validators that did not assure
        for (int i = assurances.size() - 1; i >= 0; i--) {
            assertTrue(pool.submitAssurance(assurances.get(i)).accepted());
        }
        assertInstanceOf(Submission.Duplicate.class, pool.submitAssurance(assurances.get(0)));
        List<Integer> missing = new ArrayList<>();
        for (int v = 0; v < P.validatorsCount(); v++) {
            missing.add(v);
        }
        for (AvailAssurance a : assurances) {
            missing.remove(Integer.valueOf(a.validatorIndex()));
        }
        assertEquals(2, missing.size());
        AvailAssurance model = assurances.get(0);
        // another validator's index on a published assurance: the signature is not theirs (GP 11.13)
        assertTrue(pool.submitAssurance(new AvailAssurance(model.anchor(), model.bitfield(), missing.get(0),
                model.signature())).accepted());
        // a wrong anchor (GP 11.11)
        assertTrue(pool.submitAssurance(new AvailAssurance(s.block().header().parentStateRoot(), model.bitfield(),
                missing.get(1), corrupt(model.signature()))).accepted());
        assertInstanceOf(Submission.Refused.class, pool.submitAssurance(new AvailAssurance(model.anchor(),
                model.bitfield(), P.validatorsCount(), model.signature())));

        BlockImporter importer = importerAt(s, List.of());
        List<Block> authored = new ArrayList<>();
        NodeAuthor author = new NodeAuthor(importer, devKeys(), b -> authored.add(b.block()), () -> {
            throw new AssertionError("no ring proofs in a fallback trace");
        }, false, pool);
        SlotOutcome out = author.authorSlot(s.block().header().slot());
        assertInstanceOf(SlotOutcome.Authored.class, out, s.name() + ": " + out);
        Extrinsic x = authored.get(0).extrinsic();
        assertEquals(published.guarantees(), x.guarantees());
        assertEquals(published.assurances(), x.assurances());
        assertTrue(x.preimages().preimages().isEmpty());
        // after the block, its parent is no more the head: every pooled assurance is stale and evicted next time
        author.authorSlot(s.block().header().slot() + 1);
        assertTrue(pool.assurances.isEmpty(), "stale assurances evicted");
        assertTrue(!pool.guarantees.containsKey(spec.hash()), "the reported package is evicted");
        assertEquals(1, pool.guarantees.size(), "the forged report stays until it is too old");
    }

    @Test
    void onlySolicitedPreimagesNotYetProvidedAreIncludedByServiceThenHash() throws IOException {
        // the published preimages STF vector: service 3 solicits one blob (length 46) and already holds another
        Decoder d = new Decoder(Files.readAllBytes(VectorsFolder.require("jam-test-vectors-0.7.2/stf/preimages/tiny")
                .resolve("preimage_needed-2.bin")));
        PreimagesInput input = PreimagesInput.decode(d, P);
        PreimagesState state = PreimagesState.decode(d, P);
        PreimageAccount account = state.accounts().get(0);
        List<Preimage> valid = input.preimages().preimages();
        assertEquals(1, valid.size());

        // the vector's service account data, put under a service of the trace state (one that a guarantee reports)
        TraceSteps.Step s = step(4);
        long sid = s.block().extrinsic().guarantees().guarantees().get(0).report().results().get(0).serviceId();
        List<KeyValue> extra = new ArrayList<>();
        for (PreimageAccount.BlobEntry b : account.preimages()) {
            extra.add(new KeyValue(StateKey.preimage(sid, b.hash().bytes()), b.blob().bytes()));
        }
        for (PreimageAccount.Request q : account.requests()) {
            Encoder e = new Encoder().natural(q.slots().size());
            for (long t : q.slots()) {
                e.u32(t);
            }
            extra.add(new KeyValue(StateKey.request(sid, q.hash().bytes(), q.length()), e.toByteArray()));
        }
        PendingExtrinsics pool = new PendingExtrinsics(P, 64);
        Preimage solicited = new Preimage(sid, valid.get(0).blob());
        // the blob the account already holds (preimage_not_needed-1's first item): provided, left out and evicted
        Preimage provided = new Preimage(sid, account.preimages().get(0).blob());
        Preimage unsolicitedService = new Preimage(sid + 1, valid.get(0).blob());
        assertTrue(pool.submitPreimage(unsolicitedService).accepted());
        assertTrue(pool.submitPreimage(provided).accepted());
        assertTrue(pool.submitPreimage(solicited).accepted());
        assertInstanceOf(Submission.Duplicate.class, pool.submitPreimage(solicited));

        BlockImporter importer = importerAt(s, extra);
        List<Block> authored = new ArrayList<>();
        NodeAuthor author = new NodeAuthor(importer, devKeys(), b -> authored.add(b.block()), () -> {
            throw new AssertionError("no ring proofs in a fallback trace");
        }, false, pool);
        SlotOutcome out = author.authorSlot(s.block().header().slot());
        assertInstanceOf(SlotOutcome.Authored.class, out, out.toString());
        assertEquals(List.of(solicited), authored.get(0).extrinsic().preimages().preimages());
        // imported: the blob is now provided, so the pool drops it
        var post = StateCodec.decode(importer.state(importer.bestHead().orElseThrow()).orElseThrow(), P);
        assertTrue(post.services().containsKey(StateKey.preimage(sid,
                Blake2b256.hash(solicited.blob().bytes()))));
        author.authorSlot(s.block().header().slot() + 1);
        assertTrue(pool.preimages.values().stream().noneMatch(p -> p.equals(solicited) || p.equals(provided)));
    }

    @Test
    void disputesOfThePublishedVectorAreSelectedForgedOnesLeftOut() throws IOException {
        // stf/disputes/tiny/progress_with_verdicts-4: two verdicts, two culprits and a fault, accepted
        Decoder d = new Decoder(Files.readAllBytes(VectorsFolder.require("jam-test-vectors-0.7.2/stf/disputes/tiny")
                .resolve("progress_with_verdicts-4.bin")));
        DisputesExtrinsic published = DisputesExtrinsic.decode(d, P);
        DisputesRecords psi = DisputesRecords.decode(d, P);
        AvailabilityAssignments rho = AvailabilityAssignments.decode(d, P);
        long tau = d.u32();
        ValidatorKeys kappa = ValidatorKeys.decode(d, P);
        ValidatorKeys lambda = ValidatorKeys.decode(d, P);
        assertEquals(0, d.u8(), "the vector's output is ok");
        List<Ed25519Public> mark = d.varSeq(Ed25519Public.SIZE, "offenders_mark", Ed25519Public::decode);
        assertEquals(2, published.verdicts().size());
        assertEquals(2, published.culprits().size());
        assertEquals(1, published.faults().size());

        ChainState b = StateCodec.decode(TraceSteps.genesis("fallback", P).state().keyvals(), P);
        ChainState pre = new ChainState(b.alpha(), b.phi(), b.beta(), b.gamma(), psi, b.eta(), b.iota(), kappa, lambda,
                rho, tau, b.chi(), b.pi(), b.omega(), b.xi(), b.theta(), b.services());

        PendingExtrinsics pool = new PendingExtrinsics(P, 64);
        Verdict v0 = published.verdicts().get(0);
        // a verdict on another report with the same judgements: the signatures are not over its hash (GP 10.3)
        assertTrue(pool.submitVerdict(new Verdict(new Hash(Blake2b256.hash(v0.target().bytes())), v0.age(),
                v0.votes())).accepted());
        for (Verdict v : published.verdicts()) {
            assertTrue(pool.submitVerdict(v).accepted());
        }
        assertInstanceOf(Submission.Duplicate.class, pool.submitVerdict(v0));
        for (Culprit c : published.culprits()) {
            assertTrue(pool.submitCulprit(c).accepted());
        }
        Culprit c0 = published.culprits().get(0);
        Ed25519Public other = null;
        for (ValidatorKey k : kappa.keys()) {
            if (published.culprits().stream().noneMatch(c -> c.key().equals(k.ed25519()))) {
                other = k.ed25519();
                break;
            }
        }
        // another validator's key on a published culprit: not its signature (GP 10.5)
        assertTrue(pool.submitCulprit(new Culprit(c0.target(), other, c0.signature())).accepted());
        for (Fault f : published.faults()) {
            assertTrue(pool.submitFault(f).accepted());
        }
        Fault f0 = published.faults().get(0);
        // a fault on a report nobody judged (GP 10.6)
        assertTrue(pool.submitFault(new Fault(new Hash(Blake2b256.hash(f0.target().bytes())), f0.vote(), f0.key(),
                f0.signature())).accepted());

        ExtrinsicSelection.DisputesChoice choice;
        synchronized (pool) {
            choice = new ExtrinsicSelection(P).disputes(pool, pre, true);
        }
        assertEquals(published.verdicts(), choice.extrinsic().verdicts());
        assertEquals(published.culprits(), choice.extrinsic().culprits());
        assertEquals(published.faults(), choice.extrinsic().faults());
        assertEquals(mark, choice.result().offendersMark());
    }

    @Test
    void submittedTicketsAreIncludedAForgedOneIsDropped() {
        // the tiny dev genesis; the node holds the six dev keys but submits no tickets of its own
        ChainSpec spec = new ChainSpecsComponent().dev(P);
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(),
                new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        importer.initialize(spec.genesisHeader(), spec.genesisState(), List.of());
        ChainState g = StateCodec.decode(spec.genesisState(), P);
        // validator 0's tickets for the genesis contest (slot 1: η'_2 = η_2, γ'_k = γ_k), as a peer would send them
        TicketGenerator gen = new TicketGenerator(() -> NodeAuthor.defaultProver(P));
        Hash eta2 = g.eta().get(2);
        List<TicketEnvelope> envelopes = new ArrayList<>();
        for (TicketGenerator.Candidate c : gen.candidates(eta2, g.gamma().pendingValidators(),
                List.of(LocalKey.dev(0)), P.ticketEntriesPerValidator())) {
            envelopes.add(gen.prove(c, eta2, g.gamma().pendingValidators()));
        }
        PendingExtrinsics pool = new PendingExtrinsics(P, 64);
        // a ticket of another contest (entropy not η'_2): its proof does not verify here (GP 6.29)
        Hash otherEta = new Hash(Blake2b256.hash(eta2.bytes()));
        TicketGenerator.Candidate oc = gen.candidates(otherEta, g.gamma().pendingValidators(), List.of(LocalKey.dev(0)),
                1).get(0);
        assertTrue(pool.submitTicket(gen.prove(oc, otherEta, g.gamma().pendingValidators())).accepted());
        for (TicketEnvelope e : envelopes) {
            assertTrue(pool.submitTicket(e).accepted());
        }
        assertInstanceOf(Submission.Duplicate.class, pool.submitTicket(envelopes.get(1)));
        // the same identifier with another proof is a duplicate too (the identifier is the proof's VRF output)
        byte[] forged = envelopes.get(0).signature().bytes().clone();
        forged[40] ^= 1;
        assertInstanceOf(Submission.Duplicate.class,
                pool.submitTicket(new TicketEnvelope(0, new BandersnatchRingVrfSignature(forged))));
        assertInstanceOf(Submission.Refused.class, pool.submitTicket(new TicketEnvelope(P.ticketEntriesPerValidator(),
                envelopes.get(0).signature())));

        List<Block> authored = new ArrayList<>();
        NodeAuthor author = new NodeAuthor(importer, devKeys(), b -> authored.add(b.block()),
                () -> NodeAuthor.defaultProver(P), false, pool);
        SlotOutcome out = author.authorSlot(1);
        assertInstanceOf(SlotOutcome.Authored.class, out, out.toString());
        assertEquals(P.ticketEntriesPerValidator(), pool.tickets.size(), "the other contest's ticket is dropped");
        List<TicketEnvelope> expected = new ArrayList<>(envelopes);
        expected.sort((a, b) -> new Hash(BandersnatchVrf.vrfOutput(a.signature().bytes())).compareTo(
                new Hash(BandersnatchVrf.vrfOutput(b.signature().bytes()))));
        assertEquals(Math.min(P.maxTicketsPerBlock(), expected.size()), authored.get(0).extrinsic().tickets().tickets()
                .size());
        assertEquals(expected.subList(0, Math.min(P.maxTicketsPerBlock(), expected.size())),
                authored.get(0).extrinsic().tickets().tickets());
    }

    @Test
    void aKindTheImporterRejectsIsDroppedAndTheBlockAuthoredAgain() {
        // preimages step 4 guarantees a report anchored at genesis; an importer given an ancestry without genesis
        // rejects it (GP 11.35), a check the selection leaves to the import: the block is made again without it
        TraceSteps.Step s = step(4);
        Extrinsic published = s.block().extrinsic();
        PendingExtrinsics pool = new PendingExtrinsics(P, 64);
        assertTrue(pool.submitGuarantee(published.guarantees().guarantees().get(0)).accepted());
        for (AvailAssurance a : published.assurances().assurances()) {
            assertTrue(pool.submitAssurance(a).accepted());
        }
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(),
                new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        Hash parent = s.block().header().parent();
        long parentSlot = StateCodec.decode(s.pre().keyvals(), P).tau();
        importer.initialize(parent, s.pre().keyvals(), List.of(new io.jamboree.importer.AncestryItem(parentSlot,
                parent)));
        List<Block> authored = new ArrayList<>();
        NodeAuthor author = new NodeAuthor(importer, devKeys(), b -> authored.add(b.block()), () -> {
            throw new AssertionError("no ring proofs in a fallback trace");
        }, false, pool);
        SlotOutcome out = author.authorSlot(s.block().header().slot());
        assertInstanceOf(SlotOutcome.Authored.class, out, out.toString());
        assertTrue(authored.get(0).extrinsic().guarantees().guarantees().isEmpty());
        assertEquals(published.assurances(), authored.get(0).extrinsic().assurances());
        assertTrue(pool.guarantees.isEmpty(), "the refused guarantee leaves the pool");
    }
}
