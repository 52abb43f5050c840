package io.jamboree.accumulate;

import io.jamboree.pvm.PvmEngine;

/**
 * The PVM invocations of GP Appendix B on a given engine: Is-Authorized Ψ_I (B.2), Refine Ψ_R (B.3) and
 * accumulation Δ over Ψ_A (§12, B.4). The registered {@link Accumulation}, {@link IsAuthorization} and
 * {@link Refinement} services run on the node's active engine; this factory service gives them on another one
 * (the fuzz target's {@code --pvm NAME}, the conformance vectors).
 */
@org.osgi.annotation.versioning.ProviderType
public interface PvmInvocations {

    /** Accumulation (GP §12) running service code on {@code engine}. */
    Accumulation accumulation(PvmEngine engine);

    /** Ψ_I (GP B.2) on {@code engine}. */
    IsAuthorization isAuthorization(PvmEngine engine);

    /** Ψ_R (GP B.3) on {@code engine}, which also runs the inner machines. */
    Refinement refinement(PvmEngine engine);
}
