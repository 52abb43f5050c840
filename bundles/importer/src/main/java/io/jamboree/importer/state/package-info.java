/**
 * The chain state σ as typed components (GP §4.2, eq. 4.4) and its serialization T(σ) into key-values and the
 * state root (GP Appendix D): the view that block import (Υ) and block authoring share.
 *
 * <p>{@link io.jamboree.importer.state.ChainState} holds the fifteen components C1..C15 plus the service
 * accounts' key-values; {@link io.jamboree.importer.state.StateCodec} maps between it and the key-values the
 * {@link io.jamboree.importer.BlockImporter} stores; {@link io.jamboree.importer.state.ServiceAccounts} reads
 * service accounts (δ) out of the key-values.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.importer.state;
