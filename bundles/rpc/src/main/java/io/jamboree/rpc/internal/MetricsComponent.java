package io.jamboree.rpc.internal;

import com.sun.net.httpserver.HttpServer;
import io.jamboree.author.AuthorListener;
import io.jamboree.author.AuthoredBlock;
import io.jamboree.author.SealKind;
import io.jamboree.importer.BlockImporter;
import io.jamboree.store.ActiveStore;
import io.jamboree.store.Table;
import io.jamboree.pvm.PvmGasMeter;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.config.EscapingScheme;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's Prometheus endpoint ({@code GET /metrics}, text format 0.0.4, written by the Prometheus Java client
 * library): best and finalized block height and slot, authoring and import times of the blocks this node authored,
 * store entries per table and bytes on disk, the PVM's own gas and run time (the active engine's {@link PvmGasMeter}),
 * the auditor's announcements, judgments and no-shows, and the JVM's metrics. Runs while configuration PID
 * {@code io.jamboree.metrics} exists ({@code jam run --metrics-port}).
 */
@Component(service = AuthorListener.class, configurationPid = "io.jamboree.metrics",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = MetricsConfig.class)
public final class MetricsComponent implements AuthorListener {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActiveStore store;

    /** The JAMNP-S network, when the node runs one: peers and their protocol violations. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.jamboree.network.Network network;

    /** The active PVM engine's meter (jam-pvm-select): gas and time of PVM execution. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PvmGasMeter pvm;

    /** The auditor, when the node runs one: its announcements, judgments and no-shows. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.jamboree.audit.AuditActivity auditor;

    private final NodeMetrics metrics;
    private final HttpServer http;

    @Activate
    public MetricsComponent(@Reference BlockImporter importer, MetricsConfig config) throws IOException {
        metrics = new NodeMetrics(importer, () -> store, config.data().isEmpty() ? null : Path.of(config.data()), this::peerCounts,
                () -> pvm);
        metrics.audits(() -> {
            io.jamboree.audit.AuditActivity a = auditor;
            return a == null ? null : a.counts();
        });
        http = metrics.serve(new InetSocketAddress(config.listen(), config.port()));
        LOG.info("Prometheus metrics on http://{}:{}/metrics", config.listen(), http.getAddress().getPort());
    }

    @Override
    public void authored(AuthoredBlock block) {
        metrics.authored(block);
    }

    /** {connected peers, protocol violations counted against them} now; null without a network. */
    private long[] peerCounts() {
        io.jamboree.network.Network n = network;
        if (n == null) {
            return null;
        }
        long peers = 0;
        long violations = 0;
        for (io.jamboree.network.PeerInfo p : n.peers()) {
            peers++;
            violations += p.violations();
        }
        return new long[] {peers, violations};
    }

    @Deactivate
    void deactivate() {
        http.stop(0);
        metrics.close();
    }

    /** The metrics and their HTTP endpoint; usable without OSGi (tests). */
    static final class NodeMetrics implements AutoCloseable {
        private final PrometheusRegistry registry = new PrometheusRegistry();
        private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        private final Histogram authorSeconds;
        private final Histogram importSeconds;
        private final Counter authored;
        private final PvmGas gas;

        NodeMetrics(BlockImporter importer, java.util.function.Supplier<ActiveStore> store, Path data) {
            this(importer, store, data, () -> null, () -> null);
        }

        /**
         * @param peers {connected peers, violations} now, or null without a network
         * @param pvm the active PVM engine's meter, or null (the PVM metrics are then 0)
         */
        NodeMetrics(BlockImporter importer, java.util.function.Supplier<ActiveStore> store, Path data,
                java.util.function.Supplier<long[]> peers, java.util.function.Supplier<PvmGasMeter> pvm) {
            ChainHeight height = new ChainHeight(importer);
            ChainQueries chain = new ChainQueries(importer, java.util.Optional::empty);
            GaugeWithCallback.builder().name("jam_peers_connected").help("JAMNP-S peers connected now (0 without a network)")
                    .callback(cb -> {
                        long[] p = peers.get();
                        cb.call(p == null ? 0 : p[0]);
                    }).register(registry);
            GaugeWithCallback.builder().name("jam_peer_stream_errors")
                    .help("Protocol violations on the connections open now (bad or stalled streams, bad messages)")
                    .callback(cb -> {
                        long[] p = peers.get();
                        cb.call(p == null ? 0 : p[1]);
                    }).register(registry);
            gas = new PvmGas(chain);
            Counter gasTotal = Counter.builder().name("jam_pvm_gas").help("PVM gas used by the blocks of the best chain "
                    + "as their statistics record it (GP 13.2): refine (reported work) and accumulate").labelNames("phase")
                    .register(registry);
            gas.onBlock((refine, accumulate) -> {
                gasTotal.labelValues("refine").inc(refine);
                gasTotal.labelValues("accumulate").inc(accumulate);
            });
            CounterWithCallback.builder().name("jam_pvm_executed_gas")
                    .help("Gas consumed by PVM instructions run by this node's active engine (host calls excluded)")
                    .callback(cb -> {
                        PvmGasMeter m = pvm.get();
                        cb.call(m == null ? 0 : m.gas());
                    }).register(registry);
            CounterWithCallback.builder().name("jam_pvm_run_seconds")
                    .help("Wall time this node's active PVM engine spent running instructions (host calls excluded)")
                    .callback(cb -> {
                        PvmGasMeter m = pvm.get();
                        cb.call(m == null ? 0 : m.nanos() / 1e9);
                    }).register(registry);
            GaugeWithCallback.builder().name("jam_pvm_gas_per_second")
                    .help("PVM speed measured in the PVM: gas consumed per second of PVM run time since the start "
                            + "(jam_pvm_executed_gas_total / jam_pvm_run_seconds_total; 0 before the PVM ran)")
                    .callback(cb -> {
                        PvmGasMeter m = pvm.get();
                        long ns = m == null ? 0 : m.nanos();
                        cb.call(ns <= 0 ? 0 : m.gas() * 1e9 / ns);
                    }).register(registry);
            GaugeWithCallback.builder().name("jam_best_block_height").help("Ancestors of the best head since the first block")
                    .callback(cb -> cb.call(height.best())).register(registry);
            GaugeWithCallback.builder().name("jam_best_block_slot").help("Time slot of the best head (GP H_t)")
                    .callback(cb -> chain.best().ifPresent(b -> cb.call(b.slot()))).register(registry);
            GaugeWithCallback.builder().name("jam_finalized_block_slot")
                    .help("Time slot of the latest finalized block (the first block until GRANDPA runs)")
                    .callback(cb -> chain.finalized().ifPresent(b -> cb.call(b.slot()))).register(registry);
            GaugeWithCallback.builder().name("jam_store_entries").help("Entries per table of the node store")
                    .labelNames("table").callback(cb -> {
                        ActiveStore s = store.get();
                        if (s != null) {
                            for (Map.Entry<Table, Long> e : s.sizes().entrySet()) {
                                cb.call(e.getValue(), e.getKey().storageName());
                            }
                        }
                    }).register(registry);
            if (data != null) {
                GaugeWithCallback.builder().name("jam_store_disk_bytes").help("Bytes of the node's data folder on disk")
                        .callback(cb -> cb.call(folderBytes(data))).register(registry);
            }
            authorSeconds = Histogram.builder().name("jam_block_author_seconds")
                    .help("Time to build and seal a block this node authored").register(registry);
            importSeconds = Histogram.builder().name("jam_block_import_seconds")
                    .help("Time to import (check and apply, GP 4.1) a block this node authored").register(registry);
            authored = Counter.builder().name("jam_blocks_authored").help("Blocks this node authored, by seal kind")
                    .labelNames("seal").register(registry);
            JvmMetrics.builder().register(registry);
        }

        /** The auditor's counters ({@link AuditMetrics}); {@code counts} gives null while there is no auditor. */
        void audits(java.util.function.Supplier<io.jamboree.audit.AuditCounts> counts) {
            AuditMetrics.register(registry, counts);
        }

        void authored(AuthoredBlock b) {
            authorSeconds.observe(b.authorNanos() / 1e9);
            importSeconds.observe(b.importNanos() / 1e9);
            authored.labelValues(b.sealKind() == SealKind.TICKET ? "ticket" : "fallback").inc();
        }

        @Override
        public void close() {
            gas.close();
        }

        /** The exposition text of every metric. */
        byte[] scrape() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                writer.write(out, registry.scrape(), EscapingScheme.DEFAULT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        HttpServer serve(InetSocketAddress bind) throws IOException {
            HttpServer http = HttpServer.create(bind, 16);
            http.createContext("/metrics", ex -> {
                try (ex) {
                    byte[] body;
                    try {
                        body = scrape();
                    } catch (RuntimeException e) {
                        LOG.warn("metrics scrape failed", e);
                        ex.sendResponseHeaders(500, -1);
                        return;
                    }
                    ex.getResponseHeaders().set("Content-Type", writer.getContentType());
                    ex.sendResponseHeaders(200, body.length);
                    try (OutputStream o = ex.getResponseBody()) {
                        o.write(body);
                    }
                }
            });
            http.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "jam-metrics-http");
                t.setDaemon(true);
                return t;
            }));
            http.start();
            return http;
        }

        private static long folderBytes(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(f -> {
                    try {
                        return Files.size(f);
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
            } catch (IOException | UncheckedIOException e) {
                return 0;
            }
        }
    }
}
