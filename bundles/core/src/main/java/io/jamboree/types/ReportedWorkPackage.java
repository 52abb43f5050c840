package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * One entry of a recent block's reported-packages dictionary {@code p ∈ D⟨H → H⟩} (GP §7, eq. 7.2): work-package
 * hash to segment (exports) root.
 */
public record ReportedWorkPackage(Hash hash, Hash exportsRoot) {
    public ReportedWorkPackage {
        Objects.requireNonNull(hash);
        Objects.requireNonNull(exportsRoot);
    }

    public void encode(Encoder e, ChainParams p) {
        hash.encode(e);
        exportsRoot.encode(e);
    }

    public static ReportedWorkPackage decode(Decoder d, ChainParams p) {
        return new ReportedWorkPackage(Hash.decode(d), Hash.decode(d));
    }
}
