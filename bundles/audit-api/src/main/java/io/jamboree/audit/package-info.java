/**
 * Auditing (GP 0.7.2 §17): {@link io.jamboree.audit.AuditedBlocks} tells whether every report a block made available
 * has been audited, which the best-chain rule (GP §19) asks of every unfinalized ancestor and GRANDPA of every block
 * it votes for;
 * {@link io.jamboree.audit.AuditActivity} counts what the auditor did, for the node's statistics.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package io.jamboree.audit;
