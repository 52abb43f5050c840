package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.Refinement;
import io.jamboree.accumulate.RefinementResult;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.types.WorkPackage;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link Refinement} service (GP 0.7.2 Appendix B.3) on the node's active PVM engine. */
@Component(service = Refinement.class)
public final class RefinementComponent implements Refinement {
    private final Refiner refiner;

    @Activate
    public RefinementComponent(@Reference(target = "(pvm.engine=active)") PvmEngine engine) {
        this.refiner = new Refiner(engine);
    }

    @Override
    public RefinementResult refine(ChainParams params, ServiceState services, int core, int item, WorkPackage pkg,
            byte[] authTrace, List<List<byte[]>> imports, List<List<byte[]>> extrinsics, long exportOffset) {
        return refiner.refine(params, services, core, item, pkg, authTrace, imports, extrinsics, exportOffset);
    }
}
