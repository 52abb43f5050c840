package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/** The disputes extrinsic {@code E_D = (v, c, f)} (GP §10.2, eq. 10.2), encoded as GP Appendix C.2 eq. C.20. */
public record DisputesExtrinsic(List<Verdict> verdicts, List<Culprit> culprits, List<Fault> faults) {
    public static final DisputesExtrinsic EMPTY = new DisputesExtrinsic(List.of(), List.of(), List.of());

    public DisputesExtrinsic {
        verdicts = List.copyOf(verdicts);
        culprits = List.copyOf(culprits);
        faults = List.copyOf(faults);
    }

    public void encode(Encoder e, ChainParams p) {
        e.varSeq(verdicts, (x, v) -> v.encode(x, p));
        e.varSeq(culprits, (x, c) -> c.encode(x, p));
        e.varSeq(faults, (x, f) -> f.encode(x, p));
    }

    public static DisputesExtrinsic decode(Decoder d, ChainParams p) {
        List<Verdict> v = d.varSeq(36, "verdicts", x -> Verdict.decode(x, p));
        List<Culprit> c = d.varSeq(128, "culprits", x -> Culprit.decode(x, p));
        List<Fault> f = d.varSeq(129, "faults", x -> Fault.decode(x, p));
        return new DisputesExtrinsic(v, c, f);
    }
}
