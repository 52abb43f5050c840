/**
 * The node's RPC, metrics and telemetry (JIP-2, JIP-3).
 *
 * <ul>
 *   <li>{@link io.jamboree.rpc.RpcEndpoint}: the JIP-2 JSON-RPC 2.0 server over WebSocket, configuration PID
 *       {@value io.jamboree.rpc.RpcEndpoint#PID} ({@code port} 19800, {@code listen} 127.0.0.1); it runs only when
 *       that configuration exists ({@code jam run} sets it).</li>
 *   <li>{@link io.jamboree.rpc.WorkPackageSubmitter}: provided by the bundle that distributes work-packages to
 *       guarantors; until one is registered, {@code submitWorkPackage} answers "not available".</li>
 *   <li>{@link io.jamboree.rpc.FinalizedHead}: provided by a finality gadget (GRANDPA); until one is registered the
 *       finalized block is the chain's first block (genesis or the initial state).</li>
 * </ul>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.rpc;
