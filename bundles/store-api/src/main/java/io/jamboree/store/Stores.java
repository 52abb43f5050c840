package io.jamboree.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/** Helpers over any {@link NodeStore}: table digests and whole-store copies. */
public final class Stores {
    private static final byte[] EMPTY = new byte[0];

    private Stores() {}

    /** Entry count and SHA-256 over (key length, key, value length, value) of every entry, in order. */
    public record TableDigest(long entries, String sha256) {}

    /** What a copy moved: per table digests of the source, verified against the target. */
    public record CopyReport(String from, String to, Map<Table, TableDigest> tables, long millis) {
        public CopyReport {
            tables = Map.copyOf(tables);
        }

        public long entries() {
            return tables.values().stream().mapToLong(TableDigest::entries).sum();
        }
    }

    /** The digest of one table as seen by {@code txn}. */
    public static TableDigest digest(ReadTxn txn, Table table) {
        MessageDigest md = sha256();
        long n = 0;
        try (Cursor c = txn.scan(table, EMPTY, EMPTY)) {
            for (Entry e = c.next(); e != null; e = c.next()) {
                update(md, e.key());
                update(md, e.value());
                n++;
            }
        }
        return new TableDigest(n, HexFormat.of().formatHex(md.digest()));
    }

    /** Digests of all tables as seen by {@code txn}. */
    public static Map<Table, TableDigest> digest(ReadTxn txn) {
        Map<Table, TableDigest> out = new EnumMap<>(Table.class);
        for (Table t : Table.values()) {
            out.put(t, digest(txn, t));
        }
        return out;
    }

    /**
     * Replaces the content of {@code target} by a snapshot of {@code source} in one write
     * transaction of the target, verifies digests inside that transaction and commits.
     *
     * @throws StoreException if the target does not match after copying (nothing is committed then)
     */
    public static CopyReport copy(ReadTxn source, String sourceKind, NodeStore target) {
        long start = System.nanoTime();
        Map<Table, TableDigest> expected = new EnumMap<>(Table.class);
        try (WriteTxn w = target.write()) {
            for (Table t : Table.values()) {
                clear(w, t);
                MessageDigest md = sha256();
                long n = 0;
                try (Cursor c = source.scan(t, EMPTY, EMPTY)) {
                    for (Entry e = c.next(); e != null; e = c.next()) {
                        w.put(t, e.key(), e.value());
                        update(md, e.key());
                        update(md, e.value());
                        n++;
                    }
                }
                expected.put(t, new TableDigest(n, HexFormat.of().formatHex(md.digest())));
            }
            for (Table t : Table.values()) {
                TableDigest got = digest(w, t);
                if (!got.equals(expected.get(t)) || w.count(t) != got.entries()) {
                    throw new StoreException("copy from " + sourceKind + " to " + target.kind()
                            + " does not verify for table " + t + ": expected " + expected.get(t)
                            + ", target has " + got + " (count " + w.count(t) + "); nothing was committed");
                }
            }
            w.commit();
        }
        return new CopyReport(sourceKind, target.kind(), expected, (System.nanoTime() - start) / 1_000_000);
    }

    private static void clear(WriteTxn w, Table t) {
        while (true) {
            java.util.List<byte[]> batch = new java.util.ArrayList<>();
            try (Cursor c = w.scan(t, EMPTY, EMPTY)) {
                for (Entry e = c.next(); e != null && batch.size() < 10_000; e = c.next()) {
                    batch.add(e.key());
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            for (byte[] k : batch) {
                w.delete(t, k);
            }
        }
    }

    private static void update(MessageDigest md, byte[] b) {
        int n = b.length;
        md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        md.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
