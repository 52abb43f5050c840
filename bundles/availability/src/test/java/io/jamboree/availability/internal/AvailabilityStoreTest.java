package io.jamboree.availability.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.store.NodeStore;
import io.jamboree.store.lmdb.LmdbNodeStore;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Hash;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The availability store on the memory and the LMDB node stores: round trips and deletion. */
final class AvailabilityStoreTest {
    private static final ChainParams P = ChainParams.tiny();

    @Test
    void memory() {
        try (NodeStore s = new MemoryNodeStore()) {
            roundTrip(s);
        }
    }

    @Test
    void lmdb(@TempDir Path dir) {
        try (NodeStore s = LmdbNodeStore.open(dir, 1)) {
            roundTrip(s);
        }
        // and the data survives a reopen
        try (NodeStore s = LmdbNodeStore.open(dir, 1)) {
            AvailabilityStore st = new AvailabilityStore(s, 2 * P.segmentEcPieces());
            assertEquals(1, st.records().size());
            assertTrue(st.segmentShards(st.records().get(0).erasureRoot(), 3).isPresent());
        }
    }

    private static void roundTrip(NodeStore s) {
        Random r = new Random(5);
        TestPackages.Bundle b = TestPackages.bundle(P, 3000, 2, 6);
        var c = TestPackages.SPECIFIER.chunks(P, b.bundle(), b.exports());
        Hash root = new Hash(c.erasureRoot());
        AvailabilityStore st = new AvailabilityStore(s, 2 * P.segmentEcPieces());
        Justification j = Justification.trace(c.leaves(), 3, 1);
        st.putBundleShard(root, 3, c.bundleChunks()[3], j);
        st.putSegmentShards(root, 3, List.of(c.segmentShards()[3]));
        st.putBundle(root, b.bundle());
        st.putExports(b.spec().exportsRoot(), b.exports());
        st.putRecord(new AvailabilityStore.Record(root, b.spec().exportsRoot(), 10, Retention.Phase.PENDING, 9, 0));

        AvailabilityStore.BundleShard got = st.bundleShard(root, 3).orElseThrow();
        assertArrayEquals(c.bundleChunks()[3], got.shard());
        assertArrayEquals(j.encode(), got.justification().encode());
        assertArrayEquals(c.erasureRoot(), got.justification().root(c.leaves()[3], 3, P.validatorsCount()));
        List<byte[]> segs = st.segmentShards(root, 3).orElseThrow();
        assertEquals(c.segmentShards()[3].length, segs.size());
        for (int i = 0; i < segs.size(); i++) {
            assertArrayEquals(c.segmentShards()[3][i], segs.get(i));
        }
        assertArrayEquals(b.bundle(), st.bundle(root).orElseThrow());
        assertEquals(2 * P.segmentSize(), st.exports(b.spec().exportsRoot()).orElseThrow().length);
        AvailabilityStore.Record rec = st.record(root).orElseThrow();
        assertEquals(Retention.Phase.PENDING, rec.phase());
        assertEquals(9, rec.timeout());
        assertEquals(10, rec.firstSlot());
        assertTrue(st.bundleShard(root, 4).isEmpty());
        assertTrue(st.bundleShard(TestPackages.hash(r), 3).isEmpty());
        assertEquals(5, st.size());

        // the audit part goes first, then the rest
        assertEquals(2, st.dropBundle(root));
        assertTrue(st.bundle(root).isEmpty());
        assertTrue(st.bundleShard(root, 3).isEmpty());
        assertTrue(st.segmentShards(root, 3).isPresent());
        assertEquals(3, st.size());
        // a second copy kept to check reopen (LMDB)
        TestPackages.Bundle b2 = TestPackages.bundle(P, 100, 0, 7);
        var c2 = TestPackages.SPECIFIER.chunks(P, b2.bundle(), b2.exports());
        Hash root2 = new Hash(c2.erasureRoot());
        st.putSegmentShards(root2, 3, List.of(c2.segmentShards()[3]));
        st.putRecord(new AvailabilityStore.Record(root2, b2.spec().exportsRoot(), 1, Retention.Phase.AVAILABLE, 1, 2));
        assertEquals(3, st.dropAll(root, b.spec().exportsRoot()));
        assertEquals(2, st.size());
    }
}
