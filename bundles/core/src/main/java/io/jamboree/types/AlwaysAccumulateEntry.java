package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;

/** One entry {@code s ↦ g} of the always-accumulate dictionary {@code χ_Z} (GP §9.4, eq. 9.9), encoded {@code E_4(s), E_8(g)}. */
public record AlwaysAccumulateEntry(long id, long gas) {
    public AlwaysAccumulateEntry {
        Sizes.u32(id, "service id");
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(id);
        e.u64(gas);
    }

    public static AlwaysAccumulateEntry decode(Decoder d, ChainParams p) {
        return new AlwaysAccumulateEntry(d.u32(), d.u64());
    }
}
