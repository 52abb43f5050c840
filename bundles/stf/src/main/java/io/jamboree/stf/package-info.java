/**
 * The block-level state transition Υ (GP §4, eq. 4.1) as a service, {@link io.jamboree.stf.StateTransition};
 * its subsystems are in the sub-packages, the state σ it maps in {@link io.jamboree.stf.state}; the signing contexts
 * of every signature in {@link io.jamboree.stf.SigningContexts}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package io.jamboree.stf;
