/**
 * Block import: the service the fuzz target, the trace importer and the node use (GP §4.1, Υ).
 *
 * <p>In OSGi use the {@link io.jamboree.importer.BlockImporter} service (configuration PID
 * {@code io.jamboree.importer}, {@code chain} = tiny | full; it needs the {@code ActiveStore} and
 * {@code Accumulation} services); elsewhere {@link io.jamboree.importer.BlockImporters#create}.
 *
 * <ul>
 *   <li><b>Checks.</b> Parent known and its state kept; H_r = the parent's state root; slot after the
 *       parent's; author index below V; extrinsic hash; then Υ in the GP §4.2 order (disputes, Safrole,
 *       assurances, guarantees, accumulation, preimages, history, statistics, authorizations) with the
 *       epoch, winning-tickets and offenders markers compared to the header and the seal and entropy source
 *       verified (GP §6.4). Any failure is an {@link io.jamboree.importer.ImportOutcome.Rejected} with a reason;
 *       the store is then untouched.</li>
 *   <li><b>Storage.</b> One write transaction per import: the block, its posterior state (key/values), its
 *       tree node. After a restart the tree, best head and ancestry are reloaded from the store.</li>
 *   <li><b>Forks and best head.</b> Every valid block is kept, whatever its parent. The best head is the
 *       block of greatest height (ancestors since the initial state), the newest import winning ties: the
 *       M1 importer neither audits nor finalizes, so this is GP §19's longest-chain rule.</li>
 *   <li><b>Pruning.</b> States of blocks more than {@link io.jamboree.importer.BlockImporters#RETAINED_EPOCHS}
 *       epochs' worth of blocks below the best head's height are deleted (blocks and tree nodes stay); a block on
 *       top of a pruned state is rejected. Height, not slot: a far-future slot must not prune live siblings.</li>
 *   <li><b>Ancestry.</b> The lookup anchor of every guarantee must be one of the last L headers (GP §11.4,
 *       eq. 11.35): L = 14,400 in full, 24 in tiny (the conformance fuzzer's scaling). The check is on when
 *       {@code initialize} is given ancestry or a genesis header (zero parent), off otherwise, as the fuzzer
 *       protocol asks when its ancestry feature is off.</li>
 * </ul>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.importer;
