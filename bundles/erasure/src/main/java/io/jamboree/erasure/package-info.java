/**
 * Erasure coding (GP 0.7.2 Appendix H) and the availability chunking of work-package bundles and exported
 * segments (GP §14.4.1): the {@link io.jamboree.erasure.ErasureCoding} service gives the
 * {@link io.jamboree.erasure.ErasureCode} of a chain's parameters (V validators, pieces of W_E octets) and the
 * {@link io.jamboree.erasure.AvailabilitySpecifier} computes paged proofs, chunks and erasure roots with it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.erasure;
