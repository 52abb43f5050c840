package io.jamboree.stf.history;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.Hash;
import io.jamboree.types.ReportedWorkPackage;
import java.util.List;
import java.util.Objects;

/**
 * Inputs of the recent-history transition (GP §7): the block's header hash H(H), the parent state root H_r,
 * the accumulation-output root M_B(s, H_K) (eq. 7.7, {@code eq:accoutbeltdef}) and the packages reported by
 * E_G (eq. 7.8, {@code eq:recenthistorydef}), in the order of {@code history.asn}.
 */
public record HistoryInput(Hash headerHash, Hash parentStateRoot, Hash accumulateRoot,
        List<ReportedWorkPackage> workPackages) {
    public HistoryInput {
        Objects.requireNonNull(headerHash);
        Objects.requireNonNull(parentStateRoot);
        Objects.requireNonNull(accumulateRoot);
        workPackages = List.copyOf(workPackages);
    }

    public void encode(Encoder e, ChainParams p) {
        headerHash.encode(e);
        parentStateRoot.encode(e);
        accumulateRoot.encode(e);
        e.varSeq(workPackages, (x, w) -> w.encode(x, p));
    }

    public static HistoryInput decode(Decoder d, ChainParams p) {
        return new HistoryInput(Hash.decode(d), Hash.decode(d), Hash.decode(d),
                d.varSeq(64, "work packages", x -> ReportedWorkPackage.decode(x, p)));
    }
}
