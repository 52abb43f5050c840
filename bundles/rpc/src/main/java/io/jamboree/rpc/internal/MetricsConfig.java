package io.jamboree.rpc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the Prometheus metrics endpoint (PID {@code io.jamboree.metrics}). */
@ObjectClassDefinition(name = "Jamboree Prometheus metrics")
public @interface MetricsConfig {
    @AttributeDefinition(description = "TCP port of http://listen:port/metrics (0 = any free port)")
    int port() default 9615;

    @AttributeDefinition(description = "Address to listen on")
    String listen() default "127.0.0.1";

    @AttributeDefinition(description = "The node's data folder, whose size on disk is reported (empty: not reported)")
    String data() default "";
}
