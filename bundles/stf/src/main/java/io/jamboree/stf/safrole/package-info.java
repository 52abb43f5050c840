/**
 * Safrole block production (GP §6): timekeeping, key rotation, entropy, sealing-key series and the ticket
 * contest.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.stf.safrole;
