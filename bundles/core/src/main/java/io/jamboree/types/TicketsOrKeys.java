package io.jamboree.types;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/**
 * The sealing-key sequence {@code γ_S ∈ ⟦T⟧_E ∪ ⟦H̃⟧_E} (GP §6.2, eq. 6.5): either E tickets or E fallback
 * Bandersnatch keys, with discriminator 0 / 1 (GP Appendix D.1, C(4)).
 */
public sealed interface TicketsOrKeys {

    /** Regular ticketed sealing. */
    record Tickets(List<TicketBody> tickets) implements TicketsOrKeys {
        public Tickets {
            tickets = List.copyOf(tickets);
        }
    }

    /** Fallback sealing keys. */
    record Keys(List<BandersnatchPublic> keys) implements TicketsOrKeys {
        public Keys {
            keys = List.copyOf(keys);
        }
    }

    default void encode(Encoder e, ChainParams p) {
        switch (this) {
            case Tickets t -> {
                e.u8(0);
                e.fixedSeq(Sizes.exactly(t.tickets(), p.epochLength(), "seal tickets"), (x, b) -> b.encode(x, p));
            }
            case Keys k -> {
                e.u8(1);
                e.fixedSeq(Sizes.exactly(k.keys(), p.epochLength(), "seal keys"), (x, b) -> b.encode(x));
            }
        }
    }

    static TicketsOrKeys decode(Decoder d, ChainParams p) {
        int at = d.position();
        int tag = d.u8();
        return switch (tag) {
            case 0 -> new Tickets(d.fixedSeq(p.epochLength(), x -> TicketBody.decode(x, p)));
            case 1 -> new Keys(d.fixedSeq(p.epochLength(), BandersnatchPublic::decode));
            default -> throw new CodecException("bad tickets-or-keys discriminator " + tag + " at offset " + at);
        };
    }
}
