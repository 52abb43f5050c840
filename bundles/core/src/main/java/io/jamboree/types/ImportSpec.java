package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * An imported-segment reference {@code (h ∈ H ∪ H^⊞, i ∈ N_2^15)} (GP §14.3, eq. 14.2), in its serialized form
 * {@code I(h, i)} (GP C.2 eq. C.33): a root and a u16 index whose top bit marks that {@code treeRoot} is a
 * work-package hash ({@code h^⊞}) rather than a segment-tree root.
 */
public record ImportSpec(Hash treeRoot, int index) {
    public ImportSpec {
        Objects.requireNonNull(treeRoot);
        Sizes.u16(index, "import index");
    }

    /** Whether {@link #treeRoot()} is a work-package hash {@code h^⊞}. */
    public boolean isWorkPackageHash() {
        return (index & 0x8000) != 0;
    }

    /** The segment index without the package-hash flag. */
    public int segmentIndex() {
        return index & 0x7FFF;
    }

    public void encode(Encoder e, ChainParams p) {
        treeRoot.encode(e);
        e.u16(index);
    }

    public static ImportSpec decode(Decoder d, ChainParams p) {
        return new ImportSpec(Hash.decode(d), d.u16());
    }
}
