package io.jamboree.rpc.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.importer.BlockImporter;
import io.jamboree.rpc.FinalizedHead;
import io.jamboree.rpc.RpcEndpoint;
import io.jamboree.rpc.WorkPackageSubmitter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The RPC server assembled from its parts (queries, subscriptions, dispatcher, WebSocket server); usable without
 * OSGi (tests). Subscribers learn of new heads only through {@link #headsChanged()} (in OSGi: {@link ImportEvents},
 * {@link FinalityEvents}).
 */
public final class RpcNode implements RpcEndpoint, HeadEvents, AutoCloseable {
    private final Subscriptions subscriptions;
    private final JsonRpcDispatcher dispatcher;
    private final RpcWebSocketServer server;
    private final NodeActivity activity;

    public RpcNode(BlockImporter importer, InetSocketAddress bind, int maxPendingBytes, int maxSubscriptions,
            Supplier<Optional<ExtrinsicPool>> pool, Supplier<Optional<WorkPackageSubmitter>> workPackages,
            Supplier<Optional<FinalizedHead>> finality) throws InterruptedException {
        this(importer, bind, maxPendingBytes, maxSubscriptions, pool, workPackages, finality, NodeActivity.none());
    }

    RpcNode(BlockImporter importer, InetSocketAddress bind, int maxPendingBytes, int maxSubscriptions,
            Supplier<Optional<ExtrinsicPool>> pool, Supplier<Optional<WorkPackageSubmitter>> workPackages,
            Supplier<Optional<FinalizedHead>> finality, NodeActivity activity) throws InterruptedException {
        ObjectMapper mapper = new ObjectMapper();
        ChainQueries chain = new ChainQueries(importer, finality);
        this.activity = activity;
        subscriptions = new Subscriptions(chain, mapper, maxSubscriptions);
        dispatcher = new JsonRpcDispatcher(mapper, chain, subscriptions, pool, workPackages, activity);
        try {
            server = new RpcWebSocketServer(bind, dispatcher, subscriptions, Dashboard::content, maxPendingBytes);
        } catch (RuntimeException | InterruptedException e) {
            subscriptions.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return server.address();
    }

    /** This node authored a block: kept for the dashboard; subscribers are notified now. */
    void authored(long slot, long authorNanos, long importNanos) {
        activity.authored(slot, authorNanos, importNanos);
        subscriptions.changed();
    }

    /** The best or finalized head may have moved: subscribers are notified now. */
    @Override
    public void headsChanged() {
        subscriptions.changed();
    }

    /** Every method name served. */
    public List<String> methods() {
        return dispatcher.methodNames();
    }

    /** Open subscriptions of all clients. */
    public int subscriptions() {
        return subscriptions.count();
    }

    @Override
    public void close() {
        server.close();
        subscriptions.close();
    }
}
