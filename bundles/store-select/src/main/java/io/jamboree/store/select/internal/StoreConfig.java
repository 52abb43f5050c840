package io.jamboree.store.select.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration PID io.jamboree.store (conf/config/io.jamboree.store.cfg). */
@ObjectClassDefinition(name = "Jamboree store",
        description = "Which node store is active, and where LMDB keeps its data.")
public @interface StoreConfig {
    @AttributeDefinition(name = "Kind", description = "The active store: lmdb (persistent) or memory.",
            options = {@Option(label = "LMDB", value = "lmdb"), @Option(label = "In memory", value = "memory")})
    String kind() default "lmdb";

    @AttributeDefinition(name = "Path", required = false,
            description = "Folder of the LMDB environment; empty means ${jamboree.data}/lmdb.")
    String path() default "";

    @AttributeDefinition(name = "Map size (GiB)", min = "1",
            description = "The most data LMDB can hold; the file grows as needed up to this.")
    int mapSizeGiB() default 64;
}
