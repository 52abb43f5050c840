package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * A deferred transfer {@code X = (s, d, a, m, g)} (GP §12.2, eq. 12.14): source and destination services, amount,
 * memo of W_T octets and gas limit. Encoded {@code E_X = E_4(s), E_4(d), E_8(a), m, E_8(g)} (GP C.2 eq. C.30).
 */
public record DeferredTransfer(long source, long destination, long amount, Blob memo, long gas) {
    public DeferredTransfer {
        Sizes.u32(source, "source");
        Sizes.u32(destination, "destination");
        Objects.requireNonNull(memo);
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(source);
        e.u32(destination);
        e.u64(amount);
        if (memo.length() != p.memoSize()) {
            throw new io.jamboree.codec.CodecException("memo must have " + p.memoSize() + " bytes, has " + memo.length());
        }
        memo.encodeRaw(e);
        e.u64(gas);
    }

    public static DeferredTransfer decode(Decoder d, ChainParams p) {
        return new DeferredTransfer(d.u32(), d.u32(), d.u64(), Blob.decodeRaw(d, p.memoSize()), d.u64());
    }
}
