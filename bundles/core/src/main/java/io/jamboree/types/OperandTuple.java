package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * An operand tuple {@code U = (p, e, a, y, g, t, l)} (GP §12.2, eq. 12.13): package hash, segment root, authorizer
 * hash, payload hash, gas limit, authorizer trace and work result. Encoded
 * {@code E_U = p, e, a, y, g, O(l), ↕t} with g a general natural (GP C.2 eq. C.31).
 */
public record OperandTuple(Hash packageHash, Hash segmentRoot, Hash authorizerHash, Hash payloadHash, long gasLimit,
        Blob authTrace, WorkExecResult result) {
    public OperandTuple {
        Objects.requireNonNull(packageHash);
        Objects.requireNonNull(segmentRoot);
        Objects.requireNonNull(authorizerHash);
        Objects.requireNonNull(payloadHash);
        Objects.requireNonNull(authTrace);
        Objects.requireNonNull(result);
    }

    public void encode(Encoder e, ChainParams p) {
        packageHash.encode(e);
        segmentRoot.encode(e);
        authorizerHash.encode(e);
        payloadHash.encode(e);
        e.natural(gasLimit);
        result.encode(e, p);
        authTrace.encode(e);
    }

    public static OperandTuple decode(Decoder d, ChainParams p) {
        Hash ph = Hash.decode(d);
        Hash sr = Hash.decode(d);
        Hash ah = Hash.decode(d);
        Hash yh = Hash.decode(d);
        long g = d.natural();
        WorkExecResult r = WorkExecResult.decode(d, p);
        Blob t = Blob.decode(d);
        return new OperandTuple(ph, sr, ah, yh, g, t, r);
    }
}
