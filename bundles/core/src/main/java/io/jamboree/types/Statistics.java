package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/**
 * Activity statistics {@code π = (π_V, π_L, π_C, π_S)} (GP §13, eq. 13.1): current and last epoch's validator
 * records (V each), core records (C) and the service dictionary (in key order). Encoded
 * {@code E_4(π_V, π_L), π_C, π_S} (GP Appendix D.1, C(13)).
 */
public record Statistics(List<ValidatorActivityRecord> valsCurr, List<ValidatorActivityRecord> valsLast,
        List<CoreActivityRecord> cores, List<ServiceStatisticsEntry> services) {
    public Statistics {
        valsCurr = List.copyOf(valsCurr);
        valsLast = List.copyOf(valsLast);
        cores = List.copyOf(cores);
        services = List.copyOf(services);
    }

    public void encode(Encoder e, ChainParams p) {
        e.fixedSeq(Sizes.exactly(valsCurr, p.validatorsCount(), "current validator stats"), (x, r) -> r.encode(x, p));
        e.fixedSeq(Sizes.exactly(valsLast, p.validatorsCount(), "last validator stats"), (x, r) -> r.encode(x, p));
        e.fixedSeq(Sizes.exactly(cores, p.coresCount(), "core stats"), (x, r) -> r.encode(x, p));
        e.varSeq(services, (x, r) -> r.encode(x, p));
    }

    public static Statistics decode(Decoder d, ChainParams p) {
        return new Statistics(d.fixedSeq(p.validatorsCount(), x -> ValidatorActivityRecord.decode(x, p)),
                d.fixedSeq(p.validatorsCount(), x -> ValidatorActivityRecord.decode(x, p)),
                d.fixedSeq(p.coresCount(), x -> CoreActivityRecord.decode(x, p)),
                d.varSeq(14, "service stats", x -> ServiceStatisticsEntry.decode(x, p)));
    }
}
