package io.jamboree.store;

/**
 * The single writer of a store. It reads its own uncommitted writes. {@link #commit()} makes all
 * writes visible and durable at once; {@link #abort()} or {@link #close()} without commit drops
 * them all. There is at most one open write transaction per store: {@link NodeStore#write()}
 * waits for the previous one to end.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WriteTxn extends ReadTxn {
    /** Stores {@code value} under {@code key}, replacing any previous value. */
    void put(Table table, byte[] key, byte[] value);

    /** Removes {@code key}; returns whether it was there. */
    boolean delete(Table table, byte[] key);

    /**
     * Commits atomically and durably (LMDB: fsync'ed before this returns).
     *
     * @throws StoreException if the commit fails (e.g. the LMDB map is full); nothing was written then
     */
    void commit();

    /** Drops every write of this transaction. Idempotent. */
    void abort();
}
