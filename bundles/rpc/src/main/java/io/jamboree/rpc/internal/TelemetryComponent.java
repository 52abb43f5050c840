package io.jamboree.rpc.internal;

import io.jamboree.author.AuthorListener;
import io.jamboree.author.AuthoredBlock;
import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.importer.BlockImporter;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.Hash;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * JIP-3 telemetry of the node ({@code jam run --telemetry HOST:PORT}, PID {@code io.jamboree.telemetry}): the node
 * information message on each connection, then best/finalized block changes (checked every 100 ms), a status event
 * every 2 s, and authoring, authored and executed events for each block this node authors. Never blocks the node:
 * events go through {@link TelemetryClient}'s bounded queue.
 */
@Component(service = AuthorListener.class, configurationPid = "io.jamboree.telemetry",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = TelemetryConfig.class)
public final class TelemetryComponent implements AuthorListener {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExtrinsicPool pool;

    private final NodeTelemetry telemetry;

    @Activate
    public TelemetryComponent(@Reference BlockImporter importer, @Reference(cardinality = ReferenceCardinality.OPTIONAL)
            Keystore keystore, TelemetryConfig config) {
        String ep = config.endpoint();
        int colon = ep.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("telemetry endpoint must be HOST:PORT, not '" + ep + "'");
        }
        InetSocketAddress server = InetSocketAddress.createUnresolved(ep.substring(0, colon).replaceAll("^\\[|]$", ""),
                Integer.parseInt(ep.substring(colon + 1)));
        server = new InetSocketAddress(server.getHostString(), server.getPort());
        byte[] peerId = new byte[32];
        if (keystore != null) {
            List<ValidatorSecrets> v = keystore.validators();
            if (!v.isEmpty()) {
                peerId = v.get(0).ed25519Public();
            }
        }
        String version = FrameworkUtil.getBundle(TelemetryComponent.class).getVersion().toString();
        telemetry = new NodeTelemetry(importer, server, peerId, version, config.note(), config.queueSize(), 100, 2000,
                1000, 30_000);
    }

    @Override
    public void authored(AuthoredBlock block) {
        telemetry.authored(block);
    }

    @Deactivate
    void deactivate() {
        telemetry.close();
    }

    /** The telemetry producer over the importer; usable without OSGi (tests). */
    static final class NodeTelemetry implements AutoCloseable {
        private final ChainQueries chain;
        private final TelemetryClient client;
        private final ScheduledExecutorService timer;
        private final io.jamboree.core.ChainParams params;
        private ChainQueries.BlockRef best;
        private ChainQueries.BlockRef finalized;

        NodeTelemetry(BlockImporter importer, InetSocketAddress server, byte[] peerId, String version, String note,
                int queueSize, long pollMillis, long statusMillis, long minBackoff, long maxBackoff) {
            this.params = importer.params();
            this.chain = new ChainQueries(importer, Optional::empty);
            this.client = new TelemetryClient(server, () -> TelemetryMessages.nodeInfo(params,
                    chain.finalized().map(ChainQueries.BlockRef::hash).orElse(Hash.ZERO), peerId, new byte[16], 0, false,
                    version, note), queueSize, minBackoff, maxBackoff);
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jam-telemetry-events");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::poll, 0, pollMillis, TimeUnit.MILLISECONDS);
            timer.scheduleWithFixedDelay(() -> client.emit(id -> TelemetryMessages.status(TelemetryMessages.now(),
                    params.coresCount(), 0, 0)), statusMillis, statusMillis, TimeUnit.MILLISECONDS);
        }

        TelemetryClient client() {
            return client;
        }

        private void poll() {
            try {
                ChainQueries.BlockRef b = chain.best().orElse(null);
                if (b != null && !Objects.equals(b, best)) {
                    best = b;
                    client.emit(id -> TelemetryMessages.blockChanged(TelemetryMessages.now(), false, b.slot(), b.hash()));
                }
                ChainQueries.BlockRef f = chain.finalized().orElse(null);
                if (f != null && !Objects.equals(f, finalized)) {
                    finalized = f;
                    client.emit(id -> TelemetryMessages.blockChanged(TelemetryMessages.now(), true, f.slot(), f.hash()));
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(NodeTelemetry.class).debug("telemetry: reading the chain failed", e);
            }
        }

        void authored(AuthoredBlock b) {
            long end = TelemetryMessages.now();
            long start = end - (b.authorNanos() + b.importNanos()) / 1000;
            long built = start + b.authorNanos() / 1000;
            long authoring = client.emit(id -> TelemetryMessages.authoring(start, b.slot(), b.block().header().parent()));
            client.emit(id -> TelemetryMessages.authored(built, authoring, b.block(), params));
            client.emit(id -> TelemetryMessages.executed(end, authoring));
        }

        @Override
        public void close() {
            timer.shutdownNow();
            client.close();
        }
    }
}
