package io.jamboree.availability.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Blob;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.WorkReport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Full parameters (V = 1023, R = 342): a 4 MiB bundle with 8 exports is published (1023 shards, each justified),
 * every shard checks against the erasure root, and the bundle comes back from the 342 highest (recovery-only)
 * shards. Prints the times (a figure, not a limit: speed goals live in bench/ ErasureBench).
 */
final class FullParamsPublishTest {

    @Test
    void publishCheckAndReconstruct() throws Exception {
        ChainParams p = ChainParams.full();
        TestPackages.Bundle b = TestPackages.bundle(p, 4 << 20, 8, 31);
        AvailabilityStore store = new AvailabilityStore(new MemoryNodeStore(), 2 * p.segmentEcPieces());
        ShardService s = new ShardService(p, TestPackages.SPECIFIER, store, Optional::empty,
                new ShardService.Peers() {
                    @Override
                    public List<io.jamboree.network.PeerId> validators() {
                        return List.of();
                    }

                    @Override
                    public List<io.jamboree.network.PeerId> guarantors(Hash erasureRoot) {
                        return List.of();
                    }
                }, () -> 0);
        long t0 = System.nanoTime();
        s.publish(b.spec(), b.bundle(), b.exports());
        long publishMs = (System.nanoTime() - t0) / 1_000_000;
        Hash root = b.spec().erasureRoot();
        for (int v = 0; v < p.validatorsCount(); v++) {
            AvailabilityStore.BundleShard bs = store.bundleShard(root, v).orElseThrow();
            List<byte[]> segs = store.segmentShards(root, v).orElseThrow();
            assertEquals(8 + 1, segs.size());
            assertTrue(s.fetch().checkShard(root, v, new ShardFetch.FetchedShard(bs.shard(), segs, bs.justification()))
                    .isEmpty(), "shard " + v);
        }
        int need = p.ecPieceSize() / 2;
        int[] idx = new int[need];
        byte[][] chunks = new byte[need][];
        for (int k = 0; k < need; k++) {
            idx[k] = p.validatorsCount() - need + k;
            chunks[k] = store.bundleShard(root, idx[k]).orElseThrow().shard();
        }
        long t1 = System.nanoTime();
        byte[] back = TestPackages.SPECIFIER.reconstructBundle(p, (int) b.spec().length(), idx, chunks);
        long reconstructMs = (System.nanoTime() - t1) / 1_000_000;
        assertArrayEquals(b.bundle(), back);
        WorkReport r = new WorkReport(b.spec(), new RefineContext(root, root, root, root, 0, List.of()), 0, root, 0,
                new Blob(new byte[0]), List.of(), List.of());
        assertTrue(s.bundles().checkBundle(r.packageSpec(), back).isEmpty());
        System.out.printf("availability (full): published a %d-octet bundle with 8 exports as 1023 justified shards "
                + "in %d ms; reconstructed it from the 342 recovery shards in %d ms%n", b.bundle().length, publishMs,
                reconstructMs);
    }
}
