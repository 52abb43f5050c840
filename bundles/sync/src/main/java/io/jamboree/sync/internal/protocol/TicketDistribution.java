package io.jamboree.sync.internal.protocol;

import io.jamboree.types.TicketEnvelope;
import java.util.Objects;

/**
 * The message of JAMNP-S CE 131 and CE 132 (Safrole ticket distribution, to the proxy validator and from it to all
 * current validators): {@code Epoch Index ++ Ticket}, the epoch the ticket will be used in (a u32) and the ticket as in
 * the GP (attempt byte ++ 784-byte ring VRF proof, GP §6.7 eq. 6.29). 789 bytes on the wire.
 *
 * @param epoch the epoch the ticket will be used in
 * @param ticket the ticket envelope
 */
public record TicketDistribution(long epoch, TicketEnvelope ticket) {
    /** Encoded size in bytes. */
    public static final int SIZE = 4 + 1 + 784;

    public TicketDistribution {
        Objects.requireNonNull(ticket, "ticket");
        if (epoch < 0 || epoch > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("epoch " + epoch + " is not a u32");
        }
    }
}
