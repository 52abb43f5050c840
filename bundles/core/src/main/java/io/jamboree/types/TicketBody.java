package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * A Safrole ticket {@code T = (y ∈ H, e ∈ N_N)} (GP §6.2, eq. 6.6): ticket identifier and entry index ("attempt"),
 * encoded as {@code E(y, E_1(e))} (GP Appendix C.2).
 */
public record TicketBody(Hash id, int attempt) {
    public TicketBody {
        Objects.requireNonNull(id);
        Sizes.u8(attempt, "ticket attempt");
    }

    public void encode(Encoder e, ChainParams p) {
        id.encode(e);
        e.u8(attempt);
    }

    public static TicketBody decode(Decoder d, ChainParams p) {
        return new TicketBody(Hash.decode(d), d.u8());
    }
}
