package io.jamboree.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.ChainState;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;

/**
 * Υ, the block-level state-transition function σ' ≡ Υ(σ, B) (GP §4, eq. 4.1, {@code eq:statetransition}),
 * with its components in the dependency order of GP §4.2 and the header checks of §5 and §6.4 that the prior
 * state allows. Pure: the prior state is never modified; an invalid block gives a reason and nothing else.
 *
 * <p>Registered as an OSGi service by the STF bundle; the block importer and the author use it. Its
 * accumulation (GP §12) runs on the node's accumulation service; {@link StateTransitionFactory} gives a
 * transition over another one (e.g. on a chosen PVM engine).
 */
@org.osgi.annotation.versioning.ProviderType
public interface StateTransition {

    /**
     * Υ(σ, B).
     *
     * @param params the protocol parameters of the chain
     * @param pre the prior state σ (the posterior state of the parent block)
     * @param block the block; its parent hash and parent state root were already checked by the caller
     * @param ancestry the ancestor set A of GP §11.4 (eq. 11.35), or {@code null} to skip the lookup-anchor check
     */
    Result apply(ChainParams params, ChainState pre, Block block, Ancestry ancestry);

    /**
     * Starts, in the background, the one-off preparation Υ needs for a chain: the ring VRF's Lagrange-basis SRS
     * for rings of V keys (GP §6.3, eq. 6.13), which takes seconds and would otherwise land on the first
     * epoch-change block. Returns at once; a failure is left to the block that needs the ring.
     */
    void prepare(ChainParams params);

    /** The outcome of Υ: the posterior state or the reason the block is invalid. */
    sealed interface Result {
        /** The block is valid: the posterior state σ'. */
        record Valid(ChainState post) implements Result {}

        /** The block is invalid. */
        record Invalid(String reason) implements Result {}
    }

    /** The ancestor set A of GP §11.4 (eq. 11.35): the last L headers, by slot and header hash. */
    @org.osgi.annotation.versioning.ConsumerType
    @FunctionalInterface
    interface Ancestry {
        /** Whether a header with hash {@code hash} and slot {@code slot} is among the ancestors. */
        boolean contains(long slot, Hash hash);
    }
}
