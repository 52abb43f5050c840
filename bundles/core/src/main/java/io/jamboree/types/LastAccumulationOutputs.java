package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/** The most recent accumulation outputs {@code θ ∈ ⟦(N_S, H)⟧} (GP §12.3, eq. 12.17), encoded {@code ↕θ} (GP D.1, C(16)). */
public record LastAccumulationOutputs(List<AccumulationOutput> outputs) {
    public static final LastAccumulationOutputs EMPTY = new LastAccumulationOutputs(List.of());

    public LastAccumulationOutputs {
        outputs = List.copyOf(outputs);
    }

    public void encode(Encoder e, ChainParams p) {
        e.varSeq(outputs, (x, o) -> o.encode(x, p));
    }

    public static LastAccumulationOutputs decode(Decoder d, ChainParams p) {
        return new LastAccumulationOutputs(d.varSeq(36, "accumulation outputs", x -> AccumulationOutput.decode(x, p)));
    }
}
