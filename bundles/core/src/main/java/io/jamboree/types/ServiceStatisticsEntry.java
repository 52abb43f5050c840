package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/** One entry {@code s ↦ π_S[s]} of the service statistics dictionary (GP §13.2); key {@code E_4(s)} (GP C.1.5, D.1). */
public record ServiceStatisticsEntry(long id, ServiceActivityRecord record) {
    public ServiceStatisticsEntry {
        Sizes.u32(id, "service id");
        Objects.requireNonNull(record);
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(id);
        record.encode(e, p);
    }

    public static ServiceStatisticsEntry decode(Decoder d, ChainParams p) {
        return new ServiceStatisticsEntry(d.u32(), ServiceActivityRecord.decode(d, p));
    }
}
