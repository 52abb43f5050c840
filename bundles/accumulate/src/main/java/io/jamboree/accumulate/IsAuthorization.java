package io.jamboree.accumulate;

import io.jamboree.core.ChainParams;
import io.jamboree.types.WorkPackage;

/**
 * The Is-Authorized invocation Ψ_I (GP 0.7.2 Appendix B.2): runs a work-package's authorization code
 * statelessly with gas G_I on the core index, giving the authorizer trace and the gas used.
 */
@org.osgi.annotation.versioning.ProviderType
public interface IsAuthorization {
    /**
     * Ψ_I(p, c) with p_c found by Λ(δ[p_h], (p_x)_t, p_u) (GP §14.3) in {@code services}, a state no earlier
     * than the lookup anchor.
     */
    IsAuthorizationResult authorize(ChainParams params, ServiceState services, WorkPackage pkg, int core);

    /** Ψ_I(p, c) with the authorization code p_c given (null when ∅, which gives BAD). */
    IsAuthorizationResult authorize(ChainParams params, byte[] authCode, WorkPackage pkg, int core);
}
