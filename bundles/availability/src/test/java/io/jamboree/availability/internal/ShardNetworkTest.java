package io.jamboree.availability.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import io.jamboree.network.internal.JamnpNetwork;
import io.jamboree.network.internal.NetworkSettings;
import io.jamboree.network.internal.NodeCertificate;
import io.jamboree.network.internal.StreamHandlers;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Blob;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.WorkReport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Shards over real QUIC sockets on localhost (tiny: V = 6, R = 2): a guarantor publishes a package, the five other
 * validators fetch their shards over CE 137 (each checked against the erasure root), a lying peer's shards are
 * refused, segments come over CE 148 with import proofs, and with four of the six validators stopped an auditor
 * (a seventh node) gets the bundle back from the two left over CE 138, its hash checked.
 */
@Timeout(180)
final class ShardNetworkTest {
    private static final ChainParams P = ChainParams.tiny();
    private static final byte[] GENESIS = new byte[32];
    private static final int CORE = 0;

    private final List<Node> nodes = new ArrayList<>();

    /** One node: its network, store and shard service. */
    private record Node(int dev, JamnpNetwork network, ShardService service) {
        PeerId id() {
            return network.localId();
        }
    }

    @AfterEach
    void close() {
        for (Node n : nodes) {
            n.network().close();
        }
    }

    private static List<PeerId> validatorIds() {
        List<PeerId> out = new ArrayList<>();
        for (int v = 0; v < P.validatorsCount(); v++) {
            out.add(PeerId.of(DevKeys.secrets(v).ed25519()));
        }
        return out;
    }

    private Node node(int dev) throws Exception {
        ValidatorSecrets s = DevKeys.secrets(dev);
        List<PeerId> vs = validatorIds();
        AtomicReference<JamnpNetwork> net = new AtomicReference<>();
        ShardService svc = new ShardService(P, TestPackages.SPECIFIER,
                new AvailabilityStore(new MemoryNodeStore(), 2 * P.segmentEcPieces()), () -> Optional.ofNullable(net.get()),
                new ShardService.Peers() {
                    @Override
                    public List<PeerId> validators() {
                        return vs;
                    }

                    @Override
                    public List<PeerId> guarantors(Hash erasureRoot) {
                        return List.of(vs.get(0), vs.get(1));
                    }
                }, () -> 1);
        StreamHandlers h = new StreamHandlers();
        int max = ShardStreamHandlers.MAX;
        h.add(svc.server()::serveShard, ShardService.CE_137, max);
        h.add(svc.server()::serveAuditShard, ShardService.CE_138, StreamHandler.DEFAULT_MAX_MESSAGE);
        h.add(x -> svc.server().serveSegmentShards(x, false), ShardService.CE_139, max);
        h.add(x -> svc.server().serveSegmentShards(x, true), ShardService.CE_140, max);
        h.add(svc.server()::serveBundle, ShardService.CE_147, max);
        h.add(svc.server()::serveSegments, ShardService.CE_148, max);
        NetworkSettings settings = NetworkSettings.of(NodeCertificate.selfSigned(s.ed25519SecretSeed(),
                s.ed25519Public()), GENESIS, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        JamnpNetwork n = new JamnpNetwork(settings, h);
        net.set(n);
        Node node = new Node(dev, n, svc);
        for (Node other : nodes) {
            n.connect(other.network().localAddress(), other.id()).toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
        nodes.add(node);
        return node;
    }

    @Test
    void sixHoldShardsFourStopTheBundleComesBackFromTwo() throws Exception {
        for (int dev = 0; dev <= 6; dev++) {
            node(dev);
        }
        Node guarantor = nodes.get(0);
        TestPackages.Bundle b = TestPackages.bundle(P, 20_000, 3, 11);
        Hash root = b.spec().erasureRoot();
        guarantor.service().publish(b.spec(), b.bundle(), b.exports());

        // a spec whose erasure root the chunks do not give is refused
        var wrong = new io.jamboree.types.AvailabilitySpec(b.spec().hash(), b.spec().length(), b.spec().exportsRoot(),
                b.spec().exportsRoot(), b.spec().exportsCount());
        AvailabilityException e0 = assertThrows(AvailabilityException.class,
                () -> guarantor.service().publish(wrong, b.bundle(), b.exports()));
        assertTrue(e0.getMessage().contains("erasure root"), e0.getMessage());

        // assurers 1..5 fetch their shard of core 0's report from the guarantors over CE 137
        for (int v = 1; v < P.validatorsCount(); v++) {
            Node a = nodes.get(v);
            int shard = ShardService.shardIndex(P, CORE, v);
            a.service().fetchAndKeep(root, shard);
            assertTrue(a.service().store().bundleShard(root, shard).isPresent());
            assertEquals(b.exports().size() + 1, a.service().store().segmentShards(root, shard).orElseThrow().size(),
                    "exports and one paged-proof segment");
        }

        // a peer serving a bad shard (wrong content) or a bad justification is refused with the reason
        Node liar = nodes.get(6);
        var good = nodes.get(2).service().store().bundleShard(root, 2).orElseThrow();
        byte[] bad = good.shard().clone();
        bad[0] ^= 1;
        liar.service().store().putBundleShard(root, 2, bad, good.justification());
        liar.service().store().putSegmentShards(root, 2,
                nodes.get(2).service().store().segmentShards(root, 2).orElseThrow());
        AvailabilityException e1 = assertThrows(AvailabilityException.class,
                () -> nodes.get(3).service().fetchShard(liar.id(), root, 2));
        assertTrue(e1.getMessage().contains("bad shard") && e1.getMessage().contains("not the erasure root"),
                e1.getMessage());
        List<Justification.Step> steps = new ArrayList<>(good.justification().steps());
        byte[] sib = steps.get(0).value().clone();
        sib[5] ^= 1;
        steps.set(0, new Justification.Step(steps.get(0).kind(), sib));
        liar.service().store().putBundleShard(root, 2, good.shard(), new Justification(steps));
        AvailabilityException e2 = assertThrows(AvailabilityException.class,
                () -> nodes.get(3).service().fetchAuditShard(liar.id(), root, 2));
        assertTrue(e2.getMessage().contains("bad shard"), e2.getMessage());
        liar.service().store().dropAll(root, b.spec().exportsRoot());
        // an unknown root is refused (stream reset), not answered
        assertThrows(AvailabilityException.class,
                () -> nodes.get(3).service().fetchShard(guarantor.id(), new Hash(new byte[32]), 1));

        // CE 148: the auditor gets exported segments from the guarantor, each checked with its import proof
        var segs = liar.service().fetchSegments(guarantor.id(), b.spec().exportsRoot(), new int[] {2, 0});
        assertArrayEquals(b.exports().get(2), segs.get(0).segment());
        assertArrayEquals(b.exports().get(0), segs.get(1).segment());

        // CE 139/140: segment shards from an assurer, with justifications up to the erasure root (140)
        checkSegmentShards(nodes.get(3), nodes.get(4), root, b);

        // four of the six validators stop, the guarantors among them
        for (int v = 0; v < 4; v++) {
            nodes.get(v).network().close();
        }
        WorkReport report = new WorkReport(b.spec(), new RefineContext(root, root, root, root, 0, List.of()), CORE,
                root, 0, new Blob(new byte[0]), List.of(), List.of());
        long t0 = System.nanoTime();
        byte[] back = liar.service().reconstruct(b.spec(), CORE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertArrayEquals(b.bundle(), back);
        // the BundleFetcher service: CE 147 to the (stopped) guarantors first, then the same reconstruction
        long t1 = System.nanoTime();
        assertArrayEquals(b.bundle(), liar.service().bundle(report));
        long fetchMs = (System.nanoTime() - t1) / 1_000_000;
        assertArrayEquals(b.packageHash().bytes(), Blake2b256.hash(Arrays.copyOf(back, encodedPackageLength(back))));
        System.out.printf("availability: %d-octet bundle reconstructed from the shards of validators 4 and 5 "
                + "(shards %d, %d) over CE 138 in %d ms, with 4 of 6 validators stopped; BundleFetcher.bundle (CE 147 "
                + "to the stopped guarantors first) %d ms%n", back.length, ShardService.shardIndex(P, CORE, 4),
                ShardService.shardIndex(P, CORE, 5), ms, fetchMs);
    }

    /**
     * GP §14.3 / Appendix H: a guarantor reconstructs imported segments from the assurers' segment shards over CE 140
     * (the exporting package's guarantors stopped), each shard's justification checked up to the erasure root and
     * each segment's J_0 (built from its paged proof) up to the segment root; a peer serving a segment shard with a bad
     * justification is refused; with too few assurers left the fetch is refused with the reason.
     */
    @Test
    void importedSegmentsComeBackFromTheAssurersOverCe140() throws Exception {
        for (int dev = 0; dev <= 6; dev++) {
            node(dev);
        }
        Node guarantor = nodes.get(0);
        TestPackages.Bundle b = TestPackages.bundle(P, 5_000, 70, 5); // two pages of paged proofs
        Hash root = b.spec().erasureRoot();
        guarantor.service().publish(b.spec(), b.bundle(), b.exports());
        for (int v = 1; v < P.validatorsCount(); v++) {
            nodes.get(v).service().fetchAndKeep(root, ShardService.shardIndex(P, CORE, v));
        }
        // a liar (node 6) serves validator 3's shard index with one segment shard altered: refused by its justification
        Node liar = nodes.get(6);
        int shard3 = ShardService.shardIndex(P, CORE, 3);
        var held = nodes.get(3).service().store();
        List<byte[]> altered = new ArrayList<>(held.segmentShards(root, shard3).orElseThrow());
        byte[] x = altered.get(65).clone();
        x[0] ^= 1;
        altered.set(65, x);
        liar.service().store().putBundleShard(root, shard3, held.bundleShard(root, shard3).orElseThrow().shard(),
                held.bundleShard(root, shard3).orElseThrow().justification());
        liar.service().store().putSegmentShards(root, shard3, altered);
        AvailabilityException bad = assertThrows(AvailabilityException.class,
                () -> nodes.get(5).service().reconstruction().fetch(liar.id(), b.spec(), shard3, new int[] {65}));
        assertTrue(bad.getMessage().contains("bad segment shard") && bad.getMessage().contains("erasure root"),
                bad.getMessage());
        // the exporting package's guarantors (0 and 1) stop; node 6 holds no shard and no exports
        nodes.get(0).network().close();
        nodes.get(1).network().close();
        liar.service().store().dropAll(root, b.spec().exportsRoot());
        int[] wanted = {65, 0, 3};
        long t0 = System.nanoTime();
        List<io.jamboree.availability.ImportedSegment> got = liar.service().segments(b.spec(), CORE, wanted);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        for (int k = 0; k < wanted.length; k++) {
            assertArrayEquals(b.exports().get(wanted[k]), got.get(k).segment());
            // J_0 independently: the constant-depth path computed over all the exports
            List<byte[]> expected = io.jamboree.merkle.ConstantDepthMerkle.justification(b.exports(), wanted[k],
                    io.jamboree.merkle.HashFunction.BLAKE2B_256);
            assertEquals(expected.size(), got.get(k).proof().size());
            for (int j = 0; j < expected.size(); j++) {
                assertArrayEquals(expected.get(j), got.get(k).proof().get(j));
            }
        }
        System.out.printf("availability: segments 65, 0, 3 of 70 reconstructed from CE 140 segment shards with the "
                + "guarantors stopped in %d ms%n", ms);
        // two more assurers stop: one shard index is left, two are needed
        nodes.get(2).network().close();
        nodes.get(3).network().close();
        nodes.get(4).network().close();
        AvailabilityException few = assertThrows(AvailabilityException.class,
                () -> liar.service().segments(b.spec(), CORE, new int[] {1}));
        assertTrue(few.getMessage().contains("segment shards needed"), few.getMessage());
    }

    private static int encodedPackageLength(byte[] bundle) {
        io.jamboree.codec.Decoder d = new io.jamboree.codec.Decoder(bundle);
        io.jamboree.types.WorkPackage.decode(d, P);
        return d.position();
    }

    /** CE 140 by hand: two segment shards of {@code assurer}'s shard index, each justified to the erasure root. */
    private void checkSegmentShards(Node client, Node assurer, Hash root, TestPackages.Bundle b) throws Exception {
        int shard = ShardService.shardIndex(P, CORE, assurer.dev());
        int size = 2 * P.segmentEcPieces();
        int count = b.exports().size() + 1;
        Stream s = client.network().openStream(assurer.id(), ShardService.CE_140).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        s.write(AvailabilityMessages.encodeSegmentShardRequests(
                List.of(new AvailabilityMessages.SegmentShardRequest(root, shard, new int[] {1, 3}))));
        s.finish();
        List<byte[]> shards = AvailabilityMessages.split(s.read(), size, 2, "segment shards");
        int[] idx = {1, 3};
        for (int k = 0; k < 2; k++) {
            Justification j = Justification.decode(s.read(), size);
            int top = Justification.depth(shard, P.validatorsCount());
            int inner = Justification.depth(idx[k], count);
            assertEquals(top + 1 + inner, j.steps().size());
            // the segment shards' root from the shard and the inner trace, then the leaf b♣ ⌢ s♣ up to the root
            byte[] segRoot = new Justification(j.steps().subList(top + 1, j.steps().size())).root(shards.get(k),
                    idx[k], count);
            byte[] leaf = new byte[64];
            System.arraycopy(j.steps().get(top).value(), 0, leaf, 0, 32);
            System.arraycopy(segRoot, 0, leaf, 32, 32);
            assertArrayEquals(root.bytes(), j.prefix(top).root(leaf, shard, P.validatorsCount()));
        }
        s.readFin();
    }
}
