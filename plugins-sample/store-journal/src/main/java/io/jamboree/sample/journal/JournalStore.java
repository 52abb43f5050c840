package io.jamboree.sample.journal;

import io.jamboree.store.Cursor;
import io.jamboree.store.Entry;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.StoreException;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;

/**
 * A {@link NodeStore} whose tables live in memory and whose commits are appended to a {@link Journal} file, which
 * is replayed when the store opens: the data survives a restart. Committed state is an immutable snapshot (one
 * sorted map per table); a write transaction copies the tables it writes on first write and publishes them at
 * commit, so readers always see a consistent state. Meant as a sample plugin, not for large chains: a commit
 * copies each table it touches.
 */
public final class JournalStore implements NodeStore {
    static final String KIND = "journal";
    private static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;
    private static final int TABLES = Table.values().length;

    private volatile NavigableMap<byte[], byte[]>[] snapshot;
    private final Semaphore writer = new Semaphore(1, true);
    private final Journal journal;
    private volatile boolean closed;

    private JournalStore(Journal journal, NavigableMap<byte[], byte[]>[] tables) {
        this.journal = journal;
        this.snapshot = tables;
    }

    /** Opens the store of {@code file}, replaying what the journal holds. */
    public static JournalStore open(Path file) throws IOException {
        NavigableMap<byte[], byte[]>[] tables = emptyTables();
        Journal journal = Journal.open(file, (table, key, value) -> {
            if (value == null) {
                tables[table].remove(key);
            } else {
                tables[table].put(key, value);
            }
        });
        return new JournalStore(journal, tables);
    }

    @SuppressWarnings("unchecked")
    private static NavigableMap<byte[], byte[]>[] emptyTables() {
        NavigableMap<byte[], byte[]>[] t = new NavigableMap[TABLES];
        for (int i = 0; i < TABLES; i++) {
            t[i] = new TreeMap<>(ORDER);
        }
        return t;
    }

    public Journal journal() {
        return journal;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ReadTxn read() {
        checkOpen();
        return new Read(snapshot);
    }

    @Override
    public WriteTxn write() {
        checkOpen();
        try {
            writer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the write transaction", e);
        }
        if (closed) {
            writer.release();
            checkOpen();
        }
        return new Write(snapshot);
    }

    @Override
    public void close() {
        closed = true;
        journal.close();
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("the journal store is closed");
        }
    }

    private static class Read implements ReadTxn {
        final NavigableMap<byte[], byte[]>[] tables;
        boolean done;

        Read(NavigableMap<byte[], byte[]>[] tables) {
            this.tables = tables;
        }

        final void live() {
            if (done) {
                throw new StoreException("transaction is closed");
            }
        }

        @Override
        public byte[] get(Table table, byte[] key) {
            live();
            byte[] v = tables[table.ordinal()].get(table.checkKey(key));
            return v == null ? null : v.clone();
        }

        @Override
        public Cursor scan(Table table, byte[] fromKey, byte[] prefix) {
            live();
            byte[] p = prefix == null ? new byte[0] : prefix;
            byte[] from = fromKey == null || fromKey.length == 0 || Arrays.compareUnsigned(fromKey, p) < 0 ? p : fromKey;
            NavigableMap<byte[], byte[]> t = tables[table.ordinal()];
            Iterator<Map.Entry<byte[], byte[]>> it = (from.length == 0 ? t : t.tailMap(from, true)).entrySet().iterator();
            return new Cursor() {
                boolean end;

                @Override
                public Entry next() {
                    if (end || !it.hasNext()) {
                        end = true;
                        return null;
                    }
                    Map.Entry<byte[], byte[]> e = it.next();
                    byte[] k = e.getKey();
                    if (k.length < p.length || !Arrays.equals(k, 0, p.length, p, 0, p.length)) {
                        end = true;
                        return null;
                    }
                    return new Entry(k.clone(), e.getValue().clone());
                }

                @Override
                public void close() {
                    end = true;
                }
            };
        }

        @Override
        public long count(Table table) {
            live();
            return tables[table.ordinal()].size();
        }

        @Override
        public void close() {
            done = true;
        }
    }

    private final class Write extends Read implements WriteTxn {
        private final boolean[] copied = new boolean[TABLES];
        private final Journal.Batch batch = journal.batch();

        Write(NavigableMap<byte[], byte[]>[] base) {
            super(base.clone());
        }

        private NavigableMap<byte[], byte[]> writable(Table t) {
            live();
            int i = t.ordinal();
            if (!copied[i]) {
                copied[i] = true;
                tables[i] = new TreeMap<>(tables[i]);
            }
            return tables[i];
        }

        @Override
        public void put(Table table, byte[] key, byte[] value) {
            table.checkKey(key);
            if (value == null) {
                throw new StoreException("value for table " + table + " is null");
            }
            byte[] k = key.clone();
            byte[] v = value.clone();
            writable(table).put(k, v);
            batch.put(table.ordinal(), k, v);
        }

        @Override
        public boolean delete(Table table, byte[] key) {
            table.checkKey(key);
            live();
            if (!tables[table.ordinal()].containsKey(key)) {
                return false;
            }
            writable(table).remove(key);
            batch.delete(table.ordinal(), key.clone());
            return true;
        }

        @Override
        public void commit() {
            if (done) {
                throw new StoreException("transaction is already closed");
            }
            try {
                batch.commit(); // durable first, then visible
                snapshot = tables;
            } finally {
                end();
            }
        }

        @Override
        public void abort() {
            if (!done) {
                end();
            }
        }

        @Override
        public void close() {
            abort();
        }

        private void end() {
            done = true;
            writer.release();
        }
    }
}
