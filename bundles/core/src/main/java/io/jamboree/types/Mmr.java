package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Merkle mountain range / belt {@code ⟦H?⟧} (GP Appendix E.2, eq. E.8): peaks, {@code null} for an empty peak.
 * Encoded {@code E_M} = length-prefixed sequence of optionals (GP eq. E.9).
 */
public record Mmr(List<Hash> peaks) {
    public static final Mmr EMPTY = new Mmr(List.of());

    public Mmr {
        peaks = Collections.unmodifiableList(new ArrayList<>(peaks)); // nulls allowed
    }

    public void encode(Encoder e, ChainParams p) {
        e.length(peaks.size());
        for (Hash h : peaks) {
            e.optional(h, (x, v) -> v.encode(x));
        }
    }

    public static Mmr decode(Decoder d, ChainParams p) {
        int n = d.length(1, "mmr peaks");
        ArrayList<Hash> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(d.optional("mmr peak", Hash::decode));
        }
        return new Mmr(out);
    }
}
