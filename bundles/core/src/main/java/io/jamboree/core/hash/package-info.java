/** The Graypaper's hash functions (GP §3.8): Blake2b-256 and Keccak-256. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.core.hash;
