package io.jamboree.author.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.types.Header;
import io.jamboree.types.TicketsOrKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Slot leadership (GP §6.5–6.6) in both modes against the published traces: for each step whose slot is in the
 * pre-state's epoch (so γ'_s = γ_s and η'_3 = η_3), the dev validator who authored the published block claims the
 * slot with its author index, and each of the other five dev validators alone does not.
 */
class SlotLeadershipTest {
    private static final ChainParams P = ChainParams.tiny();

    @Test
    void bothModesAgainstPublishedAuthors() {
        List<LocalKey> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(LocalKey.dev(i));
        }
        int tickets = 0;
        int fallback = 0;
        for (String folder : List.of("fallback", "safrole")) {
            for (TraceSteps.Step s : TraceSteps.read(folder, P)) {
                ChainState pre = StateCodec.decode(s.pre().keyvals(), P);
                Header h = s.block().header();
                if (h.slot() / P.epochLength() != pre.tau() / P.epochLength()
                        || s.pre().stateRoot().equals(s.post().stateRoot())) {
                    continue;
                }
                TicketsOrKeys gammaS = pre.gamma().sealTickets();
                int phase = (int) (h.slot() % P.epochLength());
                Optional<SlotLeadership.Claim> c = new SlotLeadership(all).claim(gammaS, pre.eta().get(3), pre.kappa(), phase);
                assertTrue(c.isPresent(), s.name());
                assertEquals(h.authorIndex(), c.get().authorIndex(), s.name() + " author index");
                if (gammaS instanceof TicketsOrKeys.Tickets) {
                    assertInstanceOf(SlotLeadership.TicketClaim.class, c.get(), s.name());
                    tickets++;
                } else {
                    assertInstanceOf(SlotLeadership.FallbackClaim.class, c.get(), s.name());
                    fallback++;
                }
                // the published author is dev validator H_i (κ holds the dev validators in order)
                for (int other = 0; other < 6; other++) {
                    Optional<SlotLeadership.Claim> alone = new SlotLeadership(List.of(all.get(other)))
                            .claim(gammaS, pre.eta().get(3), pre.kappa(), phase);
                    assertEquals(other == h.authorIndex(), alone.isPresent(), s.name() + " dev validator " + other);
                }
            }
        }
        assertTrue(tickets >= 10 && fallback >= 50, "tickets " + tickets + ", fallback " + fallback);
    }
}
