package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * Recent activity {@code β = (β_H, β_B)} (GP §7, eq. 7.1-7.2): at most H recent block infos and the accumulation
 * output belt. Encoded {@code ↕β_H, E_M(β_B)} (GP Appendix D.1, C(3)).
 */
public record RecentBlocks(List<BlockInfo> history, Mmr mmr) {
    public RecentBlocks {
        history = List.copyOf(history);
        Objects.requireNonNull(mmr);
    }

    public void encode(Encoder e, ChainParams p) {
        Sizes.atMost(history, p.recentHistorySize(), "recent history");
        e.varSeq(history, (x, b) -> b.encode(x, p));
        mmr.encode(e, p);
    }

    public static RecentBlocks decode(Decoder d, ChainParams p) {
        return new RecentBlocks(d.varSeq(97, p.recentHistorySize(), "recent history", x -> BlockInfo.decode(x, p)),
                Mmr.decode(d, p));
    }
}
