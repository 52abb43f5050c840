package io.jamboree.store;

/**
 * The tables of a node store. Keys are compared as unsigned bytes (memcmp order), 1 to
 * {@link #MAX_KEY_BYTES} bytes long; values are any bytes.
 */
public enum Table {
    /** Encoded blocks by header hash. */
    BLOCKS,
    /** State descriptors (e.g. state root and key count) by header hash or state root. */
    STATES,
    /** State key-value pairs: (header hash or state root) ++ 31-byte state key to value. */
    STATE_KV,
    /** Block tree metadata: parent links, slots, best head, finalized. */
    TREE,
    /** Small metadata (schema version, counters, markers). */
    META;

    /** The largest key LMDB accepts with its default page size. */
    public static final int MAX_KEY_BYTES = 511;

    /** The table's name in storage (lower case). */
    public String storageName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Checks a key for this table.
     *
     * @throws StoreException if the key is null, empty or longer than {@link #MAX_KEY_BYTES}
     */
    public byte[] checkKey(byte[] key) {
        if (key == null) {
            throw new StoreException("key for table " + this + " is null");
        }
        if (key.length == 0 || key.length > MAX_KEY_BYTES) {
            throw new StoreException("key for table " + this + " has " + key.length
                    + " bytes; keys must have 1.." + MAX_KEY_BYTES + " bytes");
        }
        return key;
    }
}
