package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * A queued report with its unaccumulated dependencies {@code (r ∈ R, d ∈ {H})} (GP §12.1, eq. 12.3), encoded
 * {@code r, ↕d} (GP Appendix D.1, C(14)).
 */
public record ReadyRecord(WorkReport report, List<Hash> dependencies) {
    public ReadyRecord {
        Objects.requireNonNull(report);
        dependencies = List.copyOf(dependencies);
    }

    public void encode(Encoder e, ChainParams p) {
        report.encode(e, p);
        e.varSeq(dependencies, (x, h) -> h.encode(x));
    }

    public static ReadyRecord decode(Decoder d, ChainParams p) {
        return new ReadyRecord(WorkReport.decode(d, p), d.varSeq(Hash.SIZE, "dependencies", Hash::decode));
    }
}
