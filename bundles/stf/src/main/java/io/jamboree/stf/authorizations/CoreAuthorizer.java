package io.jamboree.stf.authorizations;

import io.jamboree.types.Hash;
import java.util.Objects;

/**
 * A (core, authorizer-hash) pair taken from a guarantee g ∈ E_G: ((g_r)_c, (g_r)_a) (GP §8.2, eq. 8.3).
 * ASN {@code CoreAuthorizer} of {@code authorizations.asn}; not a jam-core type (the vectors derive it from E_G).
 *
 * @param core           the core index
 * @param authorizerHash the authorizer hash
 */
public record CoreAuthorizer(int core, Hash authorizerHash) {
    public CoreAuthorizer {
        Objects.requireNonNull(authorizerHash);
    }
}
