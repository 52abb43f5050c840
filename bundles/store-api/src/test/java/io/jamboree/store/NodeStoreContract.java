package io.jamboree.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link NodeStore} must have; each implementation's test extends this. */
public abstract class NodeStoreContract {
    protected NodeStore store;
    private final List<NodeStore> opened = new ArrayList<>();

    /** A new, empty store of the implementation under test (a different one on each call). */
    protected abstract NodeStore newStore() throws Exception;

    protected abstract String expectedKind();

    protected static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static String s(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    protected NodeStore open() throws Exception {
        NodeStore n = newStore();
        opened.add(n);
        return n;
    }

    @BeforeEach
    void setUp() throws Exception {
        store = open();
    }

    @AfterEach
    void tearDown() {
        for (NodeStore n : opened) {
            n.close();
        }
    }

    @Test
    void kind() {
        assertEquals(expectedKind(), store.kind());
    }

    @Test
    void putGetDeleteCommit() {
        try (WriteTxn w = store.write()) {
            w.put(Table.BLOCKS, b("h1"), b("block1"));
            w.put(Table.META, b("best"), b("h1"));
            assertEquals("block1", s(w.get(Table.BLOCKS, b("h1"))), "a write txn reads its own writes");
            w.commit();
        }
        try (ReadTxn r = store.read()) {
            assertEquals("block1", s(r.get(Table.BLOCKS, b("h1"))));
            assertEquals("h1", s(r.get(Table.META, b("best"))));
            assertNull(r.get(Table.STATES, b("h1")), "tables are separate");
            assertEquals(1, r.count(Table.BLOCKS));
        }
        try (WriteTxn w = store.write()) {
            assertTrue(w.delete(Table.BLOCKS, b("h1")));
            assertFalse(w.delete(Table.BLOCKS, b("h1")));
            w.put(Table.META, b("best"), b("h0"));
            w.commit();
        }
        try (ReadTxn r = store.read()) {
            assertNull(r.get(Table.BLOCKS, b("h1")));
            assertEquals("h0", s(r.get(Table.META, b("best"))));
            assertEquals(0, r.count(Table.BLOCKS));
        }
    }

    @Test
    void valuesAreCopies() {
        byte[] v = b("abc");
        try (WriteTxn w = store.write()) {
            w.put(Table.META, b("k"), v);
            v[0] = 'x';
            w.commit();
        }
        try (ReadTxn r = store.read()) {
            byte[] got = r.get(Table.META, b("k"));
            assertEquals("abc", s(got));
            got[0] = 'y';
            assertEquals("abc", s(r.get(Table.META, b("k"))));
        }
    }

    @Test
    void scanIsOrderedUnsignedAndStopsAtPrefix() {
        try (WriteTxn w = store.write()) {
            w.put(Table.STATE_KV, new byte[] {1, (byte) 0xff}, b("c"));
            w.put(Table.STATE_KV, new byte[] {1, 0x7f}, b("b"));
            w.put(Table.STATE_KV, new byte[] {1}, b("a"));
            w.put(Table.STATE_KV, new byte[] {2, 0}, b("d"));
            w.put(Table.STATE_KV, new byte[] {(byte) 0x80}, b("e"));
            w.put(Table.STATE_KV, new byte[] {0}, b("z"));
            w.commit();
        }
        try (ReadTxn r = store.read()) {
            assertEquals(List.of("a", "b", "c"), values(r.scan(Table.STATE_KV, new byte[] {1})));
            assertEquals(List.of("b", "c"), values(r.scan(Table.STATE_KV, new byte[] {1, 0x10}, new byte[] {1})));
            assertEquals(List.of("z", "a", "b", "c", "d", "e"), values(r.scan(Table.STATE_KV, new byte[0], new byte[0])));
            assertEquals(List.of("d", "e"), values(r.scan(Table.STATE_KV, new byte[] {2}, new byte[0])));
            assertEquals(List.of(), values(r.scan(Table.STATE_KV, new byte[] {3})));
            assertEquals(List.of(), values(r.scan(Table.BLOCKS, new byte[0], new byte[0])));
            try (Cursor c = r.scan(Table.STATE_KV, new byte[] {1})) {
                Entry e = c.next();
                assertArrayEquals(new byte[] {1}, e.key());
            }
        }
    }

    private static List<String> values(Cursor c) {
        List<String> out = new ArrayList<>();
        try (c) {
            for (Entry e = c.next(); e != null; e = c.next()) {
                out.add(s(e.value()));
            }
        }
        return out;
    }

    @Test
    void abortAndCloseDropWrites() {
        try (WriteTxn w = store.write()) {
            w.put(Table.META, b("a"), b("1"));
            w.abort();
        }
        try (WriteTxn w = store.write()) {
            w.put(Table.META, b("b"), b("2"));
        } // closed without commit
        try (ReadTxn r = store.read()) {
            assertEquals(0, r.count(Table.META));
        }
    }

    @Test
    void readersSeeASnapshot() {
        try (WriteTxn w = store.write()) {
            w.put(Table.META, b("n"), b("1"));
            w.commit();
        }
        try (ReadTxn before = store.read()) {
            try (WriteTxn w = store.write()) {
                w.put(Table.META, b("n"), b("2"));
                w.put(Table.META, b("m"), b("x"));
                try (ReadTxn during = store.read()) {
                    assertEquals("1", s(during.get(Table.META, b("n"))), "uncommitted writes are invisible");
                }
                w.commit();
            }
            assertEquals("1", s(before.get(Table.META, b("n"))), "an open snapshot does not change");
            assertEquals(1, before.count(Table.META));
        }
        try (ReadTxn after = store.read()) {
            assertEquals("2", s(after.get(Table.META, b("n"))));
            assertEquals(2, after.count(Table.META));
        }
    }

    @Test
    void commitIsAtomicForConcurrentReaders() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> errors = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().start(() -> {
            started.countDown();
            while (!stop.get()) {
                try (ReadTxn r = store.read()) {
                    byte[] a = r.get(Table.STATE_KV, b("a"));
                    byte[] z = r.get(Table.STATE_KV, b("z"));
                    if (a == null ? z != null : !java.util.Arrays.equals(a, z)) {
                        synchronized (errors) {
                            errors.add("torn read: a=" + s(a) + " z=" + s(z));
                        }
                    }
                }
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 300; i++) {
            try (WriteTxn w = store.write()) {
                w.put(Table.STATE_KV, b("a"), b("v" + i));
                w.put(Table.STATE_KV, b("m" + i), b("filler"));
                w.put(Table.STATE_KV, b("z"), b("v" + i));
                w.commit();
            }
        }
        stop.set(true);
        reader.join(10_000);
        assertEquals(List.of(), errors);
    }

    @Test
    void oneWriterAtATime() throws Exception {
        WriteTxn first = store.write();
        CountDownLatch got = new CountDownLatch(1);
        Thread t = Thread.ofPlatform().start(() -> {
            try (WriteTxn second = store.write()) {
                second.put(Table.META, b("second"), b("1"));
                second.commit();
            }
            got.countDown();
        });
        assertFalse(got.await(200, TimeUnit.MILLISECONDS), "a second writer waits for the first");
        first.put(Table.META, b("first"), b("1"));
        first.commit();
        assertTrue(got.await(10, TimeUnit.SECONDS));
        t.join();
        try (ReadTxn r = store.read()) {
            assertEquals(2, r.count(Table.META));
        }
    }

    @Test
    void badInputGivesClearErrors() {
        try (WriteTxn w = store.write()) {
            StoreException e = assertThrows(StoreException.class, () -> w.put(Table.META, new byte[0], b("x")));
            assertTrue(e.getMessage().contains("1..511"), e.getMessage());
            assertThrows(StoreException.class, () -> w.put(Table.META, new byte[512], b("x")));
            assertThrows(StoreException.class, () -> w.put(Table.META, null, b("x")));
            assertThrows(StoreException.class, () -> w.put(Table.META, b("k"), null));
            w.commit();
            assertThrows(StoreException.class, w::commit, "commit twice");
        }
        try (ReadTxn r = store.read()) {
            assertThrows(StoreException.class, () -> r.get(Table.META, new byte[0]));
        }
    }

    @Test
    void bigValuesAndEmptyValues() {
        byte[] big = new byte[3 << 20];
        new java.util.Random(1).nextBytes(big);
        try (WriteTxn w = store.write()) {
            w.put(Table.BLOCKS, b("big"), big);
            w.put(Table.BLOCKS, b("empty"), new byte[0]);
            w.commit();
        }
        try (ReadTxn r = store.read()) {
            assertArrayEquals(big, r.get(Table.BLOCKS, b("big")));
            assertArrayEquals(new byte[0], r.get(Table.BLOCKS, b("empty")));
        }
    }

    @Test
    void copyReplacesTargetAndVerifies() throws Exception {
        try (WriteTxn w = store.write()) {
            for (int i = 0; i < 1000; i++) {
                w.put(Table.STATE_KV, b(String.format("k%05d", i)), b("v" + i));
            }
            w.put(Table.TREE, b("parent"), b("p"));
            w.commit();
        }
        NodeStore target = open();
        try (WriteTxn w = target.write()) {
            w.put(Table.META, b("stale"), b("gone after copy"));
            w.commit();
        }
        Stores.CopyReport report;
        try (ReadTxn src = store.read()) {
            report = Stores.copy(src, store.kind(), target);
        }
        assertEquals(1001, report.entries());
        try (ReadTxn a = store.read(); ReadTxn t = target.read()) {
            assertEquals(Stores.digest(a), Stores.digest(t));
            assertNull(t.get(Table.META, b("stale")));
            assertEquals("v7", s(t.get(Table.STATE_KV, b("k00007"))));
        }
        try (ReadTxn a = store.read()) {
            assertEquals(1000, a.count(Table.STATE_KV), "the source is unchanged");
        }
    }

    @Test
    void randomOperationsMatchAModel() {
        java.util.Random rnd = new java.util.Random(7);
        java.util.TreeMap<byte[], byte[]> model = new java.util.TreeMap<>(java.util.Arrays::compareUnsigned);
        for (int round = 0; round < 60; round++) {
            java.util.TreeMap<byte[], byte[]> next = new java.util.TreeMap<>(model);
            try (WriteTxn w = store.write()) {
                for (int i = 0; i < 40; i++) {
                    byte[] k = new byte[1 + rnd.nextInt(3)];
                    rnd.nextBytes(k);
                    k[0] = (byte) (k[0] & 0x83); // few first bytes, some >= 0x80
                    if (rnd.nextInt(3) == 0) {
                        assertEquals(next.remove(k) != null, w.delete(Table.STATE_KV, k));
                    } else {
                        byte[] v = new byte[rnd.nextInt(5)];
                        rnd.nextBytes(v);
                        w.put(Table.STATE_KV, k, v);
                        next.put(k, v);
                    }
                }
                assertEquals(next.size(), w.count(Table.STATE_KV));
                if (rnd.nextInt(4) == 0) {
                    w.abort();
                } else {
                    w.commit();
                    model = next;
                }
            }
            try (ReadTxn r = store.read()) {
                assertEquals(model.size(), r.count(Table.STATE_KV));
                List<Entry> want = new ArrayList<>();
                model.forEach((k, v) -> want.add(new Entry(k, v)));
                List<Entry> got = new ArrayList<>();
                try (Cursor c = r.scan(Table.STATE_KV, new byte[0], new byte[0])) {
                    for (Entry e = c.next(); e != null; e = c.next()) {
                        got.add(e);
                    }
                }
                assertEquals(want, got);
                byte[] prefix = {(byte) 0x81};
                List<Entry> wantP = want.stream().filter(e -> e.key()[0] == (byte) 0x81).toList();
                List<Entry> gotP = new ArrayList<>();
                try (Cursor c = r.scan(Table.STATE_KV, prefix)) {
                    for (Entry e = c.next(); e != null; e = c.next()) {
                        gotP.add(e);
                    }
                }
                assertEquals(wantP, gotP);
            }
        }
    }
}
