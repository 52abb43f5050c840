package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * One entry of a work report's segment-root lookup dictionary {@code l ∈ D⟨H → H⟩} (GP §11.1.1, eq. 11.2):
 * work-package hash to segment-tree root, encoded as a pair in the dictionary encoding (GP C.1.5).
 */
public record SegmentRootLookupItem(Hash workPackageHash, Hash segmentTreeRoot) {
    public SegmentRootLookupItem {
        Objects.requireNonNull(workPackageHash);
        Objects.requireNonNull(segmentTreeRoot);
    }

    public void encode(Encoder e, ChainParams p) {
        workPackageHash.encode(e);
        segmentTreeRoot.encode(e);
    }

    public static SegmentRootLookupItem decode(Decoder d, ChainParams p) {
        return new SegmentRootLookupItem(Hash.decode(d), Hash.decode(d));
    }
}
