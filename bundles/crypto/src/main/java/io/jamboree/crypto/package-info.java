/** Signatures and VRFs of JAM (GP §3.8): Ed25519, Bandersnatch IETF, Pedersen and ring VRFs. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.crypto;
