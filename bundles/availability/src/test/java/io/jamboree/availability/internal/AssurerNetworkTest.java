package io.jamboree.availability.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.author.pool.Submission;
import io.jamboree.chainspec.internal.DevGenesis;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.crypto.Ed25519;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.AncestryItem;
import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.network.Stream;
import io.jamboree.network.internal.JamnpNetwork;
import io.jamboree.network.internal.NetworkSettings;
import io.jamboree.network.internal.NodeCertificate;
import io.jamboree.network.internal.StreamHandlers;
import io.jamboree.stf.reports.Ed25519Signatures;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.store.ActiveStore;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Stores;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.AvailabilityAssignment;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.Blob;
import io.jamboree.types.Block;
import io.jamboree.types.Culprit;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Fault;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.Preimage;
import io.jamboree.types.RefineContext;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.Verdict;
import io.jamboree.types.WorkReport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The assurer over real QUIC sockets (tiny): three validators of the dev genesis whose head state has a report
 * pending on core 0; validator 0 guaranteed it and published its package. Each assurer fetches its shard (CE 137),
 * signs its bitfield anchored on the head, pools it and sends it over CE 141; every node's pool ends up with the
 * three assurances, each passing the assurances STF's signature check. A solicited preimage provided by validator 0
 * reaches its grid neighbours over CE 142/143 and their pools. A CE 141 assurance with a bad signature is refused and
 * pools nothing. Then retention as the head moves on.
 */
@Timeout(180)
final class AssurerNetworkTest {
    private static final ChainParams P = ChainParams.tiny();
    private static final Hash HEAD = new Hash(Blake2b256.hash(new byte[] {1}));
    private static final long SERVICE = 77;
    private static final byte[] PREIMAGE = "the code of service 77".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final List<JamnpNetwork> networks = new ArrayList<>();
    private final List<Assurer> assurers = new ArrayList<>();

    @AfterEach
    void close() {
        assurers.forEach(Assurer::deactivate);
        networks.forEach(JamnpNetwork::close);
    }

    /** A pool that keeps the assurances it is given. */
    static final class Pool implements ExtrinsicPool {
        final List<AvailAssurance> assurances = new CopyOnWriteArrayList<>();
        final List<Preimage> preimages = new CopyOnWriteArrayList<>();

        @Override
        public Submission submitAssurance(AvailAssurance a) {
            for (AvailAssurance x : assurances) {
                if (x.validatorIndex() == a.validatorIndex() && x.anchor().equals(a.anchor())) {
                    return new Submission.Duplicate();
                }
            }
            assurances.add(a);
            return new Submission.Accepted();
        }

        @Override public Submission submitTicket(TicketEnvelope t) { return new Submission.Refused("test"); }
        @Override public Submission submitPreimage(Preimage p) {
            preimages.add(p);
            return new Submission.Accepted();
        }
        @Override public Submission submitGuarantee(ReportGuarantee g) { return new Submission.Refused("test"); }
        @Override public Submission submitVerdict(Verdict v) { return new Submission.Refused("test"); }
        @Override public Submission submitCulprit(Culprit c) { return new Submission.Refused("test"); }
        @Override public Submission submitFault(Fault f) { return new Submission.Refused("test"); }
        @Override public int size() { return assurances.size(); }
    }

    /** The node store as the ActiveStore service (memory only). */
    static final class Active implements ActiveStore {
        private final NodeStore s = new MemoryNodeStore();

        @Override public String kind() { return s.kind(); }
        @Override public ReadTxn read() { return s.read(); }
        @Override public WriteTxn write() { return s.write(); }
        @Override public void close() { s.close(); }
        @Override public Set<String> availableKinds() { return Set.of(s.kind()); }
        @Override public Map<Table, Long> sizes() { return Map.of(); }
        @Override public Stores.CopyReport switchTo(String kind) { throw new UnsupportedOperationException(); }
    }

    /** A block importer that knows a head and its state; the test moves the head. */
    static final class Importer implements BlockImporter {
        private volatile Hash head = HEAD;
        private final Map<Hash, List<KeyValue>> states = new java.util.concurrent.ConcurrentHashMap<>();

        Importer(List<KeyValue> state) {
            states.put(HEAD, state);
        }

        void moveTo(Hash h, List<KeyValue> state) {
            states.put(h, state);
            head = h;
        }

        @Override public ChainParams params() { return P; }
        @Override public Hash initialize(Header h, List<KeyValue> s, List<AncestryItem> a) {
            throw new UnsupportedOperationException();
        }
        @Override public ImportOutcome importBlock(Block b) { throw new UnsupportedOperationException(); }
        @Override public Optional<List<KeyValue>> state(Hash h) {
            return Optional.ofNullable(states.get(h));
        }
        @Override public Optional<Hash> bestHead() { return Optional.of(head); }
    }

    @Test
    void assurancesFlowToEveryPool() throws Exception {
        TestPackages.Bundle b = TestPackages.bundle(P, 9000, 2, 21);
        Hash root = b.spec().erasureRoot();
        WorkReport report = new WorkReport(b.spec(), new RefineContext(root, root, root, root, 0, List.of()), 0,
                root, 0, new Blob(new byte[0]), List.of(), List.of());
        List<ValidatorKey> keys = DevGenesis.validators(P, P.validatorsCount(), i -> { });
        ChainState g = DevGenesis.state(P, keys, Hash.ZERO, new byte[144], DevGenesis.ZERO_ENTROPY);
        List<AvailabilityAssignment> rho = new ArrayList<>(AvailabilityAssignments.empty(P).assignments());
        rho.set(0, new AvailabilityAssignment(report, 0));
        java.util.TreeMap<io.jamboree.merkle.StateKey, byte[]> services = new java.util.TreeMap<>(g.services());
        services.put(io.jamboree.merkle.StateKey.request(SERVICE, Blake2b256.hash(PREIMAGE), PREIMAGE.length),
                new byte[] {0});
        ChainState s = new ChainState(g.alpha(), g.phi(), g.beta(), g.gamma(), g.psi(), g.eta(), g.iota(), g.kappa(),
                g.lambda(), new AvailabilityAssignments(rho), 1, g.chi(), g.pi(), g.omega(), g.xi(), g.theta(),
                services);
        List<KeyValue> kvs = encode(s);

        int n = 3;
        List<Pool> pools = new ArrayList<>();
        List<AvailabilityComponent> comps = new ArrayList<>();
        List<Importer> importers = new ArrayList<>();
        List<Preimages> preimages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ValidatorSecrets sec = DevKeys.secrets(i);
            Importer imp = new Importer(kvs);
            importers.add(imp);
            AvailabilityComponent c = new AvailabilityComponent(imp, TestPackages.SPECIFIER, new Active());
            Pool pool = new Pool();
            Keystore ks = () -> List.of(sec);
            StreamHandlers h = new StreamHandlers();
            h.add(c.service().server()::serveShard, ShardService.CE_137, ShardStreamHandlers.MAX);
            Assurer[] holder = new Assurer[1];
            h.add(st -> holder[0].receive(st), Assurer.CE_141, 1 << 16);
            Preimages pre = new Preimages(c, pool);
            preimages.add(pre);
            h.add(pre::announced, Preimages.CE_142, 1 << 16);
            h.add(pre::serve, Preimages.CE_143, ShardStreamHandlers.MAX);
            JamnpNetwork net = new JamnpNetwork(NetworkSettings.of(NodeCertificate.selfSigned(sec.ed25519SecretSeed(),
                    sec.ed25519Public()), new byte[32], new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), h);
            networks.add(net);
            for (int j = 0; j < i; j++) {
                net.connect(networks.get(j).localAddress(), networks.get(j).localId()).toCompletableFuture()
                        .get(20, TimeUnit.SECONDS);
            }
            c.bindNetwork(net);
            if (i == 0) {
                c.publish(b.spec(), b.bundle(), b.exports());
            }
            comps.add(c);
            pools.add(pool);
            holder[0] = new Assurer(c, ks, pool);
            assurers.add(holder[0]);
        }

        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end && pools.stream().anyMatch(p -> p.assurances.size() < n)) {
            Thread.sleep(200);
        }
        for (int i = 0; i < n; i++) {
            List<AvailAssurance> got = pools.get(i).assurances;
            assertEquals(n, got.size(), "node " + i + " pooled " + got);
            for (AvailAssurance a : got) {
                assertEquals(HEAD, a.anchor());
                assertTrue(a.isSet(0) && !a.isSet(1), "core 0 only");
                byte[] msg = Blake2b256.hash(HEAD.bytes(), a.bitfield().bytes());
                assertTrue(Ed25519Signatures.verify(Ed25519::verify, keys.get(a.validatorIndex()).ed25519(),
                        Ed25519Signatures.AVAILABLE, msg, a.signature()), "signature of " + a.validatorIndex());
            }
            assertTrue(comps.get(i).service().store().bundleShard(root, ShardService.shardIndex(P, 0, i)).isPresent());
        }

        // CE 142/143: validator 0 provides a solicited preimage; its grid neighbours 1 and 2 (tiny grid width 2: the
        // same row, the same column) are told, fetch it, check it and pool it
        Hash ph = preimages.get(0).provide(SERVICE, PREIMAGE);
        for (int i = 1; i < n; i++) {
            long until0 = System.currentTimeMillis() + 30_000;
            while (preimages.get(i).preimage(ph).isEmpty() && System.currentTimeMillis() < until0) {
                Thread.sleep(100);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(PREIMAGE, preimages.get(i).preimage(ph).orElseThrow());
            assertEquals(1, pools.get(i).preimages.size());
            assertEquals(SERVICE, pools.get(i).preimages.get(0).requester());
        }
        assertEquals(1, pools.get(0).preimages.size(), "the provider pooled it too");
        // an announcement the state does not solicit is not fetched
        assertTrue(preimages.get(1).unsolicited(new AvailabilityMessages.PreimageAnnouncement(SERVICE, ph, 5))
                .isPresent());

        // a CE 141 assurance signed with another key is refused: the stream is reset, nothing is pooled
        byte[] badSig = Ed25519.sign(DevKeys.secrets(4).ed25519SecretSeed(),
                Assurer.signedMessage(HEAD, new byte[] {3}));
        Stream st = networks.get(2).openStream(networks.get(0).localId(), Assurer.CE_141).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        st.write(new AvailabilityMessages.Assurance(HEAD, new Blob(new byte[] {3}), new Ed25519Signature(badSig))
                .encode(P));
        st.finish();
        boolean refused;
        try {
            st.readFin();
            refused = false;
        } catch (io.jamboree.network.StreamException e) {
            refused = true;
        }
        assertTrue(refused, "a bad signature must reset the stream");
        assertEquals(n, pools.get(0).assurances.size());

        // GP §14 retention on validator 1: the report leaves ρ at slot 2 (before its timeout: available); one
        // epoch later its audit part (bundle shard) goes, the segment shards stay
        AvailabilityStore st1 = comps.get(1).service().store();
        int shard1 = ShardService.shardIndex(P, 0, 1);
        importers.get(1).moveTo(hash(2), encode(at(s, AvailabilityAssignments.empty(P), 2)));
        awaitPhase(st1, root, Retention.Phase.AVAILABLE);
        assertTrue(st1.bundleShard(root, shard1).isPresent());
        importers.get(1).moveTo(hash(3), encode(at(s, AvailabilityAssignments.empty(P), 2 + P.epochLength())));
        long until = System.currentTimeMillis() + 20_000;
        while (st1.bundleShard(root, shard1).isPresent() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertTrue(st1.bundleShard(root, shard1).isEmpty(), "bundle shard dropped an epoch after availability");
        assertTrue(st1.segmentShards(root, shard1).isPresent(), "segment shards kept (D³L)");
        // on validator 2 the report times out instead (left at slot U): everything goes an epoch later
        AvailabilityStore st2 = comps.get(2).service().store();
        int shard2 = ShardService.shardIndex(P, 0, 2);
        importers.get(2).moveTo(hash(4), encode(at(s, AvailabilityAssignments.empty(P), P.assuranceTimeoutPeriod())));
        awaitPhase(st2, root, Retention.Phase.TIMED_OUT);
        importers.get(2).moveTo(hash(5), encode(at(s, AvailabilityAssignments.empty(P),
                P.assuranceTimeoutPeriod() + P.epochLength())));
        until = System.currentTimeMillis() + 20_000;
        while (st2.record(root).isPresent() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertTrue(st2.record(root).isEmpty() && st2.segmentShards(root, shard2).isEmpty()
                && st2.bundleShard(root, shard2).isEmpty(), "a timed-out report's data is dropped");
    }

    /**
     * A node holding the keys of validators 0, 1 and 2 (a one-node dev chain holds them all) assures for each: each
     * its own shard index of core 0's report, its own bitfield and signature, all in the node's pool.
     */
    @Test
    void aNodeHoldingSeveralKeysAssuresForEach() throws Exception {
        TestPackages.Bundle b = TestPackages.bundle(P, 3000, 1, 22);
        Hash root = b.spec().erasureRoot();
        WorkReport report = new WorkReport(b.spec(), new RefineContext(root, root, root, root, 0, List.of()), 0,
                root, 0, new Blob(new byte[0]), List.of(), List.of());
        List<ValidatorKey> keys = DevGenesis.validators(P, P.validatorsCount(), i -> { });
        ChainState g = DevGenesis.state(P, keys, Hash.ZERO, new byte[144], DevGenesis.ZERO_ENTROPY);
        List<AvailabilityAssignment> rho = new ArrayList<>(AvailabilityAssignments.empty(P).assignments());
        rho.set(0, new AvailabilityAssignment(report, 0));
        List<KeyValue> kvs = encode(at(g, new AvailabilityAssignments(rho), 1));
        AvailabilityComponent c = new AvailabilityComponent(new Importer(kvs), TestPackages.SPECIFIER, new Active());
        c.publish(b.spec(), b.bundle(), b.exports()); // as the guarantor: every shard is here
        Pool pool = new Pool();
        Keystore ks = () -> List.of(DevKeys.secrets(0), DevKeys.secrets(1), DevKeys.secrets(2));
        assurers.add(new Assurer(c, ks, pool));
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end && pool.assurances.size() < 3) {
            Thread.sleep(100);
        }
        assertEquals(3, pool.assurances.size(), "pooled " + pool.assurances);
        Set<Integer> signers = new java.util.HashSet<>();
        for (AvailAssurance a : pool.assurances) {
            signers.add(a.validatorIndex());
            assertEquals(HEAD, a.anchor());
            assertTrue(a.isSet(0) && !a.isSet(1), "core 0 only");
            byte[] msg = Blake2b256.hash(HEAD.bytes(), a.bitfield().bytes());
            assertTrue(Ed25519Signatures.verify(Ed25519::verify, keys.get(a.validatorIndex()).ed25519(),
                    Ed25519Signatures.AVAILABLE, msg, a.signature()), "signature of " + a.validatorIndex());
        }
        assertEquals(Set.of(0, 1, 2), signers);
    }

    private static Hash hash(int i) {
        return new Hash(Blake2b256.hash(new byte[] {(byte) i, 7}));
    }

    private static ChainState at(ChainState g, AvailabilityAssignments rho, long tau) {
        return new ChainState(g.alpha(), g.phi(), g.beta(), g.gamma(), g.psi(), g.eta(), g.iota(), g.kappa(),
                g.lambda(), rho, tau, g.chi(), g.pi(), g.omega(), g.xi(), g.theta(), g.services());
    }

    private static List<KeyValue> encode(ChainState s) {
        List<KeyValue> kvs = new ArrayList<>();
        StateCodec.encode(s, P).forEach((k, v) -> kvs.add(new KeyValue(k, v)));
        return kvs;
    }

    private static void awaitPhase(AvailabilityStore st, Hash root, Retention.Phase phase) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until
                && st.record(root).map(AvailabilityStore.Record::phase).orElse(null) != phase) {
            Thread.sleep(100);
        }
        assertEquals(phase, st.record(root).map(AvailabilityStore.Record::phase).orElse(null));
    }
}
