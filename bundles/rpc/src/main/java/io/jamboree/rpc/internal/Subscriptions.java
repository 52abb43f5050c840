package io.jamboree.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JIP-2 subscriptions of all connections. One thread checks the best and finalized heads when told they may
 * have moved ({@link #changed()}: a block imported, authored here or synced from peers, a block finalized; there is
 * no timer); when the head a subscription tracks changes, its value is computed again and, if it differs
 * from the last one sent, a notification goes to the client: {@code {"jsonrpc":"2.0","method":METHOD,
 * "params":{"subscription":ID,"result":VALUE}}}. The first notification follows the subscribe response. Sending
 * never waits: a client that does not read (its connection's write buffer full) is disconnected.
 */
final class Subscriptions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

    /** One subscription: the value it reports, of the best or the finalized head. */
    private static final class Subscription {
        final String id;
        final String method;
        final RpcSession session;
        final boolean finalized;
        final Function<ChainQueries.BlockRef, JsonNode> value;
        JsonNode last;
        /** Whether the subscribe response was sent, so notifications may follow. */
        volatile boolean started;

        Subscription(String id, String method, RpcSession session, boolean finalized,
                Function<ChainQueries.BlockRef, JsonNode> value) {
            this.id = id;
            this.method = method;
            this.session = session;
            this.finalized = finalized;
            this.value = value;
        }
    }

    private final ChainQueries chain;
    private final ObjectMapper mapper;
    private final int maxPerSession;
    private final Map<String, Subscription> all = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService worker;
    private volatile ChainQueries.BlockRef best;
    private volatile ChainQueries.BlockRef finalized;
    /** Whether a check asked for by {@link #changed()} is queued and not yet running (requests coalesce). */
    private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();

    Subscriptions(ChainQueries chain, ObjectMapper mapper, int maxPerSession) {
        this.chain = chain;
        this.mapper = mapper;
        this.maxPerSession = maxPerSession;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jam-rpc-subscriptions");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Adds a subscription; it is notified once {@link #started(RpcSession)} says the subscribe response was sent.
     *
     * @return the subscription id
     */
    String subscribe(String method, RpcSession session, boolean finalized, Function<ChainQueries.BlockRef, JsonNode> value) {
        long mine = all.values().stream().filter(s -> s.session == session).count();
        if (mine >= maxPerSession) {
            throw new RpcError(RpcError.INVALID_REQUEST, "too many subscriptions on this connection (at most "
                    + maxPerSession + ")");
        }
        String id = Long.toString(ids.incrementAndGet());
        Subscription s = new Subscription(id, method, session, finalized, value);
        all.put(id, s);
        return id;
    }

    /**
     * The responses to {@code session}'s requests so far were written: its new subscriptions start, with a first
     * notification of the current value (a notification must not overtake the subscription id it belongs to).
     */
    void started(RpcSession session) {
        for (Subscription s : all.values()) {
            if (s.session == session && !s.started) {
                s.started = true;
                worker.execute(() -> update(s, s.finalized ? chain.finalized().orElse(null) : chain.best().orElse(null)));
            }
        }
    }

    /** Removes a subscription of {@code session}; false if it has none with that id. */
    boolean unsubscribe(String id, RpcSession session) {
        Subscription s = all.get(id);
        return s != null && s.session == session && all.remove(id, s);
    }

    /** Drops every subscription of a closed connection. */
    void closed(RpcSession session) {
        all.values().removeIf(s -> s.session == session);
    }

    /** The best or finalized head may have moved: check them now, on the subscriptions' thread (never waits). */
    void changed() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    check();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false); // closed
            }
        }
    }

    int count() {
        return all.size();
    }

    private void check() {
        try {
            ChainQueries.BlockRef b = chain.best().orElse(null);
            ChainQueries.BlockRef f = chain.finalized().orElse(null);
            boolean bestChanged = !Objects.equals(b, best);
            boolean finChanged = !Objects.equals(f, finalized);
            best = b;
            finalized = f;
            if (!bestChanged && !finChanged) {
                return;
            }
            for (Subscription s : all.values()) {
                if (s.started && (s.finalized ? finChanged : bestChanged)) {
                    update(s, s.finalized ? f : b);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("RPC subscriptions: reading the chain failed: {}", e.toString());
        }
    }

    private void update(Subscription s, ChainQueries.BlockRef head) {
        if (head == null || !all.containsKey(s.id)) {
            return;
        }
        JsonNode v;
        try {
            v = s.value.apply(head);
        } catch (RuntimeException e) {
            LOG.debug("RPC subscription {} ({}): no value at {}: {}", s.id, s.method, head.hash(), e.toString());
            return;
        }
        if (v.equals(s.last)) {
            return;
        }
        s.last = v;
        ObjectNode params = JipTypes.JSON.objectNode();
        params.put("subscription", s.id);
        params.set("result", v);
        ObjectNode n = JipTypes.JSON.objectNode();
        n.put("jsonrpc", "2.0");
        n.put("method", s.method);
        n.set("params", params);
        String text;
        try {
            text = mapper.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!s.session.send(text)) {
            closed(s.session);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        all.clear();
    }
}
