/**
 * GRANDPA finality (GP §19; {@code spec/grandpa.md}): the node's latest finalized block B♮ as a service.
 *
 * <p>{@link io.jamboree.grandpa.FinalizedHead} gives the finalized block (header hash and slot), the GRANDPA set id
 * and round the node is in; {@link io.jamboree.grandpa.FinalityListener} services (whiteboard) hear of every new
 * finalized block. {@link io.jamboree.grandpa.FinalizedBlock} is the record both use.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.grandpa;
