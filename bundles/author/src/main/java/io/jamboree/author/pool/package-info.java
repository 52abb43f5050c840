/**
 * The extrinsic pools of the block author (GP 0.7.2 §5–§6, §10–§12): other bundles (networking, guarantors, auditors)
 * submit tickets, preimages, guarantees, assurances and dispute items to the {@link io.jamboree.author.pool.ExtrinsicPool}
 * service; the author selects from it, against the state each block is applied on, the items of that block's
 * extrinsic.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.author.pool;
