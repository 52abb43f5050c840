package io.jamboree.rpc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the JIP-2 RPC server (PID {@code io.jamboree.rpc}). */
@ObjectClassDefinition(name = "Jamboree JIP-2 RPC server")
public @interface RpcConfig {
    @AttributeDefinition(description = "TCP port of the WebSocket JSON-RPC server (JIP-2: 19800; 0 = any free port)")
    int port() default 19800;

    @AttributeDefinition(description = "Address to listen on (default loopback; 0.0.0.0 for all interfaces)")
    String listen() default "127.0.0.1";

    @AttributeDefinition(description = "Bytes a client may leave unread before it is disconnected")
    int maxPendingBytes() default 32 << 20;

    @AttributeDefinition(description = "Subscriptions per connection")
    int maxSubscriptions() default 1024;
}
