package io.jamboree.guarantor;

import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.types.WorkPackage;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The work-report computation Ξ (GP 0.7.2 §14.4, eq. workdigestfunction). */
@ProviderType
public interface WorkReportComputation {
    /**
     * Ξ(p, c): Ψ_I of the package, Ψ_R of each item (I of §14.4: oversize and bad-export outcomes), the work digests
     * C(w, r, u), the bundle and its availability specifier A(H(p), bundle, ē).
     *
     * @param services   δ, a state no earlier than the package's lookup anchor
     * @param extrinsics X(w) of every item, in order: the data whose (hash, length) the item lists
     * @param core       c
     * @throws WorkReportException when Ξ gives ∅ or the package cannot be guaranteed (the message says why)
     */
    ComputedWorkReport compute(ChainParams params, ServiceState services, WorkPackage pkg,
            List<List<byte[]>> extrinsics, int core);

    /**
     * Ξ(p, c) of a package that imports segments: as {@link #compute(ChainParams, ServiceState, WorkPackage, List,
     * int)}, the imported segments given to Ψ_R and, with their justifications, put in the bundle (S and J of
     * eq. 14.16), the lookup dictionary in the report. A computation that cannot take imports refuses such a package
     * (the default).
     *
     * @param imports the package's imported segments, already checked against their segment roots
     * @throws WorkReportException when Ξ gives ∅ or the package cannot be guaranteed (the message says why)
     */
    default ComputedWorkReport compute(ChainParams params, ServiceState services, WorkPackage pkg,
            List<List<byte[]>> extrinsics, WorkPackageImports imports, int core) {
        if (!imports.isEmpty()) {
            throw new WorkReportException("this work-report computation does not take imported segments");
        }
        return compute(params, services, pkg, extrinsics, core);
    }
}
