package io.jamboree.availability.internal;

import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.author.pool.Submission;
import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.internal.AvailabilityMessages.Assurance;
import io.jamboree.codec.CodecException;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.crypto.Ed25519;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamKind;
import io.jamboree.stf.reports.Ed25519Signatures;
import io.jamboree.stf.state.ChainState;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.AvailabilityAssignment;
import io.jamboree.types.Blob;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import io.jamboree.types.ValidatorKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assurer (GP 0.7.2 §11.2, §14.4.1; JAMNP-S CE 137, CE 141): on each new best head, for every report pending in
 * its ρ this validator fetches its shard ({@code (cR + v) mod V}, JAMNP-S "Shard assignment") from the report's
 * guarantors over CE 137, checked against the erasure root; then it signs its availability bitfield anchored on the
 * head ({@code X_A ⌢ H(E(H_p, f))}, GP eq. 11.13), submits it to the local {@link ExtrinsicPool} and sends it to every
 * other current validator over CE 141. A node holding several validators' keys assures for each of them (each its own
 * shard, bitfield and signature, all pooled; over CE 141 only its network identity's, as JAMNP-S ties an assurance to
 * the connection's validator). It also applies {@link Retention} to the availability store on each head. A node
 * running no current validator only applies retention.
 *
 * <p>Deviation from the spec's timing: the assurance goes out as soon as the shards of the head's pending reports
 * are fetched (at most {@value #FETCH_MS} ms), not two seconds before the next slot (dev slots are short).
 */
@Component(service = Assurer.class, immediate = true)
public final class Assurer {
    private static final Logger LOG = LoggerFactory.getLogger(Assurer.class);
    static final StreamKind CE_141 = StreamKind.of(141);
    static final long TICK_MS = 200;
    static final long FETCH_MS = 3000;

    private final AvailabilityComponent availability;
    private final Keystore keystore;
    private final ExtrinsicPool pool;
    private final ChainParams params;
    private final ScheduledExecutorService timer;
    private final AtomicInteger received = new AtomicInteger();
    private Hash lastHead;
    /** The assurance on the current head and the validators it has not reached yet (retried each tick). */
    private volatile Delivery delivery;

    /** An assurance on its way: its CE 141 message and the peers still to send it to. */
    private record Delivery(Hash anchor, byte[] message, Set<PeerId> remaining, Set<PeerId> sending) {}

    @Activate
    public Assurer(@Reference AvailabilityComponent availability, @Reference Keystore keystore,
            @Reference ExtrinsicPool pool) {
        this.availability = availability;
        this.keystore = keystore;
        this.pool = pool;
        this.params = availability.params();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jam-assurer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void tick() {
        try {
            Optional<AvailabilityComponent.Head> h = availability.head();
            if (h.isEmpty()) {
                return;
            }
            if (h.get().hash().equals(lastHead)) {
                resend();
                return;
            }
            lastHead = h.get().hash();
            onHead(h.get().hash(), h.get().state());
        } catch (RuntimeException e) {
            LOG.warn("assurer: {}", e.toString());
        }
    }

    private void onHead(Hash head, ChainState s) {
        ShardService shards = availability.service();
        AvailabilityStore store = shards.store();
        long slot = s.tau();
        applyRetention(store, s, slot);
        List<Mine> mine = mine(s.kappa());
        if (mine.isEmpty()) {
            return;
        }
        int cores = params.coresCount();
        List<Thread> fetches = new ArrayList<>();
        Hash[] roots = new Hash[cores];
        for (int c = 0; c < cores; c++) {
            AvailabilityAssignment a = s.rho().get(c);
            if (a == null) {
                continue;
            }
            Hash root = a.report().packageSpec().erasureRoot();
            roots[c] = root;
            for (Mine me : mine) {
                int shard = ShardService.shardIndex(params, c, me.index());
                if (store.bundleShard(root, shard).isPresent()) {
                    continue;
                }
                int core = c;
                fetches.add(Thread.ofVirtual().name("jam-assurer-fetch").start(() -> {
                    try {
                        shards.fetchAndKeep(root, shard);
                        LOG.info("assurer: got shard {} of core {}'s report {} (erasure root {})", shard, core,
                                a.report().packageSpec().hash(), root);
                    } catch (AvailabilityException e) {
                        LOG.warn("assurer: no shard {} of core {}'s report: {}", shard, core, e.getMessage());
                    }
                }));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FETCH_MS);
        for (Thread t : fetches) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(java.time.Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Mine me : mine) {
            assure(head, s, roots, me);
        }
    }

    /**
     * Validator {@code me}'s assurance on {@code head}: a bit for each core whose report's shard it holds, signed,
     * pooled; sent over CE 141 when {@code me} is the node's network identity (JAMNP-S ties an assurance to the
     * connection's validator, so a node's other validators' assurances reach the chain through its own pool).
     */
    private void assure(Hash head, ChainState s, Hash[] roots, Mine me) {
        AvailabilityStore store = availability.service().store();
        int v = me.index();
        byte[] bits = new byte[params.availBitfieldBytes()];
        boolean any = false;
        for (int c = 0; c < roots.length; c++) {
            if (roots[c] != null && store.bundleShard(roots[c], ShardService.shardIndex(params, c, v)).isPresent()) {
                bits[c >>> 3] |= (byte) (1 << (c & 7));
                any = true;
            }
        }
        if (!any) {
            return;
        }
        byte[] sig = Ed25519.sign(me.secrets().ed25519SecretSeed(), signedMessage(head, bits));
        AvailAssurance assurance = new AvailAssurance(head, new Blob(bits), v, new Ed25519Signature(sig));
        Submission sub = pool.submitAssurance(assurance);
        LOG.info("assurer: assurance of validator {} on {} (bitfield {}) to the pool: {}", v, head,
                java.util.HexFormat.of().formatHex(bits), sub);
        if (me.networked()) {
            distribute(new Assurance(head, new Blob(bits), new Ed25519Signature(sig)), s.kappa());
        }
    }

    /** {@code X_A ⌢ H(E(anchor, f))}: what an assurance signs (GP eq. 11.13). */
    static byte[] signedMessage(Hash anchor, byte[] bitfield) {
        byte[] h = Blake2b256.hash(anchor.bytes(), bitfield);
        byte[] m = new byte[Ed25519Signatures.AVAILABLE.length + 32];
        System.arraycopy(Ed25519Signatures.AVAILABLE, 0, m, 0, Ed25519Signatures.AVAILABLE.length);
        System.arraycopy(h, 0, m, Ed25519Signatures.AVAILABLE.length, 32);
        return m;
    }

    private void distribute(Assurance a, ValidatorKeys kappa) {
        Set<PeerId> targets = ConcurrentHashMap.newKeySet();
        PeerId me = availability.network().map(Network::localId).orElse(null);
        for (PeerId p : AvailabilityComponent.ids(kappa)) {
            if (!p.equals(me)) {
                targets.add(p);
            }
        }
        delivery = new Delivery(a.anchor(), a.encode(params), targets, ConcurrentHashMap.newKeySet());
        resend();
    }

    /** Sends the current assurance over CE 141 to every connected validator it has not reached yet. */
    private void resend() {
        Delivery d = delivery;
        Optional<Network> n = availability.network();
        if (d == null || n.isEmpty() || !d.anchor().equals(lastHead)) {
            return;
        }
        for (PeerId p : d.remaining()) {
            if (n.get().peer(p).isEmpty() || !d.sending().add(p)) {
                continue;
            }
            Thread.ofVirtual().name("jam-assurer-send").start(() -> {
                try {
                    Stream st = n.get().openStream(p, CE_141).toCompletableFuture().get(5, TimeUnit.SECONDS);
                    st.write(d.message());
                    st.finish();
                    st.readFin();
                    d.remaining().remove(p);
                } catch (Exception e) {
                    LOG.debug("assurer: CE 141 to {} failed: {}", p, e.toString());
                } finally {
                    d.sending().remove(p);
                }
            });
        }
    }

    /** CE 141 received: {@code --> Assurance, FIN; <-- FIN}; a valid one goes to the pool. */
    void receive(Stream stream) throws Exception {
        byte[] m = stream.read();
        if (m == null) {
            throw new ProtocolViolationException("CE 141: FIN without an assurance");
        }
        stream.readFin();
        Assurance a;
        try {
            a = Assurance.decode(m, params);
        } catch (CodecException e) {
            throw new ProtocolViolationException("CE 141: " + e.getMessage(), e);
        }
        Optional<AvailabilityComponent.Head> h = availability.head();
        if (h.isEmpty()) {
            stream.finish();
            return;
        }
        List<PeerId> kappa = AvailabilityComponent.ids(h.get().state().kappa());
        int v = kappa.indexOf(stream.peer());
        if (v < 0) {
            throw new ProtocolViolationException("CE 141: assurance from " + stream.peer()
                    + ", not a current validator");
        }
        if (!Ed25519.verify(stream.peer().key(), signedMessage(a.anchor(), a.bitfield().bytes()),
                a.signature().bytes())) {
            throw new ProtocolViolationException("CE 141: bad signature of validator " + v + " on anchor "
                    + a.anchor());
        }
        Submission sub = pool.submitAssurance(new AvailAssurance(a.anchor(), a.bitfield(), v, a.signature()));
        if (sub.accepted()) {
            received.incrementAndGet();
        }
        LOG.debug("assurer: CE 141 assurance of validator {} on {}: {}", v, a.anchor(), sub);
        stream.finish();
    }

    /** Assurances received over CE 141 and accepted by the pool. */
    int received() {
        return received.get();
    }

    /** One of this node's validators in κ; {@code networked} if it is the node's network identity. */
    private record Mine(int index, ValidatorSecrets secrets, boolean networked) {}

    /**
     * This node's validators among κ: every key of the keystore found there, the one of the network's identity
     * marked (without a network, the keystore's first).
     */
    private List<Mine> mine(ValidatorKeys kappa) {
        PeerId net = availability.network().map(Network::localId).orElse(null);
        List<Mine> out = new ArrayList<>();
        boolean first = true;
        for (ValidatorSecrets s : keystore.validators()) {
            boolean networked = net != null ? PeerId.of(s.ed25519()).equals(net) : first;
            first = false;
            for (int i = 0; i < kappa.size(); i++) {
                if (kappa.get(i).ed25519().equals(s.ed25519())) {
                    out.add(new Mine(i, s, networked));
                    break;
                }
            }
        }
        return out;
    }

    /** Moves each record's phase along ρ and drops what {@link Retention} says has expired. */
    private void applyRetention(AvailabilityStore store, ChainState s, long slot) {
        Map<Hash, AvailabilityAssignment> pending = new HashMap<>();
        for (int c = 0; c < params.coresCount(); c++) {
            AvailabilityAssignment a = s.rho().get(c);
            if (a != null) {
                pending.put(a.report().packageSpec().erasureRoot(), a);
                Hash root = a.report().packageSpec().erasureRoot();
                Optional<AvailabilityStore.Record> r = store.record(root);
                if (r.isEmpty() || r.get().phase() != Retention.Phase.PENDING) {
                    store.putRecord(new AvailabilityStore.Record(root, a.report().packageSpec().exportsRoot(),
                            r.map(AvailabilityStore.Record::firstSlot).orElse(slot), Retention.Phase.PENDING,
                            a.timeout(), 0));
                }
            }
        }
        int u = params.assuranceTimeoutPeriod();
        for (AvailabilityStore.Record r : store.records()) {
            AvailabilityStore.Record cur = r;
            if (r.phase() == Retention.Phase.PENDING && !pending.containsKey(r.erasureRoot())) {
                cur = new AvailabilityStore.Record(r.erasureRoot(), r.segmentRoot(), r.firstSlot(),
                        Retention.left(r.timeout(), slot, u), r.timeout(), slot);
                store.putRecord(cur);
                LOG.info("availability: report with erasure root {} left ρ at slot {}: {}", r.erasureRoot(), slot,
                        cur.phase());
            }
            switch (Retention.action(cur, slot, params.epochLength(), u)) {
                case DROP_BUNDLE -> {
                    int n = store.dropBundle(cur.erasureRoot());
                    if (n > 0) {
                        LOG.info("availability: dropped {} audit entries of {}", n, cur.erasureRoot());
                    }
                }
                case DROP_ALL -> LOG.info("availability: dropped {} entries of {} ({})",
                        store.dropAll(cur.erasureRoot(), cur.segmentRoot()), cur.erasureRoot(), cur.phase());
                case KEEP -> { }
            }
        }
    }
}
