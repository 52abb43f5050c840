/**
 * Chain specifications (JIP-4): a network's id, bootnodes, protocol parameters, genesis header and genesis state,
 * their JSON file format, and the dev genesis of the jam-docs genesis config built from the JIP-5 dev validators.
 *
 * <p>{@link io.jamboree.chainspec.ChainSpec} is the data; the {@link io.jamboree.chainspec.ChainSpecs} service
 * reads and writes the file (errors name the JSON path) and builds the genesis state σ_0 and header H_0 of a dev
 * chain; {@link io.jamboree.chainspec.ProtocolParameters} is the encoding of the parameters (GP B.5, the fetch
 * host call's constants).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.chainspec;
