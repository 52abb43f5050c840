package io.jamboree.store;

/**
 * A consistent snapshot of all tables: it sees every commit made before it was opened and none
 * made after. Use from one thread; close it promptly (LMDB keeps old pages alive for open readers).
 */
@org.osgi.annotation.versioning.ProviderType
public interface ReadTxn extends AutoCloseable {
    /** The value under {@code key}, or {@code null} if there is none. */
    byte[] get(Table table, byte[] key);

    default boolean contains(Table table, byte[] key) {
        return get(table, key) != null;
    }

    /**
     * Entries with key {@code >= fromKey} (from the first key if {@code fromKey} is empty) and
     * starting with {@code prefix} (any key if {@code prefix} is empty), in unsigned byte order.
     * The scan stops at the first key past the prefix.
     */
    Cursor scan(Table table, byte[] fromKey, byte[] prefix);

    /** All entries of a table whose key starts with {@code prefix}. */
    default Cursor scan(Table table, byte[] prefix) {
        return scan(table, prefix, prefix);
    }

    /** The number of entries in a table. */
    long count(Table table);

    /** Ends the transaction; a write transaction that was not committed is aborted. */
    @Override
    void close();
}
