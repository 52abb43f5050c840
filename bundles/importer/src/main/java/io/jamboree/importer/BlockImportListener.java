package io.jamboree.importer;

/**
 * Whiteboard: told of every block the node's {@link BlockImporter} service imports (GP §4.1, σ' = Υ(σ, B)), whoever
 * asked for it — authored here, synced from a peer, submitted by a tool — so that followers of the chain (RPC
 * subscriptions, the dashboard, telemetry) are pushed the new head instead of polling for it. Register an OSGi service
 * of this type; the importer calls it on the importing thread after the block and its state are stored, for every
 * {@link ImportOutcome.Imported} outcome (never for a rejected block; a block imported again is reported again).
 * Implementations must return quickly (hand the work to a thread of their own) and not throw; an exception is logged
 * and ignored.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface BlockImportListener {
    /** {@code block} was imported and stored. */
    void imported(ImportedBlock block);
}
