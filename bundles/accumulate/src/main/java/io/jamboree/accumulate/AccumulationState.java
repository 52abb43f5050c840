package io.jamboree.accumulate;

import io.jamboree.types.AccumulatedQueue;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.Privileges;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.ValidatorKey;
import java.util.List;
import java.util.Objects;

/**
 * The state components besides δ that accumulation reads and writes (GP §12): privileges χ, the
 * authorizer queues φ, the staging validator set ι, the ready queue ω and the accumulated history ξ.
 */
public record AccumulationState(Privileges privileges, AuthQueues authQueues, List<ValidatorKey> stagingSet,
        ReadyQueue readyQueue, AccumulatedQueue accumulated) {
    public AccumulationState {
        Objects.requireNonNull(privileges);
        Objects.requireNonNull(authQueues);
        stagingSet = List.copyOf(stagingSet);
        Objects.requireNonNull(readyQueue);
        Objects.requireNonNull(accumulated);
    }
}
