package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * A recent-history item {@code (h, b, s, p)} (GP §7, eq. 7.2): header hash, accumulation-output super-peak
 * (BEEFY root), state root and reported packages. Encoded {@code h, b, s, ↕p} (GP Appendix D.1, C(3)).
 */
public record BlockInfo(Hash headerHash, Hash beefyRoot, Hash stateRoot, List<ReportedWorkPackage> reported) {
    public BlockInfo {
        Objects.requireNonNull(headerHash);
        Objects.requireNonNull(beefyRoot);
        Objects.requireNonNull(stateRoot);
        reported = List.copyOf(reported);
    }

    public void encode(Encoder e, ChainParams p) {
        headerHash.encode(e);
        beefyRoot.encode(e);
        stateRoot.encode(e);
        e.varSeq(reported, (x, r) -> r.encode(x, p));
    }

    public static BlockInfo decode(Decoder d, ChainParams p) {
        return new BlockInfo(Hash.decode(d), Hash.decode(d), Hash.decode(d),
                d.varSeq(64, "reported packages", x -> ReportedWorkPackage.decode(x, p)));
    }
}
