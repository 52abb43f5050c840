package io.jamboree.author.internal;

import io.jamboree.importer.internal.TestImporters;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.stf.safrole.SealContexts;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.BandersnatchVrfSignature;
import io.jamboree.types.Block;
import io.jamboree.types.EpochMark;
import io.jamboree.types.EpochMarkValidator;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.TicketBody;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One negative test per authored header field: the block our author builds for slot 1 on the dev genesis is imported,
 * and each corruption of it (re-sealed with the right key where the field is under the seal, so that only that field
 * is wrong) is rejected by the importer with the reason for that field.
 */
class HeaderRejectionTest {
    private static final ChainParams P = ChainParams.tiny();
    private static final byte[] EMPTY = new byte[0];

    private BlockImporter importer;
    private Block good;
    private LocalKey author;
    private byte[] sealContext;

    @BeforeEach
    void build() {
        importer = TestImporters.create(P, new MemoryNodeStore(), new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        Genesis g = TraceSteps.genesis("fallback", P);
        importer.initialize(g.header(), g.state().keyvals(), List.of());
        List<LocalKey> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(LocalKey.dev(i));
        }
        ChainState pre = StateCodec.decode(g.state().keyvals(), P);
        Hash genesis = g.header().hash(P);
        BlockAuthor a = new BlockAuthor(P, BandersnatchRing.shared(), new TicketGenerator(() -> {
            throw new AssertionError("no tickets");
        }));
        good = a.build(genesis, importer.stateRoot(genesis).orElseThrow(), pre, 1, new SlotLeadership(keys), keys,
                        new PendingExtrinsics(P, 16), false, java.util.Set.of())
                .orElseThrow().block();
        author = keys.get(good.header().authorIndex());
        sealContext = SealContexts.fallback(pre.eta().get(3)); // slot 1: η'_3 = η_3, γ_s fallback keys
    }

    /** {@code h} re-sealed by {@code key} with the fallback seal context (eq. 6.16). */
    private Block sealed(Header h, LocalKey key) {
        byte[] seal = BandersnatchVrf.ietfProve(key.secret(), sealContext, h.unsignedBytes(P));
        return new Block(with(h, h.epochMark(), h.ticketsMark(), h.authorIndex(), h.entropySource(),
                new BandersnatchVrfSignature(seal)), good.extrinsic());
    }

    private static Header with(Header h, EpochMark e, List<TicketBody> w, int index, BandersnatchVrfSignature v,
            BandersnatchVrfSignature s) {
        return new Header(h.parent(), h.parentStateRoot(), h.extrinsicHash(), h.slot(), e, w, index, v,
                h.offendersMark(), s);
    }

    private void rejected(Block b, String reason) {
        ImportOutcome out = importer.importBlock(b);
        ImportOutcome.Rejected r = assertInstanceOf(ImportOutcome.Rejected.class, out, "must be rejected: " + reason);
        assertTrue(r.reason().contains(reason), "reason '" + r.reason() + "' should mention '" + reason + "'");
    }

    @Test
    void theGoodBlockIsImported() {
        assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(good));
        assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(sealed(good.header(), author)),
                "re-sealing the same header gives the same (deterministic) seal");
    }

    @Test
    void corruptedSeal() {
        byte[] s = good.header().seal().bytes().clone();
        s[40] ^= 1;
        Header h = good.header();
        rejected(new Block(with(h, h.epochMark(), h.ticketsMark(), h.authorIndex(), h.entropySource(),
                new BandersnatchVrfSignature(s)), good.extrinsic()), "bad seal");
    }

    @Test
    void wrongEpochMark() {
        Header h = good.header();
        List<EpochMarkValidator> vs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            vs.add(new EpochMarkValidator(LocalKey.dev(i).publicKey(), new io.jamboree.types.Ed25519Public(new byte[32])));
        }
        EpochMark bogus = new EpochMark(Hash.ZERO, Hash.ZERO, vs);
        rejected(sealed(with(h, bogus, h.ticketsMark(), h.authorIndex(), h.entropySource(), h.seal()), author),
                "bad epoch mark");
    }

    @Test
    void wrongTicketsMark() {
        Header h = good.header();
        List<TicketBody> bogus = new ArrayList<>();
        for (int i = 0; i < P.epochLength(); i++) {
            bogus.add(new TicketBody(Hash.ZERO, 0));
        }
        rejected(sealed(with(h, h.epochMark(), bogus, h.authorIndex(), h.entropySource(), h.seal()), author),
                "bad tickets mark");
    }

    @Test
    void wrongAuthorIndex() {
        Header h = good.header();
        int other = (h.authorIndex() + 1) % 6;
        // sealed by the slot's real key but claiming another author, and sealed by that other validator
        rejected(sealed(with(h, h.epochMark(), h.ticketsMark(), other, h.entropySource(), h.seal()), author), "bad seal");
        rejected(sealed(with(h, h.epochMark(), h.ticketsMark(), other, h.entropySource(), h.seal()),
                LocalKey.dev(other)), "bad seal");
    }

    @Test
    void wrongEntropySource() {
        Header h = good.header();
        // a valid VRF signature of the author, but over the wrong context (not X_E ⌢ Y(H_s))
        BandersnatchVrfSignature v = new BandersnatchVrfSignature(
                BandersnatchVrf.ietfProve(author.secret(), SealContexts.entropy(new byte[32]), EMPTY));
        rejected(sealed(with(h, h.epochMark(), h.ticketsMark(), h.authorIndex(), v, h.seal()), author),
                "bad entropy source");
    }
}
