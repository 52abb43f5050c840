package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** A pending report on a core {@code (r ∈ R, t ∈ N_T)} (GP §11.1, eq. 11.1), encoded {@code r, E_4(t)} (GP D.1, C(10)). */
public record AvailabilityAssignment(WorkReport report, long timeout) {
    public AvailabilityAssignment {
        Objects.requireNonNull(report);
        Sizes.u32(timeout, "timeout");
    }

    public void encode(Encoder e, ChainParams p) {
        report.encode(e, p);
        e.u32(timeout);
    }

    public static AvailabilityAssignment decode(Decoder d, ChainParams p) {
        return new AvailabilityAssignment(WorkReport.decode(d, p), d.u32());
    }
}
