package io.jamboree.store.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.store.NodeStore;
import io.jamboree.store.NodeStoreContract;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.StoreException;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmdbNodeStoreTest extends NodeStoreContract {
    @TempDir
    Path tmp;

    private int n;

    @Override
    protected NodeStore newStore() {
        return LmdbNodeStore.open(tmp.resolve("env" + n++), 1);
    }

    @Override
    protected String expectedKind() {
        return "lmdb";
    }

    @Test
    void dataSurvivesReopen() {
        Path dir = tmp.resolve("reopen");
        try (LmdbNodeStore s = LmdbNodeStore.open(dir, 1); WriteTxn w = s.write()) {
            w.put(Table.BLOCKS, b("h"), b("block"));
            w.commit();
        }
        try (LmdbNodeStore s = LmdbNodeStore.open(dir, 1); WriteTxn w = s.write()) {
            w.put(Table.BLOCKS, b("uncommitted"), b("x"));
            // closed without commit
        }
        try (LmdbNodeStore s = LmdbNodeStore.open(dir, 1); ReadTxn r = s.read()) {
            assertEquals("block", s(r.get(Table.BLOCKS, b("h"))));
            assertNull(r.get(Table.BLOCKS, b("uncommitted")));
        }
    }

    @Test
    void pathThatIsAFileIsAClearError() throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        StoreException e = assertThrows(StoreException.class, () -> LmdbNodeStore.open(file, 1));
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
        assertThrows(StoreException.class, () -> LmdbNodeStore.open(tmp.resolve("x"), 0));
    }

    @Test
    void fullMapIsAClearErrorAndKeepsTheStoreUsable() {
        Path dir = tmp.resolve("small");
        try (LmdbNodeStore s = LmdbNodeStore.openBytes(dir, 1 << 20)) {
            try (WriteTxn w = s.write()) {
                w.put(Table.META, b("ok"), b("1"));
                w.commit();
            }
            StoreException e = assertThrows(StoreException.class, () -> {
                try (WriteTxn w = s.write()) {
                    for (int i = 0; i < 1000; i++) {
                        w.put(Table.BLOCKS, b("k" + i), new byte[4096]);
                    }
                    w.commit();
                }
            });
            assertTrue(e.getMessage().contains("is full") && e.getMessage().contains("mapSizeGiB"), e.getMessage());
            try (ReadTxn r = s.read()) {
                assertEquals("1", s(r.get(Table.META, b("ok"))));
                assertEquals(0, r.count(Table.BLOCKS));
            }
        }
    }
}
