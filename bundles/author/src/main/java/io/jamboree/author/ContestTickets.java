package io.jamboree.author;

import io.jamboree.types.Hash;
import io.jamboree.types.TicketEnvelope;
import java.util.List;
import java.util.Objects;

/**
 * This node's own Safrole tickets for one contest (GP 0.7.2 §6.7, eq. 6.29), proven and ready to be distributed
 * (JAMNP-S CE 131/132) or included in a block.
 *
 * @param epoch the epoch the tickets will be used in (the contest's epoch plus one)
 * @param entropy η'_2 of the contest, part of every ticket's VRF context
 * @param tickets the envelopes: for each of our keys in the next epoch's validator set γ'_k, one per attempt below N
 */
public record ContestTickets(long epoch, Hash entropy, List<TicketEnvelope> tickets) {
    public ContestTickets {
        Objects.requireNonNull(entropy, "entropy");
        tickets = List.copyOf(tickets);
    }
}
