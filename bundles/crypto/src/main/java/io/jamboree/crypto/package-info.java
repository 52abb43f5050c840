/** Signatures and VRFs of JAM (GP §3.8): Ed25519, Bandersnatch IETF, Pedersen and ring VRFs. */
// 0.3.0: RingVrf.verifyBatch and RingVrf.warmUp.
// 0.4.0: Ed25519.verifyBatch.
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.4.0")
package io.jamboree.crypto;
