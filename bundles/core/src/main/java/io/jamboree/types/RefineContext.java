package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * The refinement context {@code C} (GP §11.1.2, eq. 11.4): anchor a, its posterior state root s, its accumulation
 * output super-peak b (BEEFY root), lookup anchor l and its slot t, and prerequisite work-packages p. Encoded
 * {@code a, s, b, l, E_4(t), ↕p} (GP C.2 eq. C.24).
 */
public record RefineContext(Hash anchor, Hash stateRoot, Hash beefyRoot, Hash lookupAnchor, long lookupAnchorSlot,
        List<Hash> prerequisites) {
    public RefineContext {
        Objects.requireNonNull(anchor);
        Objects.requireNonNull(stateRoot);
        Objects.requireNonNull(beefyRoot);
        Objects.requireNonNull(lookupAnchor);
        Sizes.u32(lookupAnchorSlot, "lookup anchor slot");
        prerequisites = List.copyOf(prerequisites);
    }

    public void encode(Encoder e, ChainParams p) {
        anchor.encode(e);
        stateRoot.encode(e);
        beefyRoot.encode(e);
        lookupAnchor.encode(e);
        e.u32(lookupAnchorSlot);
        e.varSeq(prerequisites, (x, h) -> h.encode(x));
    }

    public static RefineContext decode(Decoder d, ChainParams p) {
        return new RefineContext(Hash.decode(d), Hash.decode(d), Hash.decode(d), Hash.decode(d), d.u32(),
                d.varSeq(Hash.SIZE, "prerequisites", Hash::decode));
    }
}
