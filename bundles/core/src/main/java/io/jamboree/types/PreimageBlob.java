package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * One preimage {@code a_P[h] = p} of a service (GP §9.2, eq. 9.4). Encoded as the STF vectors' ASN
 * ({@code PreimagesBlobMapEntry}): {@code h, ↕p}.
 */
public record PreimageBlob(Hash hash, Blob blob) {
    public PreimageBlob {
        Objects.requireNonNull(hash);
        Objects.requireNonNull(blob);
    }

    public void encode(Encoder e, ChainParams p) {
        hash.encode(e);
        blob.encode(e);
    }

    public static PreimageBlob decode(Decoder d, ChainParams p) {
        return new PreimageBlob(Hash.decode(d), Blob.decode(d));
    }
}
