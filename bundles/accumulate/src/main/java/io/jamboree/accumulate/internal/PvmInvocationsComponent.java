package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.accumulate.IsAuthorization;
import io.jamboree.accumulate.PvmInvocations;
import io.jamboree.accumulate.Refinement;
import io.jamboree.pvm.PvmEngine;
import org.osgi.service.component.annotations.Component;

/** The {@link PvmInvocations} service (GP Appendix B): the invocations on a given PVM engine. */
@Component(service = PvmInvocations.class)
public final class PvmInvocationsComponent implements PvmInvocations {

    @Override
    public Accumulation accumulation(PvmEngine engine) {
        return new Accumulator(engine);
    }

    @Override
    public IsAuthorization isAuthorization(PvmEngine engine) {
        return new IsAuthorizer(engine);
    }

    @Override
    public Refinement refinement(PvmEngine engine) {
        return new Refiner(engine);
    }
}
