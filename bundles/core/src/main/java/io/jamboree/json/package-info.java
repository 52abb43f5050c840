/** JSON mapping of the JAM types as the conformance test vectors write them; see {@link io.jamboree.json.CodecVectors}. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.json;
