package io.jamboree.store.memory;

import io.jamboree.store.Cursor;
import io.jamboree.store.Entry;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.StoreException;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;

/**
 * A NodeStore in memory. Committed data is an immutable snapshot: per table, 256 sorted maps
 * (buckets by the key's first byte). A commit publishes a new snapshot that shares every bucket it
 * did not touch, so readers always see a consistent state and a commit copies only the buckets it
 * wrote (for hash-prefixed keys, about 1/256 of a table per written prefix).
 */
public final class MemoryNodeStore implements NodeStore {
    private static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;
    private static final int BUCKETS = 256;
    private static final int TABLES = Table.values().length;

    /** An immutable committed state: buckets[table][first key byte], entry counts per table. */
    private record Snapshot(NavigableMap<byte[], byte[]>[][] buckets, long[] counts) {}

    private volatile Snapshot snapshot;
    private final Semaphore writer = new Semaphore(1, true);
    private volatile boolean closed;

    public MemoryNodeStore() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        NavigableMap<byte[], byte[]>[][] b = new NavigableMap[TABLES][BUCKETS];
        NavigableMap<byte[], byte[]> empty = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(ORDER));
        for (NavigableMap<byte[], byte[]>[] t : b) {
            Arrays.fill(t, empty);
        }
        snapshot = new Snapshot(b, new long[TABLES]);
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public ReadTxn read() {
        checkOpen();
        return new Read(snapshot.buckets(), snapshot.counts());
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
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("the memory store is closed");
        }
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static class Read implements ReadTxn {
        final NavigableMap<byte[], byte[]>[][] buckets;
        final long[] counts;
        boolean done;

        Read(NavigableMap<byte[], byte[]>[][] buckets, long[] counts) {
            this.buckets = buckets;
            this.counts = counts;
        }

        final NavigableMap<byte[], byte[]> bucket(Table t, byte[] key) {
            live();
            return buckets[t.ordinal()][key[0] & 0xff];
        }

        final void live() {
            if (done) {
                throw new StoreException("transaction is closed");
            }
        }

        @Override
        public byte[] get(Table table, byte[] key) {
            byte[] v = bucket(table, table.checkKey(key)).get(key);
            return v == null ? null : v.clone();
        }

        @Override
        public Cursor scan(Table table, byte[] fromKey, byte[] prefix) {
            live();
            byte[] p = prefix == null ? new byte[0] : prefix;
            byte[] f = fromKey == null || fromKey.length == 0 ? null : fromKey;
            if (f == null || Arrays.compareUnsigned(f, p) < 0) {
                f = p.length == 0 ? null : p;
            }
            byte[] from = f;
            NavigableMap<byte[], byte[]>[] maps = buckets[table.ordinal()];
            int first = from == null ? 0 : from[0] & 0xff;
            int last = p.length == 0 ? BUCKETS - 1 : p[0] & 0xff;
            return new Cursor() {
                int b = first;
                Iterator<Map.Entry<byte[], byte[]>> it =
                        (from == null ? maps[first] : maps[first].tailMap(from, true)).entrySet().iterator();
                boolean end;

                @Override
                public Entry next() {
                    while (!end && !it.hasNext()) {
                        if (++b > last) {
                            end = true;
                        } else {
                            it = maps[b].entrySet().iterator();
                        }
                    }
                    if (end) {
                        return null;
                    }
                    Map.Entry<byte[], byte[]> e = it.next();
                    if (!startsWith(e.getKey(), p)) {
                        end = true;
                        return null;
                    }
                    return new Entry(e.getKey().clone(), e.getValue().clone());
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
            return counts[table.ordinal()];
        }

        @Override
        public void close() {
            done = true;
        }
    }

    private final class Write extends Read implements WriteTxn {
        private final Snapshot base;
        private final boolean[][] copied = new boolean[TABLES][];

        Write(Snapshot base) {
            super(base.buckets().clone(), base.counts().clone());
            this.base = base;
        }

        /** The bucket of {@code key}, copied on the first write to it in this transaction. */
        private NavigableMap<byte[], byte[]> writable(Table t, byte[] key) {
            live();
            int ti = t.ordinal();
            int bi = key[0] & 0xff;
            if (copied[ti] == null) {
                copied[ti] = new boolean[BUCKETS];
                buckets[ti] = buckets[ti].clone();
            }
            if (!copied[ti][bi]) {
                copied[ti][bi] = true;
                buckets[ti][bi] = new TreeMap<>(base.buckets()[ti][bi]);
            }
            return buckets[ti][bi];
        }

        @Override
        public void put(Table table, byte[] key, byte[] value) {
            table.checkKey(key);
            if (value == null) {
                throw new StoreException("value for table " + table + " is null");
            }
            if (writable(table, key).put(key.clone(), value.clone()) == null) {
                counts[table.ordinal()]++;
            }
        }

        @Override
        public boolean delete(Table table, byte[] key) {
            table.checkKey(key);
            if (!bucket(table, key).containsKey(key)) {
                return false;
            }
            writable(table, key).remove(key);
            counts[table.ordinal()]--;
            return true;
        }

        @Override
        public void commit() {
            if (done) {
                throw new StoreException("transaction is already closed");
            }
            snapshot = new Snapshot(buckets, counts);
            end();
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
