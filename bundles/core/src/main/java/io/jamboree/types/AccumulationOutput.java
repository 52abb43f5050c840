package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** A service's accumulation output {@code (s ∈ N_S, h ∈ H)} (GP §12.3, eq. 12.17), encoded {@code E_4(s), h} (GP D.1, C(16)). */
public record AccumulationOutput(long serviceId, Hash hash) {
    public AccumulationOutput {
        Sizes.u32(serviceId, "service id");
        Objects.requireNonNull(hash);
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(serviceId);
        hash.encode(e);
    }

    public static AccumulationOutput decode(Decoder d, ChainParams p) {
        return new AccumulationOutput(d.u32(), Hash.decode(d));
    }
}
