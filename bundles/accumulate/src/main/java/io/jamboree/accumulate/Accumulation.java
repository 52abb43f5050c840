package io.jamboree.accumulate;

import io.jamboree.core.ChainParams;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkReport;
import java.util.List;

/**
 * Accumulation (GP §12): the newly available work reports R of a block, together with the ready
 * queue, are accumulated by running each service's accumulate code on the PVM (Appendix B.4), which
 * yields δ', χ', φ', ι', ω', ξ' and the outputs θ'. Registered as an OSGi service; it uses the
 * node's active PVM engine. Implementations never modify {@code services}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Accumulation {
    /**
     * @param slot τ', the slot of the block
     * @param previousSlot τ, the slot of the prior state
     * @param entropy η'₀, the posterior entropy accumulator
     * @param available R, the work reports that became available in this block, in order
     */
    AccumulationOutcome accumulate(ChainParams params, long slot, long previousSlot, Hash entropy,
            List<WorkReport> available, AccumulationState state, ServiceState services);
}
