package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Arrays;
import java.util.Objects;

/**
 * One preimage request {@code a_L[(h, l)] ∈ ⟦N_T⟧_:3} (GP §9.2, eq. 9.5): hash, length and up to three slots
 * (requested / available / unavailable history). Encoded as the STF vectors' ASN ({@code PreimagesRequestsMapEntry}):
 * {@code h, E_4(l), ↕[E_4(t)...]} (the state value under {@code C(s, E_4(l) ⌢ h)} is the last part, GP D.1).
 */
public record PreimageRequest(Hash hash, long length, long[] slots) {
    public PreimageRequest {
        Objects.requireNonNull(hash);
        Sizes.u32(length, "preimage length");
        slots = slots.clone();
        if (slots.length > 3) {
            throw new IllegalArgumentException("at most 3 slots, got " + slots.length);
        }
        for (long s : slots) {
            Sizes.u32(s, "slot");
        }
    }

    @Override
    public long[] slots() {
        return slots.clone();
    }

    public int slotCount() {
        return slots.length;
    }

    public long slot(int i) {
        return slots[i];
    }

    /** The state value {@code E(↕[E_4(t)...])} (GP D.1). */
    public void encodeSlots(Encoder e) {
        e.length(slots.length);
        for (long s : slots) {
            e.u32(s);
        }
    }

    public static long[] decodeSlots(Decoder d) {
        int at = d.position();
        int n = d.length(4, "preimage request slots");
        if (n > 3) {
            throw new io.jamboree.codec.CodecException("more than 3 preimage request slots at offset " + at);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = d.u32();
        }
        return out;
    }

    public void encode(Encoder e, ChainParams p) {
        hash.encode(e);
        e.u32(length);
        encodeSlots(e);
    }

    public static PreimageRequest decode(Decoder d, ChainParams p) {
        return new PreimageRequest(Hash.decode(d), d.u32(), decodeSlots(d));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreimageRequest x && hash.equals(x.hash) && length == x.length
                && Arrays.equals(slots, x.slots);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hash, length, Arrays.hashCode(slots));
    }

    @Override
    public String toString() {
        return "PreimageRequest[hash=" + hash + ", length=" + length + ", slots=" + Arrays.toString(slots) + "]";
    }
}
