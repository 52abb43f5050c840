package io.jamboree.stf.disputes;

import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.ValidatorKeys;
import java.util.Objects;

/**
 * The state the disputes transition reads and writes (GP §10): ψ, ρ, τ, κ and λ (ASN {@code State} of
 * {@code disputes.asn}).
 *
 * @param psi    the disputes records ψ (each set in ascending order, its canonical encoding)
 * @param rho    the pending reports ρ
 * @param tau    the prior timeslot τ
 * @param kappa  the active validator keys κ
 * @param lambda the previous epoch's validator keys λ
 */
public record DisputesState(DisputesRecords psi, AvailabilityAssignments rho, long tau, ValidatorKeys kappa,
        ValidatorKeys lambda) {
    public DisputesState {
        Objects.requireNonNull(psi);
        Objects.requireNonNull(rho);
        Objects.requireNonNull(kappa);
        Objects.requireNonNull(lambda);
    }
}
