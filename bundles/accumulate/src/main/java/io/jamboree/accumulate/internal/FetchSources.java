package io.jamboree.accumulate.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.types.AccumulationInput;
import io.jamboree.types.WorkPackage;
import java.util.List;

/**
 * The parameters of Ω_Y beyond the machine state (GP 0.7.2 Appendix B.5, {@code fetch}): the work-package p,
 * the entropy n, the authorizer trace r, the work-item index i, the import segments ī, the extrinsic data x̄
 * and the accumulation inputs i. A null component is ∅ (item −1 is ∅). Each invocation supplies its own:
 * Is-Authorized (p only, B.2), Refine (p, n = 0^32, r, i, ī, x̄; B.3), Accumulate (n = η'_0, i; B.4).
 */
record FetchSources(ChainParams params, WorkPackage pkg, byte[] entropy, byte[] authTrace, int item,
        List<List<byte[]>> imports, List<List<byte[]>> extrinsics, List<AccumulationInput> inputs) {

    /** Ω_Y's context in Is-Authorized (GP B.2): only the work-package. */
    static FetchSources isAuthorized(ChainParams params, WorkPackage pkg) {
        return new FetchSources(params, pkg, null, null, -1, null, null, null);
    }
}
