package io.jamboree.rpc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of JIP-3 telemetry (PID {@code io.jamboree.telemetry}). */
@ObjectClassDefinition(name = "Jamboree JIP-3 telemetry")
public @interface TelemetryConfig {
    @AttributeDefinition(description = "The telemetry server, HOST:PORT")
    String endpoint();

    @AttributeDefinition(description = "Events kept while the server is slow or away; more are dropped")
    int queueSize() default 4096;

    @AttributeDefinition(description = "Free-form note sent in the node information message")
    String note() default "";
}
