package io.jamboree.sample.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jamboree.store.Cursor;
import io.jamboree.store.Entry;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> keys(ReadTxn r, Table t, String from, String prefix) {
        List<String> out = new ArrayList<>();
        try (Cursor c = r.scan(t, b(from), b(prefix))) {
            for (Entry e = c.next(); e != null; e = c.next()) {
                out.add(new String(e.key(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void commitsAreVisibleAtomicallyAndSurviveAReopen() throws IOException {
        Path file = dir.resolve("j/journal.bin");
        try (JournalStore s = JournalStore.open(file)) {
            try (WriteTxn w = s.write()) {
                for (String k : List.of("a1", "a2", "b1", "a3")) {
                    w.put(Table.STATE_KV, b(k), b("v-" + k));
                }
                w.put(Table.META, b("best"), b("h1"));
                w.commit();
            }
            ReadTxn before = s.read();
            try (WriteTxn w = s.write()) {
                w.put(Table.META, b("best"), b("h2"));
                w.delete(Table.STATE_KV, b("a2"));
                assertEquals("h2", new String(w.get(Table.META, b("best")), StandardCharsets.UTF_8), "a writer reads its own writes");
                w.commit();
            }
            try (WriteTxn w = s.write()) {
                w.put(Table.META, b("dropped"), b("x"));
                w.abort();
            }
            assertEquals("h1", new String(before.get(Table.META, b("best")), StandardCharsets.UTF_8), "an open reader keeps its snapshot");
            assertEquals(4, before.count(Table.STATE_KV));
            before.close();
            assertEquals(2, s.journal().commits());
        }
        try (JournalStore s = JournalStore.open(file); ReadTxn r = s.read()) {
            assertEquals(2, s.journal().commits(), "both commits replayed");
            assertArrayEquals(b("h2"), r.get(Table.META, b("best")));
            assertNull(r.get(Table.META, b("dropped")), "an aborted transaction left nothing");
            assertEquals(List.of("a1", "a3"), keys(r, Table.STATE_KV, "", "a"));
            assertEquals(List.of("a3"), keys(r, Table.STATE_KV, "a2", "a"), "from a key within the prefix");
            assertEquals(List.of("a1", "a3", "b1"), keys(r, Table.STATE_KV, "", ""));
        }
    }

    @Test
    void aTornLastRecordIsCutOff() throws IOException {
        Path file = dir.resolve("journal.bin");
        try (JournalStore s = JournalStore.open(file); WriteTxn w = s.write()) {
            w.put(Table.BLOCKS, b("k"), b("v"));
            w.commit();
        }
        long whole = Files.size(file);
        // a crash in the middle of the next record: its length and part of its payload
        Files.write(file, new byte[] {0, 0, 0, 40, 1, 0, 0}, StandardOpenOption.APPEND);
        try (JournalStore s = JournalStore.open(file); ReadTxn r = s.read()) {
            assertEquals(1, s.journal().commits());
            assertArrayEquals(b("v"), r.get(Table.BLOCKS, b("k")));
        }
        assertEquals(whole, Files.size(file), "the torn tail is truncated");
    }
}
