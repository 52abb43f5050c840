/**
 * JSON mapping of the JAM types as the conformance test vectors write them ({@link io.jamboree.json.BlockJson},
 * {@link io.jamboree.json.StateJson}, {@link io.jamboree.json.WorkJson}); the codec vectors' harness is in the
 * vectors bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.json;
