/**
 * Safrole block production (GP §6): timekeeping, key rotation, entropy, sealing-key series and the ticket
 * contest.
 */
// 1.0.0: the test-vector checker left this package for the vectors bundle (issue #12).
// 1.1.0: RingVrf.verifyAll (batched ticket verification, default method).
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.jamboree.stf.safrole;
