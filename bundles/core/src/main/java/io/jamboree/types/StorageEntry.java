package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * One service storage item {@code a_S[k] = v} (GP §9, eq. 9.3; state key {@code C(s, E_4(2^32-1) ⌢ k)}, GP D.1).
 * Encoded as in the STF vectors' ASN ({@code StorageMapEntry}): {@code ↕k, ↕v}.
 */
public record StorageEntry(Blob key, Blob value) {
    public StorageEntry {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
    }

    public void encode(Encoder e, ChainParams p) {
        key.encode(e);
        value.encode(e);
    }

    public static StorageEntry decode(Decoder d, ChainParams p) {
        return new StorageEntry(Blob.decode(d), Blob.decode(d));
    }
}
