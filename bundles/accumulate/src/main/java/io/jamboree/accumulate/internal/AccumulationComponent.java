package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.accumulate.AccumulationOutcome;
import io.jamboree.accumulate.AccumulationState;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkReport;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link Accumulation} service (GP §12), running service code on the node's active PVM engine. */
@Component(service = Accumulation.class)
public final class AccumulationComponent implements Accumulation {
    private final Accumulator accumulator;

    @Activate
    public AccumulationComponent(@Reference(target = "(pvm.engine=active)") PvmEngine engine) {
        this.accumulator = new Accumulator(engine);
    }

    @Override
    public AccumulationOutcome accumulate(ChainParams params, long slot, long previousSlot, Hash entropy,
            List<WorkReport> available, AccumulationState state, ServiceState services) {
        return accumulator.accumulate(params, slot, previousSlot, entropy, available, state, services);
    }
}
