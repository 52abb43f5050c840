package io.jamboree.store;

/**
 * A transactional store of byte tables, registered as an OSGi service with the property
 * {@value #KIND_PROPERTY} = {@link #kind()}. The block importer should use {@link ActiveStore},
 * which delegates to the configured NodeStore.
 */
@org.osgi.annotation.versioning.ProviderType
public interface NodeStore extends AutoCloseable {
    /** Service property naming the implementation: "memory" or "lmdb". */
    String KIND_PROPERTY = "store.kind";

    /** "memory", "lmdb", ... */
    String kind();

    /** Opens a snapshot for reading. */
    ReadTxn read();

    /** Opens the write transaction, waiting while another one is open. */
    WriteTxn write();

    /** Releases the store; open transactions must be closed first. */
    @Override
    void close();
}
