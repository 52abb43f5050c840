package io.jamboree.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.merkle.StateKey;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.store.Cursor;
import io.jamboree.store.Entry;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Table;
import io.jamboree.store.lmdb.LmdbNodeStore;
import io.jamboree.types.Hash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * States stored as changes ({@link StoredStates}) over the public storage trace, on LMDB: a block writes exactly the
 * keys the trace's pre- and post-state differ in (a full state every {@link StoredStates#SNAPSHOT_INTERVAL} blocks),
 * and after a restart every live state reads back as the trace's post-state, across full states and change sets.
 */
class StoredStatesTest {
    private static final ChainParams P = ChainParams.tiny();
    private static final String TRACE = "storage";

    @TempDir
    Path dir;

    private static TraceStep step(int i) {
        return TraceStep.decode(Traces.read(Traces.folder(TRACE).resolve(String.format("%08d.bin", i))), P);
    }

    private static Map<StateKey, byte[]> map(List<KeyValue> kvs) {
        Map<StateKey, byte[]> m = new HashMap<>();
        for (KeyValue kv : kvs) {
            m.put(kv.key(), kv.value());
        }
        return m;
    }

    /** The keys whose value differs between the two states, or that only {@code pre} has. */
    private static int changed(List<KeyValue> pre, List<KeyValue> post) {
        Map<StateKey, byte[]> before = map(pre);
        Map<StateKey, byte[]> after = map(post);
        int n = 0;
        for (Map.Entry<StateKey, byte[]> e : after.entrySet()) {
            if (!Arrays.equals(before.get(e.getKey()), e.getValue())) {
                n++;
            }
        }
        for (StateKey k : before.keySet()) {
            if (!after.containsKey(k)) {
                n++;
            }
        }
        return n;
    }

    /** The number of entries and of value octets stored under {@code block}. */
    private static long[] stored(NodeStore store, Hash block) {
        long[] n = new long[2];
        try (ReadTxn r = store.read(); Cursor c = r.scan(Table.STATE_KV, block.bytes())) {
            for (Entry e = c.next(); e != null; e = c.next()) {
                n[0]++;
                n[1] += e.value().length;
            }
        }
        return n;
    }

    private static long octets(List<KeyValue> kvs) {
        long n = 0;
        for (KeyValue kv : kvs) {
            n += kv.value().length;
        }
        return n;
    }

    @Test
    void writesChangedKeysAndReadsStatesBackAfterRestart() {
        Genesis g = Genesis.decode(Traces.read(Traces.folder(TRACE).resolve("genesis.bin")), P);
        int steps = Traces.steps(TRACE).size();
        List<Hash> imported = new ArrayList<>();
        List<TraceStep> importedSteps = new ArrayList<>();
        long diffOctets = 0;
        long fullOctets = 0;
        try (NodeStore store = LmdbNodeStore.open(dir, 1)) {
            BlockImporter imp = TestImporters.create(P, store, TraceImportTest.accumulation());
            imp.initialize(g.header(), g.state().keyvals(), List.of());
            int height = 0;
            for (int i = 1; i <= steps; i++) {
                TraceStep s = step(i);
                ImportOutcome out = imp.importBlock(s.block());
                if (s.preState().stateRoot().equals(s.postState().stateRoot())) {
                    assertInstanceOf(ImportOutcome.Rejected.class, out, "step " + i);
                    continue;
                }
                ImportOutcome.Imported ok = assertInstanceOf(ImportOutcome.Imported.class, out, "step " + i);
                assertEquals(s.postState().stateRoot(), ok.stateRoot(), "step " + i);
                height++;
                int want = height % StoredStates.SNAPSHOT_INTERVAL == 0 ? s.postState().keyvals().size()
                        : changed(s.preState().keyvals(), s.postState().keyvals());
                long[] written = stored(store, ok.headerHash());
                assertEquals(want, written[0], "entries stored for step " + i + " (height " + height
                        + ") of " + s.postState().keyvals().size() + " keys");
                if (height % StoredStates.SNAPSHOT_INTERVAL != 0) {
                    diffOctets += written[1];
                    fullOctets += octets(s.postState().keyvals());
                }
                imported.add(ok.headerHash());
                importedSteps.add(s);
            }
            assertTrue(height > 2 * StoredStates.SNAPSHOT_INTERVAL, "the trace spans two full states: " + height);
            // the service code and the other long values stay unchanged from block to block
            assertTrue(diffOctets * 4 < fullOctets, "change sets hold " + diffOctets + " value octets where full states"
                    + " would hold " + fullOctets);
        }
        try (NodeStore store = LmdbNodeStore.open(dir, 1)) {
            BlockImporter imp = TestImporters.create(P, store, TraceImportTest.accumulation());
            int checked = 0;
            for (int i = 0; i < imported.size(); i++) {
                var state = imp.state(imported.get(i));
                if (state.isEmpty()) {
                    continue; // pruned
                }
                assertEquals(map(importedSteps.get(i).postState().keyvals()).keySet(), map(state.get()).keySet());
                Map<StateKey, byte[]> want = map(importedSteps.get(i).postState().keyvals());
                for (KeyValue kv : state.get()) {
                    assertTrue(Arrays.equals(want.get(kv.key()), kv.value()), "value of " + kv.key());
                }
                checked++;
            }
            assertTrue(checked > StoredStates.SNAPSHOT_INTERVAL, "live states checked after restart: " + checked);
        }
    }
}
