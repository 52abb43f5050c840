package io.jamboree.stf.state;

import io.jamboree.merkle.StateKey;
import io.jamboree.types.AccumulatedQueue;
import io.jamboree.types.AuthPools;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.LastAccumulationOutputs;
import io.jamboree.types.Privileges;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.SafroleState;
import io.jamboree.types.Statistics;
import io.jamboree.types.ValidatorKeys;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The full chain state σ (GP §4.2, eq. 4.4) as the importer works on it: the fifteen typed components
 * C(1)..C(16) of GP Appendix D.1 (α φ β γ ψ η ι κ λ ρ τ χ π ω ξ θ) and the service accounts δ kept as their
 * serialized key/value items (C(255, s) account info and the C(s, ·) storage, preimage and request items).
 * Immutable: {@code services} is an unmodifiable view of a map no one else holds.
 */
public record ChainState(
        AuthPools alpha,
        AuthQueues phi,
        RecentBlocks beta,
        SafroleState gamma,
        DisputesRecords psi,
        EntropyBuffer eta,
        ValidatorKeys iota,
        ValidatorKeys kappa,
        ValidatorKeys lambda,
        AvailabilityAssignments rho,
        long tau,
        Privileges chi,
        Statistics pi,
        ReadyQueue omega,
        AccumulatedQueue xi,
        LastAccumulationOutputs theta,
        NavigableMap<StateKey, byte[]> services) {

    public ChainState {
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(phi, "phi");
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(gamma, "gamma");
        Objects.requireNonNull(psi, "psi");
        Objects.requireNonNull(eta, "eta");
        Objects.requireNonNull(iota, "iota");
        Objects.requireNonNull(kappa, "kappa");
        Objects.requireNonNull(lambda, "lambda");
        Objects.requireNonNull(rho, "rho");
        Objects.requireNonNull(chi, "chi");
        Objects.requireNonNull(pi, "pi");
        Objects.requireNonNull(omega, "omega");
        Objects.requireNonNull(xi, "xi");
        Objects.requireNonNull(theta, "theta");
        services = Collections.unmodifiableNavigableMap(new TreeMap<>(services));
    }

    /**
     * The work-packages already in the pipeline (GP §11.4.1, eq. 11.41): accumulated (ξ), ready (ω) and pending
     * availability (ρ); recent history (β) is checked by the reports transition itself.
     */
    public java.util.List<io.jamboree.types.Hash> knownPackages() {
        java.util.List<io.jamboree.types.Hash> out = new java.util.ArrayList<>();
        for (java.util.List<io.jamboree.types.Hash> l : xi.slots()) {
            out.addAll(l);
        }
        for (java.util.List<io.jamboree.types.ReadyRecord> l : omega.slots()) {
            for (io.jamboree.types.ReadyRecord r : l) {
                out.add(r.report().packageSpec().hash());
            }
        }
        for (io.jamboree.types.AvailabilityAssignment a : rho.assignments()) {
            if (a != null) {
                out.add(a.report().packageSpec().hash());
            }
        }
        return out;
    }
}
