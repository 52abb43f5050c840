package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * An authorizer: code hash and configuration parameters (GP §8.1); its hash {@code H(u ⌢ f)} is the authorizer
 * hash kept in pools and queues. Encoded {@code u, ↕f} (ASN {@code Authorizer}).
 */
public record Authorizer(Hash codeHash, Blob params) {
    public Authorizer {
        Objects.requireNonNull(codeHash);
        Objects.requireNonNull(params);
    }

    public void encode(Encoder e, ChainParams p) {
        codeHash.encode(e);
        params.encode(e);
    }

    public static Authorizer decode(Decoder d, ChainParams p) {
        return new Authorizer(Hash.decode(d), Blob.decode(d));
    }
}
