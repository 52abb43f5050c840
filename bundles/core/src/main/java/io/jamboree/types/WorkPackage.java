package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * A work package {@code P} (GP §14.3, eq. 14.2): authorizer code host h, authorizer code hash u, context c,
 * authorization token j, authorizer configuration f and 1..I work items w. Encoded per GP C.2 eq. C.28.
 */
public record WorkPackage(long authCodeHost, Hash authCodeHash, RefineContext context, Blob authorization,
        Blob authorizerConfig, List<WorkItem> items) {
    public WorkPackage {
        Sizes.u32(authCodeHost, "service id");
        Objects.requireNonNull(authCodeHash);
        Objects.requireNonNull(context);
        Objects.requireNonNull(authorization);
        Objects.requireNonNull(authorizerConfig);
        items = List.copyOf(items);
    }

    /** The authorizer {@code (u, f)} of this package (GP §8.1). */
    public Authorizer authorizer() {
        return new Authorizer(authCodeHash, authorizerConfig);
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(authCodeHost);
        authCodeHash.encode(e);
        context.encode(e, p);
        authorization.encode(e);
        authorizerConfig.encode(e);
        Sizes.atMost(items, p.maxPackageItems(), "work items");
        e.varSeq(items, (x, i) -> i.encode(x, p));
    }

    public static WorkPackage decode(Decoder d, ChainParams p) {
        return new WorkPackage(d.u32(), Hash.decode(d), RefineContext.decode(d, p), Blob.decode(d), Blob.decode(d),
                d.varSeq(1, p.maxPackageItems(), "work items", x -> WorkItem.decode(x, p)));
    }
}
