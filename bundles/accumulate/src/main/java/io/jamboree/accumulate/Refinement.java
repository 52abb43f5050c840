package io.jamboree.accumulate;

import io.jamboree.core.ChainParams;
import io.jamboree.types.WorkPackage;
import java.util.List;

/**
 * The Refine invocation Ψ_R (GP 0.7.2 Appendix B.3): runs the code of one work item, found by historical
 * lookup at the package's lookup anchor, with the refine host calls (B.6: historical lookup, fetch, export,
 * inner machines), giving its output or error, its exported segments and the gas used.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Refinement {
    /**
     * Ψ_R(c, i, p, r, ī, ς).
     *
     * @param services     δ, a state no earlier than the package's lookup anchor
     * @param core         c
     * @param item         i, the index of the work item in {@code pkg}
     * @param authTrace    r, the authorizer trace
     * @param imports      ī, the import segments of every work item, in order
     * @param extrinsics   x̄, the extrinsic data of every work item, in order
     * @param exportOffset ς, the number of segments exported by the items before i
     */
    RefinementResult refine(ChainParams params, ServiceState services, int core, int item, WorkPackage pkg,
            byte[] authTrace, List<List<byte[]>> imports, List<List<byte[]>> extrinsics, long exportOffset);
}
