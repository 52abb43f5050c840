package io.jamboree.author.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.author.SealKind;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.types.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Header fields against published blocks: for every step of the public traces {@code fallback} and {@code safrole}
 * (tiny, JIP-5 dev validators) whose block has an empty extrinsic, the block our author builds for that slot on the
 * step's pre-state must equal the published block field by field. The Bandersnatch IETF VRF is deterministic, so
 * this checks H_p, H_r, H_x, H_t, H_e, H_w, H_i, H_o and also the entropy source H_v and the seal H_s, in both
 * fallback and ticket mode.
 */
class PublishedBlocksTest {
    private static final ChainParams P = ChainParams.tiny();

    @Test
    void fallbackAndSafroleTraces() {
        List<LocalKey> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(LocalKey.dev(i));
        }
        BlockAuthor author = new BlockAuthor(P, BandersnatchRing.shared(), new TicketGenerator(() -> {
            throw new AssertionError("no ticket proofs expected");
        }));
        int compared = 0;
        int ticketSealed = 0;
        int epochMarks = 0;
        int ticketMarks = 0;
        for (String folder : List.of("fallback", "safrole")) {
            for (TraceSteps.Step s : TraceSteps.read(folder, P)) {
                var x = s.block().extrinsic();
                if (!x.tickets().tickets().isEmpty() || !x.guarantees().guarantees().isEmpty()
                        || !x.assurances().assurances().isEmpty() || !x.preimages().preimages().isEmpty()
                        || s.pre().stateRoot().equals(s.post().stateRoot())) {
                    continue; // we submit no such extrinsics; invalid blocks are not ours to reproduce
                }
                ChainState pre = StateCodec.decode(s.pre().keyvals(), P);
                Header pub = s.block().header();
                Optional<BlockAuthor.Built> built = author.build(pub.parent(), s.pre().stateRoot(), pre, pub.slot(),
                        new SlotLeadership(keys), keys,
                        new PendingExtrinsics(P, 16), false, java.util.Set.of());
                assertTrue(built.isPresent(), s.name() + ": our keys must lead slot " + pub.slot());
                Header ours = built.get().block().header();
                assertEquals(pub.parentStateRoot(), ours.parentStateRoot(), s.name() + " H_r");
                assertEquals(pub.extrinsicHash(), ours.extrinsicHash(), s.name() + " H_x");
                assertEquals(pub.epochMark(), ours.epochMark(), s.name() + " H_e");
                assertEquals(pub.ticketsMark(), ours.ticketsMark(), s.name() + " H_w");
                assertEquals(pub.authorIndex(), ours.authorIndex(), s.name() + " H_i");
                assertEquals(pub.offendersMark(), ours.offendersMark(), s.name() + " H_o");
                assertEquals(pub.entropySource(), ours.entropySource(), s.name() + " H_v");
                assertEquals(pub.seal(), ours.seal(), s.name() + " H_s");
                assertEquals(pub, ours, s.name() + " header");
                assertEquals(s.block(), built.get().block(), s.name() + " block");
                compared++;
                ticketSealed += built.get().sealKind() == SealKind.TICKET ? 1 : 0;
                epochMarks += ours.epochMark() != null ? 1 : 0;
                ticketMarks += ours.ticketsMark() != null ? 1 : 0;
            }
        }
        System.out.printf("compared %d published blocks: %d ticket-sealed, %d epoch marks, %d tickets marks%n",
                compared, ticketSealed, epochMarks, ticketMarks);
        assertTrue(compared >= 50, "compared only " + compared + " blocks");
        assertTrue(ticketSealed > 0 && epochMarks > 0, "both seal kinds and epoch marks must be covered");
    }
}
