package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/** The tickets extrinsic {@code E_T} of at most K envelopes (GP §6.7, eq. 6.29), encoded {@code E(↕E_T)} (GP C.2). */
public record TicketsExtrinsic(List<TicketEnvelope> tickets) {
    public TicketsExtrinsic {
        tickets = List.copyOf(tickets);
    }

    public void encode(Encoder e, ChainParams p) {
        Sizes.atMost(tickets, p.maxTicketsPerBlock(), "tickets extrinsic");
        e.varSeq(tickets, (x, t) -> t.encode(x, p));
    }

    public static TicketsExtrinsic decode(Decoder d, ChainParams p) {
        return new TicketsExtrinsic(d.varSeq(1 + BandersnatchRingVrfSignature.SIZE, p.maxTicketsPerBlock(),
                "tickets extrinsic", x -> TicketEnvelope.decode(x, p)));
    }
}
