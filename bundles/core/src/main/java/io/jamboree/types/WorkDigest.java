package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * A work digest {@code D} (GP §11.1.4, eq. 11.6; ASN and vectors call it {@code WorkResult}): service s, code hash c,
 * payload hash y, accumulate gas g, result l and the refine load. Encoded
 * {@code E_4(s), c, y, E_8(g), O(l), u, i, x, z, e} (GP C.2 eq. C.26).
 */
public record WorkDigest(long serviceId, Hash codeHash, Hash payloadHash, long accumulateGas, WorkExecResult result,
        RefineLoad refineLoad) {
    public WorkDigest {
        Sizes.u32(serviceId, "service id");
        Objects.requireNonNull(codeHash);
        Objects.requireNonNull(payloadHash);
        Objects.requireNonNull(result);
        Objects.requireNonNull(refineLoad);
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(serviceId);
        codeHash.encode(e);
        payloadHash.encode(e);
        e.u64(accumulateGas);
        result.encode(e, p);
        refineLoad.encode(e, p);
    }

    public static WorkDigest decode(Decoder d, ChainParams p) {
        return new WorkDigest(d.u32(), Hash.decode(d), Hash.decode(d), d.u64(), WorkExecResult.decode(d, p),
                RefineLoad.decode(d, p));
    }
}
