package io.jamboree.store.select.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.store.ReadTxn;
import io.jamboree.store.StoreException;
import io.jamboree.store.Stores;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import io.jamboree.store.lmdb.LmdbNodeStore;
import io.jamboree.store.memory.MemoryNodeStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ActiveStore router switching between a real LMDB store and a memory store. */
class ActiveStoreSwitchTest {
    @TempDir
    Path tmp;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void switchCopiesEverythingAndKeepsTheOldStore() throws Exception {
        try (LmdbNodeStore lmdb = LmdbNodeStore.open(tmp.resolve("env"), 1); MemoryNodeStore memory = new MemoryNodeStore()) {
            ActiveStoreComponent active = new ActiveStoreComponent();
            active.addStore(memory, java.util.Map.of());
            active.activate("lmdb");
            StoreException none = assertThrows(StoreException.class, active::read);
            assertTrue(none.getMessage().contains("'lmdb' is not available"), none.getMessage());
            active.addStore(lmdb, java.util.Map.of());
            assertEquals("lmdb", active.kind());

            try (WriteTxn w = active.write()) {
                for (int i = 0; i < 500; i++) {
                    w.put(Table.STATE_KV, b("k" + i), b("v" + i));
                }
                w.put(Table.META, b("best"), b("h500"));
                w.commit();
            }
            Stores.CopyReport r = active.switchTo("memory");
            assertEquals(501, r.entries());
            assertEquals("memory", active.kind());
            assertEquals(500L, active.sizes().get(Table.STATE_KV));

            try (WriteTxn w = active.write()) {
                w.put(Table.META, b("best"), b("h501"));
                w.commit();
            }
            try (ReadTxn old = lmdb.read()) {
                assertEquals("h500", new String(old.get(Table.META, b("best")), StandardCharsets.UTF_8), "the old store is intact");
            }

            assertThrows(StoreException.class, () -> active.switchTo("memory"), "already active");
            StoreException unknown = assertThrows(StoreException.class, () -> active.switchTo("rocks"));
            assertTrue(unknown.getMessage().contains("no store of kind 'rocks'"), unknown.getMessage());

            // a writer waiting during the switch ends up writing to the new store
            WriteTxn held = active.write();
            CountDownLatch done = new CountDownLatch(1);
            Thread writer = Thread.ofPlatform().start(() -> {
                try (WriteTxn w = active.write()) {
                    w.put(Table.META, b("late"), b("1"));
                    w.commit();
                }
                done.countDown();
            });
            Thread switcher = Thread.ofPlatform().start(() -> active.switchTo("lmdb"));
            assertTrue(!done.await(200, TimeUnit.MILLISECONDS));
            held.abort();
            switcher.join(10_000);
            assertTrue(done.await(10, TimeUnit.SECONDS));
            writer.join();
            assertEquals("lmdb", active.kind());
            try (ReadTxn t = active.read()) {
                assertEquals("h501", new String(t.get(Table.META, b("best")), StandardCharsets.UTF_8));
                assertEquals(500, t.count(Table.STATE_KV));
                assertEquals("1", new String(t.get(Table.META, b("late")), StandardCharsets.UTF_8), "no write is lost");
            }
        }
    }

    /** Declarative Services binds the registered stores before it activates: the configured kind still decides. */
    @Test
    void storesBoundBeforeActivationDoNotPreemptTheConfiguredKind() throws Exception {
        try (LmdbNodeStore lmdb = LmdbNodeStore.open(tmp.resolve("env2"), 1); MemoryNodeStore memory = new MemoryNodeStore()) {
            ActiveStoreComponent active = new ActiveStoreComponent();
            active.addStore(lmdb, java.util.Map.of());
            active.activate("memory");
            StoreException none = assertThrows(StoreException.class, active::read);
            assertTrue(none.getMessage().contains("'memory' is not available"), none.getMessage());
            active.addStore(memory, java.util.Map.of());
            assertEquals("memory", active.kind());
        }
    }
}
