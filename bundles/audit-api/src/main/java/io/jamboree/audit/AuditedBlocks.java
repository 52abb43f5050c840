package io.jamboree.audit;

import io.jamboree.types.Hash;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit condition {@code U} of GP 0.7.2 §17 (and its use in the best-chain rule of §19): a block is audited when
 * every work report made available in it has enough positive judgments and no negative one stands.
 */
@ProviderType
public interface AuditedBlocks {
    /** Whether the block with header hash {@code block} is audited; false for a block this node does not know. */
    boolean isAudited(Hash block);

    /** Whether a report made available in {@code block} has been judged bad: that chain is to be abandoned (§17). */
    boolean isRejected(Hash block);

    /**
     * Whether this node has seen {@code block} and a report made available in it is not audited yet (nor is it
     * judged good by more than two thirds): until then the node must not vote to finalize it (GP §17, last
     * paragraph). False for a block this node does not know or has finished with.
     */
    boolean isAwaitingAudit(Hash block);
}
