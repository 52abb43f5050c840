package io.jamboree.stf.authorizations;

import io.jamboree.types.AuthPools;
import io.jamboree.types.AuthQueues;
import java.util.Objects;

/** The authorization state (α, φ) (GP §8.2, eq. 8.1, {@code eq:authstatecomposition}). */
public record AuthorizationState(AuthPools pools, AuthQueues queues) {
    public AuthorizationState {
        Objects.requireNonNull(pools);
        Objects.requireNonNull(queues);
    }
}
