/** State merklization and Merkle structures (GP Appendices D, E). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.merkle;
