package io.jamboree.rpc;

import java.net.InetSocketAddress;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The running JIP-2 RPC server (JSON-RPC 2.0 over WebSocket). Registered while it listens; {@link #address()} is the
 * bound address (useful when configured with port 0).
 */
@ProviderType
public interface RpcEndpoint {
    /** The configuration PID of the RPC server (properties {@code port}, {@code listen}). */
    String PID = "io.jamboree.rpc";

    /** The address the server listens on. */
    InetSocketAddress address();

    /** {@code ws://host:port/}. */
    default String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return "ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }
}
