package io.jamboree.sync.internal;

import io.jamboree.author.AuthoredBlock;
import io.jamboree.author.AuthorListener;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.BestChain;
import io.jamboree.grandpa.FinalizedHead;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportFailedException;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.network.StreamKind;
import io.jamboree.sync.internal.protocol.Announcement;
import io.jamboree.sync.internal.protocol.BlockRef;
import io.jamboree.sync.internal.protocol.BlockRequest;
import io.jamboree.sync.internal.protocol.SyncMessages;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Block sync over JAMNP-S: blocks other nodes announce (UP 0) are fetched with CE 128 block requests (descending from
 * the announced block down to one this node knows) and imported, oldest first, through the node's
 * {@link BlockImporter} (GP §4.1, Υ); every block this node imports or authors is announced on the UP 0 streams. A
 * block the importer rejects is not announced, its hash is remembered so it is not fetched again, and the peer that
 * announced it is penalised: after {@value #MAX_INVALID} invalid blocks it is disconnected.
 *
 * <p>One fetch thread imports blocks one chain at a time; one announce thread writes announcements, so neither the
 * author's slot thread nor a stream handler waits on a slow peer.
 */
@Component(service = {BlockSync.class, AuthorListener.class})
public final class BlockSync implements AuthorListener {
    private static final Logger LOG = LoggerFactory.getLogger(BlockSync.class);
    /** Invalid blocks after which the announcing peer is disconnected. */
    static final int MAX_INVALID = 3;
    /** Blocks asked for per CE 128 request. */
    static final int BATCH = 64;
    /** The most blocks fetched for one announcement before giving up (a chain this long is synced in rounds). */
    static final int MAX_CHAIN = 100_000;
    static final StreamKind UP_ANNOUNCE = StreamKind.of(0);
    static final StreamKind CE_BLOCKS = StreamKind.of(128);

    /** An open UP 0 stream on which our handshake went out: announcements may follow. */
    static final class Session {
        final Stream stream;

        Session(Stream stream) {
            this.stream = stream;
        }

        synchronized void write(byte[] m) throws StreamException {
            stream.write(m);
        }
    }

    private final ChainView chain;
    private final ChainParams params;
    /** Dynamic: the network starts only once configured, and its handlers (ours among them) need this component. */
    private volatile Network network;
    private final Map<PeerId, Session> sessions = new ConcurrentHashMap<>();
    private final Set<Hash> pending = ConcurrentHashMap.newKeySet();
    private final Set<Hash> invalid = ConcurrentHashMap.newKeySet();
    private final Map<PeerId, AtomicInteger> penalties = new ConcurrentHashMap<>();
    private final ExecutorService fetcher;
    private final ExecutorService announcer;
    private final LatencyStats latency = new LatencyStats();
    /** The validator sets of the best head's epoch, for the UP 0 grid rule; NONE until first read. */
    private volatile GridNeighbours grid = GridNeighbours.NONE;

    @Activate
    public BlockSync(@Reference BlockImporter importer) {
        this.chain = new ChainView(importer);
        this.params = importer.params();
        this.fetcher = Executors.newSingleThreadExecutor(r -> daemon(r, "jam-sync-fetch"));
        this.announcer = Executors.newSingleThreadExecutor(r -> daemon(r, "jam-sync-announce"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Deactivate
    void deactivate() {
        fetcher.shutdownNow();
        announcer.shutdownNow();
        if (latency.count() > 0) {
            LOG.info("sync: {}", latency.summary());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindNetwork(Network n) {
        network = n;
        try {
            announcer.execute(this::refreshGrid);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    void unbindNetwork(Network n) {
        if (network == n) {
            network = null;
            sessions.clear();
        }
    }

    /** GRANDPA's finalized head, when the node runs it: announced as {@code Final} in UP 0. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindFinality(FinalizedHead f) {
        chain.finality(f);
    }

    void unbindFinality(FinalizedHead f) {
        chain.finality(null);
    }

    /** GRANDPA's best chain (GP §19), when the node runs it: its head is the best head among the UP 0 leaves. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindBestChain(BestChain b) {
        chain.bestChain(b);
    }

    void unbindBestChain(BestChain b) {
        chain.bestChain(null);
    }

    ChainView chain() {
        return chain;
    }

    ChainParams params() {
        return params;
    }

    /** The network, if it runs. */
    java.util.Optional<Network> network() {
        return java.util.Optional.ofNullable(network);
    }

    /**
     * Whether this node should have a UP 0 stream with {@code peer} (JAMNP-S: grid neighbours, or one of the two not a
     * validator), by the validator sets last read from the best head ({@link GridNeighbours}). Does not block.
     */
    boolean upStreamTo(PeerId peer) {
        Network net = network;
        return net == null || grid.upStream(net.localId(), peer);
    }

    /**
     * Reads the validator sets of the best head again when its epoch is later than the one read last, and then has the
     * network apply the UP 0 grid rule to its connections (JAMNP-S "Epoch transitions"). On the announce thread.
     */
    private void refreshGrid() {
        try {
            ChainView.HeadState hs = chain.headState();
            long epoch = hs.epoch(params);
            if (epoch <= grid.epoch()) {
                return; // the sets of a later epoch were read already (a sync importing old blocks, a fork switch)
            }
            grid = GridNeighbours.of(hs.state(), epoch);
            Network net = network;
            if (net != null) {
                LOG.info("sync: validator sets of epoch {} read; UP 0 streams kept to grid neighbours", epoch);
                net.refreshUpStreams();
            }
        } catch (RuntimeException e) {
            LOG.warn("sync: cannot read the validator sets for the UP 0 grid: {}", e.toString());
        }
    }

    /** The UP 0 stream with {@code peer} sent our handshake: announcements may be written to it. */
    void opened(PeerId peer, Stream s) {
        sessions.put(peer, new Session(s));
    }

    /** The UP 0 stream with {@code peer} ended. */
    void closed(PeerId peer, Stream s) {
        sessions.computeIfPresent(peer, (k, v) -> v.stream == s ? null : v);
    }

    /**
     * {@code peer} told us of a block (a handshake leaf or an announcement): fetched and imported unless known, being
     * fetched, or known to be invalid.
     */
    void announced(PeerId peer, Hash hash, long slot, boolean timed) {
        if (invalid.contains(hash) || chain.knows(hash) || !pending.add(hash)) {
            return;
        }
        long seen = timed ? System.nanoTime() : -1;
        try {
            fetcher.execute(() -> {
                try {
                    fetchAndImport(peer, hash, slot, seen);
                } finally {
                    pending.remove(hash);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.remove(hash); // shutting down
        }
    }

    private void fetchAndImport(PeerId peer, Hash hash, long slot, long seenNanos) {
        if (chain.knows(hash)) {
            return;
        }
        List<Block> down = new ArrayList<>(); // announced block first, then its ancestors
        Hash next = hash;
        try {
            while (down.size() < MAX_CHAIN) {
                List<Block> batch = request(peer, next, BATCH);
                if (batch.isEmpty()) {
                    LOG.info("sync: {} has no block {} (slot {}); giving up on it for now", peer, next, slot);
                    return;
                }
                boolean connected = false;
                for (Block b : batch) {
                    Hash bh = b.header().hash(params);
                    if (!bh.equals(next)) {
                        throw new ProtocolViolationException("CE 128: asked for the chain down from " + next
                                + " but block " + bh + " is not it");
                    }
                    if (invalid.contains(bh)) {
                        LOG.info("sync: {} sent a chain over the known invalid block {}", peer, bh);
                        penalise(peer, "a chain over the invalid block " + bh);
                        return;
                    }
                    down.add(b);
                    next = b.header().parent();
                    if (chain.knows(next)) {
                        connected = true;
                        break;
                    }
                }
                if (connected) {
                    break;
                }
            }
        } catch (ProtocolViolationException e) {
            LOG.warn("sync: {}: {}", peer, e.getMessage());
            penalise(peer, e.getMessage());
            return;
        } catch (StreamException e) {
            LOG.info("sync: block request to {} failed: {}", peer, e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Collections.reverse(down);
        for (Block b : down) {
            Hash bh = b.header().hash(params);
            if (chain.knows(bh)) {
                continue; // imported meanwhile (e.g. by another fetch or the author)
            }
            ImportOutcome out;
            try {
                out = chain.importer().importBlock(b);
            } catch (ImportFailedException e) {
                LOG.error("sync: the importer broke down on block {} from {}: {}", bh, peer, e.getMessage());
                return;
            }
            switch (out) {
                case ImportOutcome.Imported i -> {
                    chain.imported(b.header());
                    long ms = bh.equals(hash) && seenNanos >= 0 ? (System.nanoTime() - seenNanos) / 1_000_000 : -1;
                    if (ms >= 0) {
                        latency.add(ms);
                    }
                    LOG.info("sync: imported block {} (slot {}, author {}) from {}{}", bh, b.header().slot(),
                            b.header().authorIndex(), peer, ms >= 0 ? ", " + ms + " ms after its announcement" : "");
                    announce(b.header(), peer);
                }
                case ImportOutcome.Rejected r -> {
                    invalid.add(bh);
                    LOG.warn("sync: block {} (slot {}) from {} is invalid and not announced: {}", bh,
                            b.header().slot(), peer, r.reason());
                    penalise(peer, "invalid block " + bh + ": " + r.reason());
                    return;
                }
            }
        }
        if (latency.count() > 0 && latency.count() % 12 == 0) {
            LOG.info("sync: {}", latency.summary());
        }
    }

    /** One CE 128 request, descending inclusive from {@code from}. */
    private List<Block> request(PeerId peer, Hash from, int max) throws StreamException, InterruptedException {
        Network net = network;
        if (net == null) {
            throw new StreamException("the network is stopped");
        }
        Stream s;
        try {
            s = net.openStream(peer, CE_BLOCKS).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StreamException("cannot open a CE 128 stream to " + peer + ": " + e, e);
        }
        try {
            s.write(SyncMessages.encode(new BlockRequest(from, BlockRequest.Direction.DESCENDING_INCLUSIVE, max)));
            s.finish();
            byte[] m = s.read();
            if (m == null) {
                return List.of();
            }
            List<Block> blocks;
            try {
                blocks = SyncMessages.decodeBlocks(m, params, max);
            } catch (RuntimeException e) {
                throw new ProtocolViolationException("CE 128: undecodable block response: " + e.getMessage(), e);
            }
            s.readFin();
            return blocks;
        } catch (StreamException e) {
            s.reset(e.getMessage());
            throw e;
        }
    }

    /** Counts an offence of {@code peer}; disconnects it at {@value #MAX_INVALID}. */
    void penalise(PeerId peer, String reason) {
        int n = penalties.computeIfAbsent(peer, k -> new AtomicInteger()).incrementAndGet();
        LOG.warn("sync: penalising {} ({} of {}): {}", peer, n, MAX_INVALID, reason);
        Network net = network;
        if (n >= MAX_INVALID && net != null) {
            penalties.remove(peer);
            net.disconnect(peer, "sent " + n + " invalid blocks or block responses");
        }
    }

    /** Offences counted against {@code peer} since it was last disconnected for them. */
    int penalties(PeerId peer) {
        AtomicInteger n = penalties.get(peer);
        return n == null ? 0 : n.get();
    }

    @Override
    public void authored(AuthoredBlock b) {
        chain.imported(b.block().header());
        announce(b.block().header(), null);
    }

    /**
     * Announces {@code h} on every UP 0 stream but the one of {@code except} (the peer it came from); the first block of
     * a new epoch first adjusts the UP 0 streams to the new grid.
     */
    void announce(Header h, PeerId except) {
        BlockRef fin = chain.finalized();
        byte[] m = SyncMessages.encode(new Announcement(h, fin), params);
        long epoch = h.slot() / params.epochLength();
        try {
            announcer.execute(() -> {
                if (epoch > grid.epoch()) {
                    refreshGrid();
                }
                for (Map.Entry<PeerId, Session> e : sessions.entrySet()) {
                    if (e.getKey().equals(except)) {
                        continue;
                    }
                    try {
                        e.getValue().write(m);
                    } catch (StreamException ex) {
                        LOG.debug("sync: announcement to {} failed: {}", e.getKey(), ex.getMessage());
                        sessions.remove(e.getKey(), e.getValue());
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    LatencyStats latency() {
        return latency;
    }
}
