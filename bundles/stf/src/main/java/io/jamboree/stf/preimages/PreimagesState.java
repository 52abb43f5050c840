package io.jamboree.stf.preimages;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.ServiceStatisticsEntry;
import java.util.List;

/** The state subset of preimage integration (vectors' {@code preimages.asn}): accounts and {@code π_S}. */
public record PreimagesState(List<PreimageAccount> accounts, List<ServiceStatisticsEntry> statistics) {

    public PreimagesState {
        accounts = List.copyOf(accounts);
        statistics = List.copyOf(statistics);
    }

    public static final List<String> FIELDS = List.of("accounts", "statistics");

    public static PreimagesState decode(Decoder d, ChainParams p) {
        return new PreimagesState(d.varSeq(6, "accounts", PreimageAccount::decode),
                d.varSeq(5, "statistics", x -> ServiceStatisticsEntry.decode(x, p)));
    }

    public byte[] encodeField(int i, ChainParams p) {
        Encoder e = new Encoder();
        switch (i) {
            case 0 -> e.varSeq(accounts, (x, a) -> a.encode(x));
            case 1 -> e.varSeq(statistics, (x, s) -> s.encode(x, p));
            default -> throw new IllegalArgumentException("field " + i);
        }
        return e.toByteArray();
    }
}
