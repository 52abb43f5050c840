package io.jamboree.stf.safrole;

import io.jamboree.types.BandersnatchRingCommitment;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.TicketBody;
import io.jamboree.types.TicketsOrKeys;
import io.jamboree.types.ValidatorKeys;
import java.util.List;
import java.util.Objects;

/**
 * The state subset Safrole reads and writes (GP §6; ASN {@code State} of {@code safrole.asn}): τ, η, λ, κ,
 * γ = (γ_k, γ_z, γ_s, γ_a), ι, and the posterior offenders ψ_O' (from the disputes transition, §10) that Φ filters
 * with.
 */
public record SafroleState(long tau, EntropyBuffer eta, ValidatorKeys lambda, ValidatorKeys kappa,
        ValidatorKeys gammaK, ValidatorKeys iota, List<TicketBody> gammaA, TicketsOrKeys gammaS,
        BandersnatchRingCommitment gammaZ, List<Ed25519Public> postOffenders) {
    public SafroleState {
        Objects.requireNonNull(eta);
        Objects.requireNonNull(lambda);
        Objects.requireNonNull(kappa);
        Objects.requireNonNull(gammaK);
        Objects.requireNonNull(iota);
        gammaA = List.copyOf(gammaA);
        Objects.requireNonNull(gammaS);
        Objects.requireNonNull(gammaZ);
        postOffenders = List.copyOf(postOffenders);
    }

    /** γ as the jam-core state component. */
    public io.jamboree.types.SafroleState gamma() {
        return new io.jamboree.types.SafroleState(gammaK, gammaZ, gammaS, gammaA);
    }
}
