/** Signatures and VRFs of JAM (GP §3.8). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.crypto;
