package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * The Safrole state {@code γ = (γ_P, γ_Z, γ_S, γ_A)} (GP §6.2, eq. 6.3): pending validator keys, epoch ring root,
 * sealing-key sequence and ticket accumulator (at most E tickets). Encoded as state key C(4) (GP Appendix D.1):
 * {@code γ_P, γ_Z, γ_S (with discriminator), ↕γ_A}.
 */
public record SafroleState(ValidatorKeys pendingValidators, BandersnatchRingCommitment epochRoot,
        TicketsOrKeys sealTickets, List<TicketBody> ticketAccumulator) {
    public SafroleState {
        Objects.requireNonNull(pendingValidators);
        Objects.requireNonNull(epochRoot);
        Objects.requireNonNull(sealTickets);
        ticketAccumulator = List.copyOf(ticketAccumulator);
    }

    public void encode(Encoder e, ChainParams p) {
        pendingValidators.encode(e, p);
        epochRoot.encode(e);
        sealTickets.encode(e, p);
        Sizes.atMost(ticketAccumulator, p.epochLength(), "ticket accumulator");
        e.varSeq(ticketAccumulator, (x, t) -> t.encode(x, p));
    }

    public static SafroleState decode(Decoder d, ChainParams p) {
        return new SafroleState(ValidatorKeys.decode(d, p), BandersnatchRingCommitment.decode(d),
                TicketsOrKeys.decode(d, p),
                d.varSeq(33, p.epochLength(), "ticket accumulator", x -> TicketBody.decode(x, p)));
    }
}
