package io.jamboree.store.lmdb;

/** The LMDB part of configuration PID io.jamboree.store (described by the metatype in jam-store-api). */
@interface LmdbConfig {
    /** Folder of the environment; empty means ${jamboree.data}/lmdb. */
    String path() default "";

    int mapSizeGiB() default 64;
}
