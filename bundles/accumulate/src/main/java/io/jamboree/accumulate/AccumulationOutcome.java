package io.jamboree.accumulate;

import io.jamboree.types.AccumulationOutput;
import java.util.List;
import java.util.Objects;

/**
 * The result of accumulating one block's available reports (GP §12): the posterior components,
 * the changes to δ in application order, the accumulation outputs θ' (sorted by service, then hash)
 * and the per-service statistics.
 */
public record AccumulationOutcome(AccumulationState state, List<ServiceWrite> serviceWrites,
        List<AccumulationOutput> outputs, List<AccumulationStatistic> statistics) {
    public AccumulationOutcome {
        Objects.requireNonNull(state);
        serviceWrites = List.copyOf(serviceWrites);
        outputs = List.copyOf(outputs);
        statistics = List.copyOf(statistics);
    }
}
