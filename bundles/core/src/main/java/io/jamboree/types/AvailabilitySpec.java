package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * The availability specification {@code Y} (GP §11.1.1, eq. 11.5; ASN {@code WorkPackageSpec}): package hash p,
 * bundle length l, erasure root u, segment root e and segment count n. Encoded {@code p, E_4(l), u, e, E_2(n)}
 * (GP C.2 eq. C.25).
 */
public record AvailabilitySpec(Hash hash, long length, Hash erasureRoot, Hash exportsRoot, int exportsCount) {
    public AvailabilitySpec {
        Objects.requireNonNull(hash);
        Sizes.u32(length, "bundle length");
        Objects.requireNonNull(erasureRoot);
        Objects.requireNonNull(exportsRoot);
        Sizes.u16(exportsCount, "exports count");
    }

    public void encode(Encoder e, ChainParams p) {
        hash.encode(e);
        e.u32(length);
        erasureRoot.encode(e);
        exportsRoot.encode(e);
        e.u16(exportsCount);
    }

    public static AvailabilitySpec decode(Decoder d, ChainParams p) {
        return new AvailabilitySpec(Hash.decode(d), d.u32(), Hash.decode(d), Hash.decode(d), d.u16());
    }
}
