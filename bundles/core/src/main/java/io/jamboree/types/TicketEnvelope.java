package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** A ticket submission in the tickets extrinsic: entry index and Ring VRF proof (GP §6.7, eq. 6.29). */
public record TicketEnvelope(int attempt, BandersnatchRingVrfSignature signature) {
    public TicketEnvelope {
        Sizes.u8(attempt, "ticket attempt");
        Objects.requireNonNull(signature);
    }

    public void encode(Encoder e, ChainParams p) {
        e.u8(attempt);
        signature.encode(e);
    }

    public static TicketEnvelope decode(Decoder d, ChainParams p) {
        return new TicketEnvelope(d.u8(), BandersnatchRingVrfSignature.decode(d));
    }
}
