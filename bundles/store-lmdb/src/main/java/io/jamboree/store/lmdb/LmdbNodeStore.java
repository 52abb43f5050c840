package io.jamboree.store.lmdb;

import io.jamboree.store.Cursor;
import io.jamboree.store.Entry;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.StoreException;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.GetOp;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * A NodeStore on one LMDB environment (one named database per {@link Table}) with LMDB's default
 * durable sync: a commit returns after the data is on disk, and a process killed at any moment
 * reopens with exactly the last committed transaction.
 */
public final class LmdbNodeStore implements NodeStore {
    private static final long GIB = 1L << 30;

    private final Path dir;
    private final long mapSize;
    private final Env<byte[]> env;
    private final Map<Table, Dbi<byte[]>> dbis = new EnumMap<>(Table.class);

    private LmdbNodeStore(Path dir, long mapSize, Env<byte[]> env) {
        this.dir = dir;
        this.mapSize = mapSize;
        this.env = env;
    }

    /**
     * Opens (creating if needed) the environment in folder {@code dir}.
     *
     * @throws StoreException if {@code dir} is a file, cannot be created, or is not an LMDB environment
     */
    public static LmdbNodeStore open(Path dir, long mapSizeGiB) {
        if (mapSizeGiB < 1) {
            throw new StoreException("mapSizeGiB must be at least 1, got " + mapSizeGiB);
        }
        return openBytes(dir, mapSizeGiB * GIB);
    }

    /** As {@link #open}, with the map size in bytes (tests use small maps). */
    static LmdbNodeStore openBytes(Path dir, long mapSize) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new StoreException("store path " + abs + " is a file; it must be a folder (set path in io.jamboree.store)");
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new StoreException("cannot create store folder " + abs + ": " + e, e);
        }
        if (!Files.isWritable(abs)) {
            throw new StoreException("store folder " + abs + " is not writable");
        }
        Env<byte[]> env;
        // lmdbjava finds its native liblmdb through the thread context class loader; in OSGi that is
        // not this bundle's loader, so point it here while lmdbjava initializes and opens.
        Thread thread = Thread.currentThread();
        ClassLoader tccl = thread.getContextClassLoader();
        thread.setContextClassLoader(LmdbNodeStore.class.getClassLoader());
        try {
            env = Env.create(ByteArrayProxy.PROXY_BA)
                    .setMapSize(mapSize)
                    .setMaxDbs(Table.values().length)
                    .setMaxReaders(512)
                    .open(abs.toFile(), EnvFlags.MDB_NOTLS);
        } catch (LmdbException e) {
            throw new StoreException("cannot open LMDB environment in " + abs + ": " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new StoreException("cannot load LMDB's native library (lmdbjava, jnr-ffi): " + e, e);
        } finally {
            thread.setContextClassLoader(tccl);
        }
        LmdbNodeStore store = new LmdbNodeStore(abs, mapSize, env);
        try {
            env.readerCheck(); // drop reader slots of killed processes
            for (Table t : Table.values()) {
                store.dbis.put(t, env.openDbi(t.storageName(), DbiFlags.MDB_CREATE));
            }
        } catch (RuntimeException e) {
            env.close();
            throw new StoreException("cannot open the tables of LMDB environment " + abs + ": " + e.getMessage(), e);
        }
        return store;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public String kind() {
        return "lmdb";
    }

    @Override
    public ReadTxn read() {
        return new Read(begin(false));
    }

    @Override
    public WriteTxn write() {
        return new Write(begin(true));
    }

    private Txn<byte[]> begin(boolean write) {
        if (env.isClosed()) {
            throw new StoreException("the LMDB store in " + dir + " is closed");
        }
        try {
            return write ? env.txnWrite() : env.txnRead();
        } catch (LmdbException e) {
            throw fail("begin a " + (write ? "write" : "read") + " transaction", e);
        }
    }

    private StoreException fail(String what, LmdbException e) {
        if (e instanceof Env.MapFullException) {
            return new StoreException("LMDB map in " + dir + " is full (" + mapSize / (1 << 20)
                    + " MiB); raise mapSizeGiB in io.jamboree.store and restart the store; the transaction was not committed", e);
        }
        return new StoreException("LMDB (" + dir + "): cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (!env.isClosed()) {
            env.close();
        }
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private class Read implements ReadTxn {
        final Txn<byte[]> txn;

        Read(Txn<byte[]> txn) {
            this.txn = txn;
        }

        @Override
        public byte[] get(Table table, byte[] key) {
            try {
                return dbis.get(table).get(txn, table.checkKey(key));
            } catch (LmdbException e) {
                throw fail("read " + table, e);
            }
        }

        @Override
        public Cursor scan(Table table, byte[] fromKey, byte[] prefix) {
            byte[] p = prefix == null ? new byte[0] : prefix;
            byte[] from = fromKey == null || fromKey.length == 0 ? null : fromKey;
            if (from == null || Arrays.compareUnsigned(from, p) < 0) {
                from = p.length == 0 ? null : p;
            }
            byte[] start = from;
            org.lmdbjava.Cursor<byte[]> c;
            try {
                c = dbis.get(table).openCursor(txn);
            } catch (LmdbException e) {
                throw fail("scan " + table, e);
            }
            return new Cursor() {
                boolean started;
                boolean end;

                @Override
                public Entry next() {
                    if (end) {
                        return null;
                    }
                    try {
                        boolean found;
                        if (!started) {
                            started = true;
                            found = start == null ? c.first() : c.get(start, GetOp.MDB_SET_RANGE);
                        } else {
                            found = c.next();
                        }
                        if (!found) {
                            close();
                            return null;
                        }
                        byte[] k = c.key();
                        if (!startsWith(k, p)) {
                            close();
                            return null;
                        }
                        return new Entry(k, c.val());
                    } catch (LmdbException e) {
                        close();
                        throw fail("scan " + table, e);
                    }
                }

                @Override
                public void close() {
                    if (!end) {
                        end = true;
                        c.close();
                    }
                }
            };
        }

        @Override
        public long count(Table table) {
            try {
                return dbis.get(table).stat(txn).entries;
            } catch (LmdbException e) {
                throw fail("count " + table, e);
            }
        }

        @Override
        public void close() {
            txn.close();
        }
    }

    private final class Write extends Read implements WriteTxn {
        private boolean done;

        Write(Txn<byte[]> txn) {
            super(txn);
        }

        private void live() {
            if (done) {
                throw new StoreException("transaction is already closed");
            }
        }

        @Override
        public void put(Table table, byte[] key, byte[] value) {
            live();
            table.checkKey(key);
            if (value == null) {
                throw new StoreException("value for table " + table + " is null");
            }
            try {
                dbis.get(table).put(txn, key, value);
            } catch (LmdbException e) {
                throw fail("write " + table, e);
            }
        }

        @Override
        public boolean delete(Table table, byte[] key) {
            live();
            try {
                return dbis.get(table).delete(txn, table.checkKey(key));
            } catch (LmdbException e) {
                throw fail("delete from " + table, e);
            }
        }

        @Override
        public void commit() {
            live();
            done = true;
            try {
                txn.commit();
            } catch (LmdbException e) {
                throw fail("commit", e);
            } finally {
                txn.close();
            }
        }

        @Override
        public void abort() {
            if (!done) {
                done = true;
                txn.abort();
                txn.close();
            }
        }

        @Override
        public void close() {
            abort();
        }
    }
}
