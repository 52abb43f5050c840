/**
 * Block import: the service the fuzz target, the trace importer and the node use (GP §4.1, Υ).
 *
 * <p>In OSGi use the {@link io.jamboree.importer.BlockImporter} service (configuration PID
 * {@code io.jamboree.importer}, {@code chain} = tiny | full; it needs the {@code ActiveStore} and
 * {@code StateTransition} services); for an importer over a store of your own, the
 * {@link io.jamboree.importer.BlockImporterFactory} service.
 *
 * <ul>
 *   <li><b>Checks.</b> Parent known and its state kept; H_r = the parent's state root; slot after the
 *       parent's; author index below V; extrinsic hash; then Υ in the GP §4.2 order (disputes, Safrole,
 *       assurances, guarantees, accumulation, preimages, history, statistics, authorizations) with the
 *       epoch, winning-tickets and offenders markers compared to the header and the seal and entropy source
 *       verified (GP §6.4). Any failure is an {@link io.jamboree.importer.ImportOutcome.Rejected} with a reason;
 *       the store is then untouched.</li>
 *   <li><b>Rejections and failures.</b> An invalid block is always a {@code Rejected} outcome, never an
 *       exception. Any exception from {@code importBlock} is an internal failure (a bug, a failing store):
 *       {@link io.jamboree.importer.ImportFailedException} with the cause, the store left as it was.
 *       {@code initialize} throws {@code IllegalArgumentException} for a state with a key given twice and
 *       {@code ImportFailedException} when the store fails, in both cases changing nothing.</li>
 *   <li><b>Initial states.</b> {@code initialize} stores the state exactly as given, under the hash of the
 *       given header or, when starting mid-chain without the parent header, under a given header hash (the
 *       next block's H_p; the slot is taken from the state's τ). The state may be incomplete (a component
 *       missing or undecodable, or no key-values at all): its root is computed from the key-values (GP App. D)
 *       and a block on top of it is rejected ("the parent's state cannot be used ... state has no alpha").
 *       Duplicate keys are refused, as T(σ) is a dictionary (GP D.1): which value is meant would be a guess.</li>
 *   <li><b>Storage.</b> One write transaction per import: the block, its posterior state (the key/values it
 *       changed over its parent's state; in full every 32nd block of a chain), its tree node. After a restart the tree, best head and ancestry are reloaded from the store.</li>
 *   <li><b>Forks and best head.</b> Every valid block is kept, whatever its parent. The best head is the
 *       block of greatest height (ancestors since the initial state), the newest import winning ties: the
 *       M1 importer neither audits nor finalizes, so this is GP §19's longest-chain rule.</li>
 *   <li><b>Import events.</b> The {@link io.jamboree.importer.BlockImporter} service tells every
 *       {@link io.jamboree.importer.BlockImportListener} service (whiteboard) of each block it imported, on the
 *       importing thread, with the best head after it (0.6.0).</li>
 *   <li><b>Pruning.</b> States of blocks more than {@link io.jamboree.importer.BlockImporterFactory#RETAINED_EPOCHS}
 *       epochs' worth of blocks below the best head's height are deleted (blocks and tree nodes stay); a block on
 *       top of a pruned state is rejected. Height, not slot: a far-future slot must not prune live siblings.</li>
 *   <li><b>Ancestry.</b> The lookup anchor of every guarantee must be one of the last L headers (GP §11.4,
 *       eq. 11.35): L = {@code ChainParams.maxLookupAnchorAge()} = {@code ancestryLength()}, 14,400 in full and 24
 *       in tiny (the conformance fuzzer's scaling). The ancestry is complete when the importer started from a
 *       genesis header (zero parent) or {@code initialize} was given ancestry: every anchor is checked. Otherwise
 *       anchors older than the initial state's header cannot be known and are not checked (logged once at
 *       debug), as fuzz-proto prescribes without its ancestry feature; anchors from the initial header on are.</li>
 * </ul>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.6.0")
package io.jamboree.importer;
