package io.jamboree.accumulate.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;

/**
 * The historical status of a preimage request, a_l[(h, z)] ∈ ⟦N_T⟧_{:3} (GP 0.7.2 §9.2.2), serialized
 * in state as E(↕[E_4(x) | x ← l]) (GP Appendix D.1, eq. D.2).
 */
final class RequestStatus {
    private RequestStatus() {}

    static byte[] encode(long... slots) {
        Encoder e = new Encoder(1 + 4 * slots.length);
        e.natural(slots.length);
        for (long s : slots) e.u32(s);
        return e.toByteArray();
    }

    /** The time slots, or null if {@code value} is null or not a valid encoding. */
    static long[] decode(byte[] value) {
        if (value == null) return null;
        try {
            Decoder d = new Decoder(value);
            long n = d.natural();
            if (n > 3) return null;
            long[] out = new long[(int) n];
            for (int i = 0; i < out.length; i++) out[i] = d.u32();
            d.expectEnd();
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
