package io.jamboree.sync.internal;

import io.jamboree.author.Author;
import io.jamboree.author.ContestTickets;
import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.author.pool.Submission;
import io.jamboree.core.ChainParams;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.stf.state.ChainState;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.network.StreamKind;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.stf.safrole.SealContexts;
import io.jamboree.sync.internal.protocol.SyncMessages;
import io.jamboree.sync.internal.protocol.TicketDistribution;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.ValidatorKeys;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * Safrole ticket distribution, JAMNP-S CE 131/132 (GP 0.7.2 §6.7): once per epoch, while the contest is open
 * (phase below Y), this node's own tickets ({@link Author#ownTickets()}) go to their proxy validator with CE 131: the
 * validator of the next epoch's set γ_k (the head state's pending keys) at the index given by the last 4 bytes of the
 * ticket's VRF output, big endian, modulo V. When that proxy is this node, the first step is skipped. A proxy checks
 * that it is the ticket's proxy and the ring proof (over γ_z with the context X_T ⌢ η_2 ⌢ attempt, eq. 6.29) and
 * forwards a ticket it had not seen to every current validator (κ) with CE 132. Every ticket received is submitted
 * to the node's {@link ExtrinsicPool}, so the author includes it.
 *
 * <p>Timing as JAMNP-S asks ({@link TicketSchedule}), by the phase of the best head: own tickets are proved when the
 * epoch opens and sent from {@code max(⌊E/60⌋, 1)}; forwards are held until {@code max(⌊E/20⌋, 1)} and then spread
 * evenly, ticket by ticket, until half-way through the lottery. Deliveries to validators not connected yet are
 * retried every {@value #TICK_MS} ms until the contest ends.
 */
// immediate: nothing else asks for the relay before tickets flow (the network takes stream handlers lazily), yet it
// must run from the start to send this node's own tickets
@Component(service = TicketRelay.class, immediate = true)
public final class TicketRelay {
    private static final Logger LOG = LoggerFactory.getLogger(TicketRelay.class);
    static final StreamKind CE_TO_PROXY = StreamKind.of(131);
    static final StreamKind CE_TO_ALL = StreamKind.of(132);
    static final long TICK_MS = 500;

    /** A ticket to send to one validator. */
    private record Delivery(StreamKind kind, PeerId target, TicketDistribution ticket) {}

    private final BlockSync sync;
    private final Author author;
    private final ExtrinsicPool pool;
    private final ChainParams params;
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    /** Forwards (CE 132) held back by the schedule, one list of deliveries per ticket. */
    private final ConcurrentLinkedQueue<List<Delivery>> held = new ConcurrentLinkedQueue<>();
    private final TicketSchedule schedule;
    /** The phase forwards were last released in, and how many tickets in it (the tick thread's). */
    private int releasePhase = -1;
    private int releasedInPhase;
    private final ScheduledExecutorService timer;
    private final AtomicInteger received = new AtomicInteger();
    private volatile long distributedFor = -1;
    private volatile boolean proving;

    @Activate
    public TicketRelay(@Reference BlockSync sync, @Reference Author author, @Reference ExtrinsicPool pool) {
        this.sync = sync;
        this.author = author;
        this.pool = pool;
        this.params = sync.params();
        this.schedule = new TicketSchedule(params.epochLength(), params.contestLength());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jam-sync-tickets");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    /** Tickets received over CE 131/132 and accepted into the pool so far. */
    int received() {
        return received.get();
    }

    private void tick() {
        Network network = sync.network().orElse(null);
        if (network == null) {
            return;
        }
        try {
            ChainView.HeadState hs = sync.chain().headState();
            long epoch = hs.epoch(params);
            int phase = hs.phase(params);
            if (phase >= params.contestLength()) {
                deliveries.clear();
                held.clear();
                return;
            }
            if (epoch != distributedFor && !proving) {
                proving = true;
                Thread.ofVirtual().name("jam-sync-own-tickets").start(() -> distributeOwn(epoch));
            }
            held.removeIf(l -> l.isEmpty() || l.get(0).ticket().epoch() != epoch + 1);
            if (phase != releasePhase) {
                releasePhase = phase;
                releasedInPhase = 0;
            }
            for (int n = schedule.release(held.size(), phase, releasedInPhase); n > 0; n--) {
                List<Delivery> l = held.poll();
                if (l == null) {
                    break;
                }
                deliveries.addAll(l);
                releasedInPhase++;
            }
            for (Iterator<Delivery> it = deliveries.iterator(); it.hasNext();) {
                Delivery d = it.next();
                if (d.ticket().epoch() != epoch + 1) {
                    it.remove();
                } else if (d.kind().equals(CE_TO_PROXY) && phase < schedule.ownFrom()) {
                    continue; // own tickets wait for max(E/60, 1)
                } else if (network.peer(d.target()).isPresent()) {
                    it.remove();
                    Thread.ofVirtual().name("jam-sync-ticket-send").start(() -> send(d));
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("tickets: {}", e.toString());
        }
    }

    private void distributeOwn(long epoch) {
        try {
            Network network = sync.network().orElseThrow(() -> new IllegalStateException("the network stopped"));
            ContestTickets own = author.ownTickets();
            if (own.epoch() != epoch + 1) {
                return; // the head moved to another epoch meanwhile: the next tick starts over
            }
            distributedFor = epoch;
            if (own.tickets().isEmpty()) {
                return;
            }
            ChainState s = sync.chain().headState().state();
            ValidatorKeys next = s.gamma().pendingValidators();
            PeerId me = network.localId();
            int toProxy = 0;
            for (TicketEnvelope t : own.tickets()) {
                TicketDistribution d = new TicketDistribution(own.epoch(), t);
                int proxy = proxyIndex(t, next.size());
                PeerId proxyId = PeerId.of(next.get(proxy).ed25519());
                if (proxyId.equals(me)) {
                    forwardToAll(d, s, null);
                } else {
                    deliveries.add(new Delivery(CE_TO_PROXY, proxyId, d));
                    toProxy++;
                }
            }
            LOG.info("tickets: {} own tickets for epoch {}, {} to their proxies over CE 131, {} forwarded by us over "
                    + "CE 132", own.tickets().size(), own.epoch(), toProxy, own.tickets().size() - toProxy);
        } catch (RuntimeException e) {
            LOG.warn("tickets: cannot make our tickets for epoch {}: {}", epoch + 1, e.toString());
        } finally {
            proving = false;
        }
    }

    /** JAMNP-S CE 131/132: the proxy's index, the last 4 bytes of Y(proof) big endian, modulo V. */
    static int proxyIndex(TicketEnvelope t, int validators) {
        byte[] y = BandersnatchVrf.vrfOutput(t.signature().bytes());
        long v = ((y[28] & 0xffL) << 24) | ((y[29] & 0xffL) << 16) | ((y[30] & 0xffL) << 8) | (y[31] & 0xffL);
        return (int) (v % validators);
    }

    /** Holds CE 132 to every current validator (κ) but this node and {@code from}, for the schedule to release. */
    private void forwardToAll(TicketDistribution d, ChainState s, PeerId from) {
        PeerId me = sync.network().map(Network::localId).orElse(null);
        List<Delivery> l = new ArrayList<>();
        for (int i = 0; i < s.kappa().size(); i++) {
            PeerId v = PeerId.of(s.kappa().get(i).ed25519());
            if (!v.equals(me) && !v.equals(from)) {
                l.add(new Delivery(CE_TO_ALL, v, d));
            }
        }
        if (!l.isEmpty()) {
            held.add(l);
        }
    }

    private void send(Delivery d) {
        try {
            Network network = sync.network().orElseThrow(() -> new StreamException("the network stopped"));
            Stream s = network.openStream(d.target(), d.kind()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            try {
                s.write(SyncMessages.encode(d.ticket()));
                s.finish();
                s.readFin();
            } catch (StreamException e) {
                s.reset(e.getMessage());
                throw e;
            }
        } catch (Exception e) {
            LOG.debug("tickets: {} to {} failed ({}); retrying", d.kind(), d.target(), e.toString());
            if (!(e instanceof InterruptedException)) {
                deliveries.add(d);
            }
        }
    }

    /**
     * A ticket received over {@code kind} from {@code from}: for CE 131 this node must be its proxy and the proof must
     * verify, then it is forwarded with CE 132; in both cases it joins the pool.
     *
     * @throws ProtocolViolationException if this node is not the ticket's proxy or the proof is invalid (CE 131)
     * @throws IllegalStateException if the ticket is for another epoch than the contest at the best head
     */
    void received(StreamKind kind, PeerId from, TicketDistribution d) throws ProtocolViolationException {
        ChainView.HeadState hs = sync.chain().headState();
        long expected = hs.epoch(params) + 1;
        if (d.epoch() != expected) {
            throw new IllegalStateException(kind + ": a ticket for epoch " + d.epoch() + " but the contest at our best "
                    + "head is for epoch " + expected);
        }
        ChainState s = hs.state();
        TicketEnvelope t = d.ticket();
        if (kind.equals(CE_TO_PROXY)) {
            ValidatorKeys next = s.gamma().pendingValidators();
            int proxy = proxyIndex(t, next.size());
            if (!sync.network().map(n -> n.localId().equals(PeerId.of(next.get(proxy).ed25519()))).orElse(false)) {
                throw new ProtocolViolationException("CE 131: we are not the proxy of this ticket (validator " + proxy
                        + " of the next epoch is)");
            }
            byte[] y = BandersnatchRing.shared().verify(s.gamma().epochRoot().bytes(), next.size(),
                    SealContexts.ticket(s.eta().get(2), t.attempt()), t.signature().bytes());
            if (y == null) {
                throw new ProtocolViolationException("CE 131: the ticket's ring proof does not verify");
            }
        }
        Submission sub = pool.submitTicket(t);
        if (sub instanceof Submission.Refused r) {
            throw new ProtocolViolationException(kind + ": ticket refused: " + r.reason());
        }
        if (sub.accepted()) {
            int n = received.incrementAndGet();
            LOG.info("tickets: ticket for epoch {} (attempt {}) received over {} from {} ({} received so far)",
                    d.epoch(), t.attempt(), kind, from, n);
            if (kind.equals(CE_TO_PROXY)) {
                forwardToAll(d, s, null);
            }
        }
    }
}
