package io.jamboree.rpc;

import io.jamboree.types.Hash;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The latest finalized block (GP §19, GRANDPA), as a finality gadget knows it. Without such a service the RPC reports
 * the chain's first block (genesis, or the initial state's block) as finalized, since nothing else is.
 */
@ConsumerType
public interface FinalizedHead {
    /** The header hash of the latest finalized block, if any. */
    Optional<Hash> finalizedHead();
}
