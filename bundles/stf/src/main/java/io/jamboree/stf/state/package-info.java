/**
 * The chain state σ as typed components (GP §4.2, eq. 4.4) and its serialization T(σ) into key-values and the
 * state root (GP Appendix D): the view that Υ ({@link io.jamboree.stf.StateTransition}), block import and block
 * authoring share.
 *
 * <p>{@link io.jamboree.stf.state.ChainState} holds the fifteen components C1..C15 plus the service
 * accounts' key-values; {@link io.jamboree.stf.state.StateCodec} maps between it and the key-values
 * ({@link io.jamboree.stf.state.KeyValue}) a block importer stores; {@link io.jamboree.stf.state.ServiceAccounts}
 * reads service accounts (δ) out of the key-values.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.stf.state;
