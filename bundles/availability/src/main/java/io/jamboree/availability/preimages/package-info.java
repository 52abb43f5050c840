/**
 * Preimage distribution (GP 0.7.2 §12.4, JAMNP-S CE 142 and CE 143): a node that has a preimage a service solicits
 * provides it through {@link io.jamboree.availability.preimages.PreimageDistribution}; validators announce it to their
 * grid neighbours, fetch what is announced to them and hand it to the block author's preimage pool.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.availability.preimages;
