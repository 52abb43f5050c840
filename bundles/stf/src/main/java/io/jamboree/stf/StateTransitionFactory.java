package io.jamboree.stf;

import io.jamboree.accumulate.Accumulation;

/**
 * Makes Υ ({@link StateTransition}, GP eq. 4.1) over a given accumulation (GP §12), e.g. accumulation on a PVM
 * engine other than the node's active one (the fuzz target's {@code --pvm}). Registered as an OSGi service by the
 * STF bundle, with the same crypto as the {@link StateTransition} service.
 */
@org.osgi.annotation.versioning.ProviderType
public interface StateTransitionFactory {

    /** Υ with accumulation by {@code accumulation}. */
    StateTransition create(Accumulation accumulation);
}
