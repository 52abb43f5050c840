package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.Refinement;
import io.jamboree.accumulate.RefinementResult;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.types.WorkPackage;
import java.util.List;
import java.util.Objects;

/** {@link Refinement} over one PVM engine (GP 0.7.2 Appendix B.3). */
public final class Refiner implements Refinement {
    private final PvmEngine engine;

    public Refiner(PvmEngine engine) {
        this.engine = Objects.requireNonNull(engine);
    }

    @Override
    public RefinementResult refine(ChainParams params, ServiceState services, int core, int item, WorkPackage pkg,
            byte[] authTrace, List<List<byte[]>> imports, List<List<byte[]>> extrinsics, long exportOffset) {
        return RefineInvocation.invoke(engine, params, services, core, item, pkg, authTrace, imports, extrinsics,
                exportOffset);
    }
}
